// What every response must carry (baseline item 3), as one function returning what is wrong.
import type { Reply } from "./http.ts";

export const SESSION_COOKIE = "__stapel_session";

export function cspDirectives(reply: Reply): Map<string, string[]> {
  const policy = reply.header("content-security-policy") ?? "";
  return new Map(
    policy
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [(name as string).toLowerCase(), values]),
  );
}

/** The nonce in script-src, or null. */
export function scriptNonce(reply: Reply): string | null {
  const sources = cspDirectives(reply).get("script-src") ?? [];
  for (const source of sources) {
    const match = source.match(/^'nonce-([A-Za-z0-9+/=_-]+)'$/);
    if (match?.[1]) return match[1];
  }
  return null;
}

export function securityHeaderProblems(
  reply: Reply,
  options: {
    https?: boolean;
    /** The embed page (isFramablePath): any site may frame it, so `*` and no X-Frame-Options. */
    framable?: boolean;
  } = {},
): string[] {
  const problems: string[] = [];
  const csp = cspDirectives(reply);
  if (csp.size === 0) problems.push("no Content-Security-Policy");
  else {
    const scriptSrc = csp.get("script-src") ?? csp.get("default-src");
    if (!scriptSrc) problems.push("CSP without script-src");
    else {
      if (!scriptNonce(reply)) problems.push(`script-src has no nonce: ${scriptSrc.join(" ")}`);
      if (scriptSrc.includes("'unsafe-inline'")) problems.push("script-src allows 'unsafe-inline'");
      if (scriptSrc.includes("'unsafe-eval'")) problems.push("script-src allows 'unsafe-eval'");
    }
    const frameAncestors = options.framable ? "*" : "'none'";
    if ((csp.get("frame-ancestors") ?? []).join(" ") !== frameAncestors)
      problems.push(
        `frame-ancestors is not ${frameAncestors}: ${(csp.get("frame-ancestors") ?? ["(missing)"]).join(" ")}`,
      );
    const frameOptions = reply.header("x-frame-options");
    if (options.framable && frameOptions !== undefined)
      problems.push(`X-Frame-Options: ${frameOptions ?? "(missing)"}`);
  }
  if (reply.header("x-content-type-options")?.toLowerCase() !== "nosniff")
    problems.push(`X-Content-Type-Options: ${reply.header("x-content-type-options") ?? "(missing)"}`);
  if (reply.header("referrer-policy")?.toLowerCase() !== "strict-origin-when-cross-origin")
    problems.push(`Referrer-Policy: ${reply.header("referrer-policy") ?? "(missing)"}`);
  const hsts = reply.header("strict-transport-security");
  if (options.https && !/max-age=[1-9]\d*/.test(hsts ?? ""))
    problems.push(`https APP_URL but Strict-Transport-Security: ${hsts ?? "(missing)"}`);
  if (!options.https && hsts) problems.push(`http APP_URL but Strict-Transport-Security: ${hsts}`);
  // The page must use the nonce it announces, or its own scripts are blocked.
  const nonce = scriptNonce(reply);
  if (reply.isHtml && nonce) {
    // Data blocks (JSON-LD) are never executed, so CSP does not govern them.
    const scripts = (reply.body.match(/<script\b[^>]*>/gi) ?? []).filter(
      (tag) => !/type="application\/(ld\+)?json"/i.test(tag),
    );
    const without = scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`));
    if (without.length > 0)
      problems.push(`${without.length} <script> tags without this response's nonce: ${without[0]}`);
  }
  return problems;
}

/** `private, no-store` is demanded; returns what is wrong with Cache-Control. */
export function notPrivateNoStore(reply: Reply): string | null {
  const value = (reply.header("cache-control") ?? "").toLowerCase();
  const tokens = value.split(",").map((token) => token.trim());
  return tokens.includes("no-store") && tokens.includes("private")
    ? null
    : `Cache-Control: ${value || "(missing)"}`;
}

export function lacksNoStore(reply: Reply): string | null {
  const value = (reply.header("cache-control") ?? "").toLowerCase();
  return value.split(",").some((token) => token.trim() === "no-store")
    ? null
    : `Cache-Control: ${value || "(missing)"}`;
}
