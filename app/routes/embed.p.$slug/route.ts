import type { LoaderFunctionArgs } from "@remix-run/node";
import { translator } from "~/modules/i18n/messages.server.ts";
import { resolveViewer } from "~/modules/i18n/viewer.server.ts";
import { embedPage } from "~/modules/reach/embed-page.server.ts";
import { publicCacheHeaders } from "~/utils/http.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";

/**
 * GET /embed/p/<slug>: the buy card a seller's site shows in an overlay (see /embed.js). The HTTP
 * layer lets any site frame this path and no other (server/http/security-headers.ts).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  // The card's words follow ?lang=, else the lang cookie, else the browser's languages.
  const { language } = resolveViewer(request);
  const html = SLUG_PATTERN.test(slug)
    ? await embedPage(
        slug,
        {
          chosenCurrency: new URL(request.url).searchParams.get("currency"),
          acceptLanguage: request.headers.get("Accept-Language"),
          language,
        },
        { nonce: context.nonce },
      )
    : null;
  if (!html) {
    return new Response(translator(language)("msg.listingNotFound"), {
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
