import type { LoaderFunctionArgs } from "@remix-run/node";
import { embedPage } from "~/modules/reach/embed-page.server.ts";
import { publicCacheHeaders } from "~/utils/http.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";

/**
 * GET /embed/p/<slug>: the buy card a seller's site shows in an overlay (see /embed.js). The HTTP
 * layer lets any site frame this path and no other (server/http/security-headers.ts).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const html = SLUG_PATTERN.test(slug)
    ? await embedPage(slug, {
        chosenCurrency: new URL(request.url).searchParams.get("currency"),
        acceptLanguage: request.headers.get("Accept-Language"),
      })
    : null;
  if (!html) {
    return new Response("This listing does not exist or is no longer for sale.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" },
    });
  }
  return new Response(html, {
    headers: {
      ...publicCacheHeaders,
      Vary: "Cookie, Accept-Language",
      "Content-Type": "text/html; charset=utf-8",
    },
  });
}
