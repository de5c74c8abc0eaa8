import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";

/** A fresh nonce per response: only scripts the server rendered into this page may run. */
export const newNonce = () => randomBytes(16).toString("base64");

export interface SecurityHeaderOptions {
  nonce: string;
  /** https APP_URL: browsers are told to never use plain http again (HSTS). */
  https: boolean;
  /** Where forms may lead: our own pages and the payment page (Stripe Checkout, or a stand-in). */
  formTargets: string[];
  /** Vite's dev server injects styles and opens a websocket; a production build needs neither. */
  devMode: boolean;
  /** The embeddable buy page (`isFramablePath`): any site may frame it. Everything else: none. */
  framable?: boolean;
}

/**
 * The one kind of page other sites may show in a frame: the embeddable buy button's page,
 * `/embed/p/<slug>` (and its `.data`). It shows public listing facts and a Buy button that opens
 * checkout in a new tab, so being framed cannot trick a visitor into anything (no clickjacking).
 */
export function isFramablePath(path: string): boolean {
  return /^\/embed\/p\/[^/]+\/?$/.test(path);
}

/**
 * Headers every response carries, whatever produced it (a page, data, a file, a static asset or
 * an error). Only `isFramablePath` pages may be framed (by anyone); every other page by no one.
 */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const { nonce, framable, ...site } = options;
  return securityHeaderSet(site).headersFor(nonce, framable === true);
}

/**
 * `securityHeaders` for one site, worked out once: per response only the nonce is put into the
 * policy (the HTTP layer sets these on every response, page-cache hits included).
 */
export function securityHeaderSet(site: Omit<SecurityHeaderOptions, "nonce" | "framable">) {
  const variant = (framable: boolean) => {
    const [before, after] = policyAround(site, framable);
    const fixed: [string, string][] = [
      ["X-Content-Type-Options", "nosniff"],
      ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ];
    // For browsers that predate frame-ancestors (never on the framable embed page).
    if (!framable) fixed.push(["X-Frame-Options", "DENY"]);
    if (site.https) fixed.push(["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]);
    return { before, after, fixed };
  };
  const variants = { page: variant(false), framable: variant(true) };
  return {
    headersFor(nonce: string, framable: boolean): Record<string, string> {
      const { before, after, fixed } = framable ? variants.framable : variants.page;
      return { "Content-Security-Policy": `${before}${nonce}${after}`, ...Object.fromEntries(fixed) };
    },
    /** Sets them on a Node response: no object or array is made per response. */
    apply(res: ServerResponse, nonce: string, framable: boolean) {
      const { before, after, fixed } = framable ? variants.framable : variants.page;
      res.setHeader("Content-Security-Policy", `${before}${nonce}${after}`);
      for (const [name, value] of fixed) res.setHeader(name, value);
      keepStoredPolicyOnNotModified(res);
    },
  };
}

/** The Content-Security-Policy as the text before and after its nonce. */
function policyAround(site: Omit<SecurityHeaderOptions, "nonce" | "framable">, framable: boolean) {
  const marker = "\u0000nonce\u0000";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${marker}'`,
    `style-src 'self'${site.devMode ? " 'unsafe-inline'" : ""}`,
    "img-src 'self' data: https:",
    "font-src 'self'",
    `connect-src 'self'${site.devMode ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${site.formTargets.join(" ")}`.trim(),
    framable ? "frame-ancestors *" : "frame-ancestors 'none'",
  ].join("; ");
  const at = policy.indexOf(marker);
  return [policy.slice(0, at), policy.slice(at + marker.length)] as const;
}

/**
 * A 304 goes out without this response's policy. A browser revalidating a page keeps its stored body
 * and replaces the stored headers with the 304's (RFC 9111 §4.3.4): a new nonce beside the old body
 * would block every script of the page it shows again, so the page would never hydrate on a revisit.
 * Hooked on writeHead, which every way of ending a response goes through, so no path can forget it.
 */
function keepStoredPolicyOnNotModified(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (args[0] === 304) this.removeHeader("Content-Security-Policy");
    return writeHead.apply(this, args as never);
  } as ServerResponse["writeHead"];
}
