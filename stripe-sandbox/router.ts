import type { RequestInfo, SandboxContext } from "./context.ts";
import type { FormObject } from "./form-body.ts";

export interface ApiRequest {
  method: string;
  path: string;
  /** Path parameters, e.g. `{ id: "cus_123" }` for `/v1/customers/:id`. */
  params: Record<string, string>;
  /** Form body for POST, query string for GET, parsed into nested objects. */
  input: FormObject;
  info: RequestInfo;
}

/** Returns the JSON body of a 200 answer, or throws an ApiError. */
export type Handler = (ctx: SandboxContext, request: ApiRequest) => unknown;

export interface Route {
  method: "GET" | "POST" | "DELETE";
  pattern: string;
  handler: Handler;
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const parts = path.split("/").filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split("/").filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matched = pattern.every((segment, index) => {
      const part = parts[index] ?? "";
      if (segment.startsWith(":")) {
        params[segment.slice(1)] = decodeURIComponent(part);
        return part.length > 0;
      }
      return segment === part;
    });
    if (matched) return { route, params };
  }
  return undefined;
}
