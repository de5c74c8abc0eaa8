import type { SandboxContext } from "./context.ts";
import { type HtmlResponse, handleHostedCheckout } from "./hosted-checkout.ts";
import { handleClocksPage } from "./hosted-clocks.ts";
import { handleHostedInvoice, handleInvoicePdf } from "./hosted-invoice.ts";
import { handleHostedOnboarding } from "./hosted-onboarding.ts";
import { handleHostedPortal } from "./hosted-portal.ts";

type PageHandler = (
  ctx: SandboxContext,
  method: string,
  params: string[],
  body: string,
  query: URLSearchParams,
) => HtmlResponse;

/** The pages people open in a browser (no API key): checkout, invoices, the portal, test clocks. */
const PAGES: [RegExp, PageHandler][] = [
  [/^\/c\/pay\/([^/]+)\/?$/, (ctx, method, [id], body) => handleHostedCheckout(ctx, method, id ?? "", body)],
  [/^\/i\/([^/]+)\/pdf$/, (ctx, _method, [id]) => handleInvoicePdf(ctx, id ?? "")],
  [/^\/i\/([^/]+)\/?$/, (ctx, method, [id], body) => handleHostedInvoice(ctx, method, id ?? "", body)],
  [
    /^\/p\/session\/([^/]+)\/?$/,
    (ctx, method, [id], body, query) => handleHostedPortal(ctx, method, id ?? "", body, query),
  ],
  [
    /^\/test-clocks\/?$/,
    (ctx, method, _params, body) =>
      handleClocksPage(ctx, method === "POST" ? "GET" : method, undefined, body),
  ],
  [
    /^\/setup\/e\/([^/]+)\/([^/]+)\/?$/,
    (ctx, method, [account, token], body) =>
      handleHostedOnboarding(ctx, method, account ?? "", token ?? "", body),
  ],
  [/^\/test-clocks\/([^/]+)\/advance$/, (ctx, method, [id], body) => handleClocksPage(ctx, method, id, body)],
];

export function handlePage(
  ctx: SandboxContext,
  method: string,
  url: URL,
  body: string,
): HtmlResponse | undefined {
  if (method !== "GET" && method !== "POST") return undefined;
  for (const [pattern, handler] of PAGES) {
    const match = pattern.exec(url.pathname);
    if (!match) continue;
    const params = match.slice(1).map((part) => decodeURIComponent(part));
    return handler(ctx, method, params, body, url.searchParams);
  }
  return undefined;
}
