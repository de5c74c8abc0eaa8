import { flatRoutes } from "@remix-run/fs-routes";
import type { RouteConfig } from "@remix-run/route-config";

// Folder routes with dot-separated names (docs/decisions/0001-flat-dot-routes.md): each route is a
// folder holding route.tsx and, beside it, the helpers and tests that serve only that route.
export default flatRoutes({
  ignoredRouteFiles: ["**/*.server.ts", "**/*.server.tsx", "**/*.test.ts", "**/*.test.tsx", "**/__*"],
}) satisfies RouteConfig;
