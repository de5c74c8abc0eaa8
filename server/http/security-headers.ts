import { randomBytes } from "node:crypto";

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
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}'`,
    `style-src 'self'${options.devMode ? " 'unsafe-inline'" : ""}`,
    "img-src 'self' data: https:",
    "font-src 'self'",
    `connect-src 'self'${options.devMode ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${options.formTargets.join(" ")}`.trim(),
    options.framable ? "frame-ancestors *" : "frame-ancestors 'none'",
  ];
  return {
    "Content-Security-Policy": policy.join("; "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // For browsers that predate frame-ancestors (never on the framable embed page).
    ...(!options.framable && { "X-Frame-Options": "DENY" }),
    ...(options.https && { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" }),
  };
}
