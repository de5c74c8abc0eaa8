import type { HeadersFunction } from "@remix-run/node";

/**
 * The `headers` of every route that does not write its own (added by the build, see
 * vite.config.ts): headers its loader or action set, such as a 429's Retry-After, reach the
 * response, for pages and `.data` requests alike. Remix drops them otherwise. Set-Cookie is
 * Remix's own business; caching is decided by the HTTP server unless a route opts in.
 */
export const forwardRouteHeaders: HeadersFunction = ({ loaderHeaders, actionHeaders, errorHeaders }) => {
  const headers = new Headers();
  for (const source of [loaderHeaders, actionHeaders, errorHeaders]) {
    for (const [name, value] of source ?? []) if (name !== "set-cookie") headers.set(name, value);
  }
  return headers;
};
