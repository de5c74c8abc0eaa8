/** Throws a Response (rendered by the nearest ErrorBoundary) when a condition does not hold. */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition)
    throw new Response(message, {
      ...init,
      headers: { "Content-Type": "text/plain; charset=utf-8", ...init.headers },
    });
}

export const notFound = (what = "Not found") => new Response(what, { status: 404 });

/**
 * Public catalogue pages. Every page's header shows who is signed in, so browsers always revalidate
 * (max-age=0) and shared caches keep a copy per cookie only (Vary: Cookie), which in practice
 * means the signed-out page, for a minute.
 */
export const publicCacheHeaders = {
  "Cache-Control": "public, max-age=0, s-maxage=60, stale-while-revalidate=300",
  Vary: "Cookie",
};

/** Anything personal: library, account, dashboard, checkout results. */
export const privateNoStore = { "Cache-Control": "private, no-store" };

/** A 429 with Retry-After; a string body is sent as plain text, anything else as JSON. */
export function tooManyRequests(
  retryAfterSeconds: number,
  body: string | Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  const init = { status: 429, headers: { ...headers, "Retry-After": String(retryAfterSeconds) } };
  if (typeof body !== "string") return Response.json(body, init);
  return new Response(body, {
    ...init,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...init.headers },
  });
}
