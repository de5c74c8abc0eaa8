import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as homeRoute from "~/routes/_index/route.tsx";
import * as listingRoute from "~/routes/p.$slug/route.tsx";
import * as shopRoute from "~/routes/s.$handle/route.tsx";
import * as searchRoute from "~/routes/search/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser, requestAs, signIn } from "../support/fixtures.ts";
import { allSitemapXml } from "../support/reach-sitemap.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

describe("the storefront", () => {
  it("never sends the paid prompt or file locations to a visitor", async () => {
    const { listing, shop } = await createListingForSale();
    const page = expectData(
      await callRoute(listingRoute.loader, requestAs(null, `/p/${listing.slug}`), { slug: listing.slug }),
    );
    const serialized = JSON.stringify(page.data);
    expect(serialized).toContain(listing.title);
    expect(serialized).not.toContain("SECRET PROMPT BODY");
    expect(serialized).not.toContain("listings/");
    // Public caching is the route's opt-in; the HTTP layer keeps signed-in responses private
    // (checked over real HTTP by the security suite).
    expect(new Headers(listingRoute.headers({} as never)).get("Cache-Control")).toContain("public");

    const shopPage = expectData(
      await callRoute(shopRoute.loader, requestAs(null, `/s/${shop.handle}`), { handle: shop.handle }),
    );
    expect(JSON.stringify(shopPage.data)).not.toContain("SECRET PROMPT BODY");
  });

  it("says when a signed-in buyer owns it", async () => {
    const { listing } = await createListingForSale();
    const buyer = await createUser();
    const cookie = await signIn(buyer.id);
    const before = expectData(
      await callRoute(listingRoute.loader, requestAs(cookie, `/p/${listing.slug}`), { slug: listing.slug }),
    );
    expect(before.data).toMatchObject({ signedIn: true, owned: false });
  });

  it("filters by type, model and text, and hides drafts", async () => {
    const { listing } = await createListingForSale();
    const draft = await createListingForSale();
    await prisma.listing.update({ where: { id: draft.listing.id }, data: { status: "DRAFT" } });
    const search = async (query: string) =>
      expectData(
        await callRoute(searchRoute.loader, requestAs(null, `/search?${query}`)),
      ).data.page.results.map((card: { slug: string }) => card.slug);
    expect(await search("")).toContain(listing.slug);
    expect(await search("")).not.toContain(draft.listing.slug);
    expect(await search("type=AGENT")).not.toContain(listing.slug);
    expect(await search("model=Claude&type=PROMPT")).toContain(listing.slug);
    expect(await search("q=cold%20email")).toContain(listing.slug);
    expect(await search("q=nothing-matches-this")).toEqual([]);
  });

  it("drops empty search parameters from the URL, and treats NUL in a query as no filter", async () => {
    const redirected = expectResponse(
      await callRoute(searchRoute.loader, requestAs(null, "/search?q=email&type=&model=&sort=newest")),
    );
    expect(redirected.status).toBe(301);
    expect(redirected.headers.get("Location")).toBe("/search?q=email&sort=newest");
    const { listing } = await createListingForSale();
    const page = expectData(
      await callRoute(searchRoute.loader, requestAs(null, "/search?model=%00&category=a%00b")),
    );
    expect(page.data.search).toMatchObject({ model: undefined, category: undefined });
    expect(page.data.page.results.map((card: { slug: string }) => card.slug)).toContain(listing.slug);
  });

  it("sends old search links on the home page to /search, and shows the home page without them", async () => {
    const moved = expectResponse(await callRoute(homeRoute.loader, requestAs(null, "/?q=email&type=PROMPT")));
    expect(moved.status).toBe(301);
    expect(moved.headers.get("Location")).toBe("/search?q=email&type=PROMPT");
    const { listing } = await createListingForSale();
    const home = expectData(await callRoute(homeRoute.loader, requestAs(null, "/")));
    expect(home.data.newest.map((card: { slug: string }) => card.slug)).toContain(listing.slug);
    expect(home.data.categories).toContainEqual(
      expect.objectContaining({ value: "Copywriting", slug: "copywriting" }),
    );
  });

  it("answers 404 for unknown and draft listings and shops", async () => {
    const draft = await createListingForSale();
    await prisma.listing.update({ where: { id: draft.listing.id }, data: { status: "DRAFT" } });
    for (const slug of ["no-such-listing", draft.listing.slug, "\u0000", "../etc/passwd", "x".repeat(300)]) {
      expect(
        expectResponse(await callRoute(listingRoute.loader, requestAs(null, `/p/${slug}`), { slug })).status,
      ).toBe(404);
    }
    expect(
      expectResponse(await callRoute(shopRoute.loader, requestAs(null, "/s/nobody"), { handle: "nobody" }))
        .status,
    ).toBe(404);
  });

  it("lists published listings and shops in the sitemap", async () => {
    const { listing, shop } = await createListingForSale();
    const xml = await allSitemapXml();
    expect(xml).toContain(`<loc>http://stapel.test/p/${listing.slug}</loc>`);
    expect(xml).toContain(`<loc>http://stapel.test/s/${shop.handle}</loc>`);
  });
});
