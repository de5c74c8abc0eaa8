/**
 * The visitor's address as the reverse proxy in front of the app reports it: the first entry of
 * X-Forwarded-For. Only as trustworthy as that proxy: it must set the header, not pass on a
 * client's own. Undefined when the request came without one (local runs, tests).
 */
export function forwardedClientIp(request: Request): string | undefined {
  return request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim() || undefined;
}

/** The address to count a request against; requests without a proxy header share "unknown". */
export function clientIp(request: Request): string {
  return forwardedClientIp(request) ?? "unknown";
}
