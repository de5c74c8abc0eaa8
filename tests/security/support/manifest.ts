// The route manifest of the built app (build/server/index.js exports `routes`), the list every
// table in this suite is checked against.
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";

export type ManifestRoute = {
  id: string;
  parentId: string | undefined;
  /** The route's own segment(s), as in the manifest. */
  path: string | undefined;
  index: boolean;
  /** The URL pattern it answers, parents included: "/library/:entitlementId". */
  fullPath: string;
  hasLoader: boolean;
  hasAction: boolean;
  hasComponent: boolean;
  /** Other routes name it as their parent. */
  hasChildren: boolean;
};

const buildUrl = new URL("../../../build/server/index.js", import.meta.url);

export async function loadManifest(): Promise<ManifestRoute[]> {
  const file = fileURLToPath(buildUrl);
  // A concurrent `npm run build` empties build/ for a moment.
  for (let waited = 0; !existsSync(file) && waited < 30_000; waited += 250) await sleep(250);
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npm run build\` before the security tests`);
  const build = (await import(buildUrl.href)) as ServerBuild;
  const entries = Object.values(build.routes);
  const byId = new Map(entries.map((route) => [route.id, route]));
  const fullPath = (id: string | undefined): string => {
    const route = id ? byId.get(id) : undefined;
    if (!route) return "";
    const parent = fullPath(route.parentId);
    return route.path ? `${parent}/${route.path}`.replace(/\/+/g, "/") : parent;
  };
  return entries
    .map((route) => ({
      id: route.id,
      parentId: route.parentId,
      path: route.path,
      index: Boolean(route.index),
      fullPath: fullPath(route.id) || "/",
      hasLoader: typeof route.module.loader === "function",
      hasAction: typeof route.module.action === "function",
      hasComponent: typeof route.module.default === "function",
      hasChildren: entries.some((other) => other.parentId === route.id),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Whether a request path (query ignored) is one this route's pattern answers. */
export function matchesRoute(route: ManifestRoute, requestPath: string): boolean {
  const pathname = requestPath.split("?")[0] ?? "";
  const pattern = route.fullPath
    .split("/")
    .map((segment) =>
      segment === "*"
        ? ".+"
        : segment.startsWith(":")
          ? "[^/]+"
          : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("/");
  return new RegExp(`^${pattern === "" ? "/" : pattern}/?$`).test(pathname);
}
