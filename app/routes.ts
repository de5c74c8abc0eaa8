import { flatRoutes } from "@remix-run/fs-routes";
import type { RouteConfig } from "@remix-run/route-config";

// File-system routes with dot-separated names (docs/decisions/0001-flat-dot-routes.md).
export default flatRoutes() satisfies RouteConfig;
