/**
 * Cross-site request forgery guard for every state-changing request. Session cookies are
 * SameSite=Lax, which already keeps them off cross-site POSTs in current browsers; this refuses
 * such requests outright (and covers older browsers and same-site subdomains), with a message
 * instead of Remix's empty 500.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Endpoints called by other servers, never by a browser with our cookies: Stripe's webhooks
 * (authenticated by their signature) and the public JSON API (CORS-enabled, keys in the body).
 */
const CROSS_ORIGIN_ENDPOINTS = [/^\/webhooks\//, /^\/api\//];

export type CsrfVerdict = { ok: true } | { ok: false; reason: string };

export function checkCrossSiteRequest(input: {
  method: string;
  path: string;
  origin: string | undefined;
  fetchSite: string | undefined;
  /** Origins this app answers on: APP_URL's and the one the request was addressed to. */
  ownOrigins: string[];
}): CsrfVerdict {
  if (SAFE_METHODS.has(input.method)) return { ok: true };
  if (CROSS_ORIGIN_ENDPOINTS.some((pattern) => pattern.test(input.path))) return { ok: true };
  if (input.fetchSite === "cross-site") {
    return { ok: false, reason: "This form was sent from another website, so it was refused." };
  }
  // No Origin at all: not a browser (curl, a script) or a very old one; SameSite cookies still apply.
  if (input.origin === undefined) return { ok: true };
  if (!input.ownOrigins.includes(input.origin)) {
    return { ok: false, reason: "This form was sent from another website, so it was refused." };
  }
  return { ok: true };
}
