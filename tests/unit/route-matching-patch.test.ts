// The server's route matching runs on a patched @remix-run/router (patches/README.md): ranked route
// branches are kept per route tree and compiled path patterns per pattern. These tests hold the
// patched CommonJS build (what Node loads for Remix on the server) against the package's own ES
// module build, which the patch leaves alone (and which the browser bundle uses).
import { createRequire } from "node:module";
import type * as Router from "@remix-run/router";
import * as esmBuild from "@remix-run/router/dist/router.js";
import { describe, expect, it } from "vitest";

type RouterModule = typeof Router;
const unpatched = esmBuild as unknown as RouterModule;
const patched = createRequire(import.meta.url)("@remix-run/router") as RouterModule;

type Route = Router.AgnosticRouteObject;
// Shapes the app's flat routes produce: a root layout, index routes, params, optional segments,
// pathless layouts, nested params, a case-sensitive path and a catch-all splat.
const tree = (): Route[] => [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "listing", path: "p/:slug" },
      { id: "listing-reviews", path: "p/:slug/reviews" },
      { id: "shop", path: "s/:handle" },
      { id: "shop-plan", path: "s/:handle/plans/:planId" },
      { id: "category", path: "c/:category/:page?" },
      { id: "search", path: "search" },
      { id: "caseful", path: "API/v1/Licenses", caseSensitive: true },
      {
        id: "account-layout",
        children: [
          { id: "library", path: "library" },
          { id: "library-item", path: "library/:entitlementId" },
        ],
      },
      { id: "sitemap", path: "sitemaps/:name" },
      { id: "splat", path: "*" },
    ],
  },
];

const paths = [
  "/",
  "/p/prompt-one",
  "/P/Prompt-One",
  "/p/prompt-one/",
  "/p/prompt-one/reviews",
  "/s/maren-writes",
  "/s/maren-writes/plans/plan_1",
  "/c/writing",
  "/c/writing/2",
  "/search",
  "/API/v1/Licenses",
  "/api/v1/licenses",
  "/library",
  "/library/ent_1",
  "/sitemaps/listings-1.xml",
  "/p/%E2%82%AC-sign",
  "/nothing/here/at/all",
  "",
];

const summary = (matches: Router.AgnosticRouteMatch[] | null) =>
  matches?.map((match) => ({ id: match.route.id, params: match.params, pathname: match.pathname }));

describe("route matching on the patched router", () => {
  it("matches every path as the unpatched router does, on first and repeated matches", () => {
    const routes = tree();
    const reference = tree();
    for (let round = 0; round < 3; round++) {
      for (const path of paths) {
        expect(summary(patched.matchRoutes(routes, path)), `${path} (round ${round})`).toEqual(
          summary(unpatched.matchRoutes(reference, path)),
        );
      }
    }
    expect(summary(patched.matchRoutes(routes, "/p/prompt-one"))?.at(-1)).toEqual({
      id: "listing",
      params: { slug: "prompt-one" },
      pathname: "/p/prompt-one",
    });
    expect(summary(patched.matchRoutes(routes, "/api/v1/licenses"))?.at(-1)?.id).toBe("splat");
  });

  it("keeps patterns that differ only in case sensitivity or end apart", () => {
    for (const [pattern, pathname] of [
      [{ path: "/Shop/:id", caseSensitive: true }, "/shop/1"],
      [{ path: "/Shop/:id", caseSensitive: false }, "/shop/1"],
      [{ path: "/shop", end: true }, "/shop/1"],
      [{ path: "/shop", end: false }, "/shop/1"],
      ["/shop/:id", "/shop/1"],
    ] as const) {
      expect(patched.matchPath(pattern, pathname)).toEqual(unpatched.matchPath(pattern, pathname));
      expect(patched.matchPath(pattern, pathname)).toEqual(unpatched.matchPath(pattern, pathname));
    }
    expect(patched.matchPath({ path: "/Shop/:id", caseSensitive: true }, "/shop/1")).toBeNull();
    expect(patched.matchPath({ path: "/Shop/:id", caseSensitive: false }, "/shop/1")?.params).toEqual({
      id: "1",
    });
  });

  it("reuses a route tree's ranked branches (the patch is applied), so trees are never changed in place", () => {
    // The contract the cache relies on: the server builds its route tree once and never edits it.
    // Editing one in place after a match is invisible to the patched router, not to the unpatched.
    const routes = tree();
    const reference = tree();
    patched.matchRoutes(routes, "/");
    unpatched.matchRoutes(reference, "/");
    for (const edited of [routes, reference])
      edited[0]?.children?.unshift({ id: "added-later", path: "added-later" });
    expect(summary(unpatched.matchRoutes(reference, "/added-later"))?.at(-1)?.id).toBe("added-later");
    expect(summary(patched.matchRoutes(routes, "/added-later"))?.at(-1)?.id).toBe("splat");
    // A new tree (a new array) is ranked afresh.
    const rebuilt = tree();
    rebuilt[0]?.children?.unshift({ id: "added-later", path: "added-later" });
    expect(summary(patched.matchRoutes(rebuilt, "/added-later"))?.at(-1)?.id).toBe("added-later");
  });
});
