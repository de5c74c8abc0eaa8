import type { AppLoadContext } from "@remix-run/node";

/**
 * The address to count a request against (rate limits, download log). The HTTP server decides it:
 * the socket's address, or with TRUST_PROXY the address a trusted proxy put in X-Forwarded-For.
 * A header a client sends itself never counts. Called without a server (scripts), "unknown".
 */
export function clientIp(context: Partial<AppLoadContext> | undefined): string {
  return context?.clientAddress || "unknown";
}
