import type { LoaderFunctionArgs } from "@remix-run/node";
import { listingOgImage, ogImageResponse } from "~/modules/reach/og-image.server.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";

/** GET /og/p/<slug>.png: the listing's 1200×630 Open Graph picture (public fields only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = /^(.+)\.png$/.exec(params.slug ?? "")?.[1] ?? "";
  if (!SLUG_PATTERN.test(slug)) return ogImageResponse(request, null);
  return ogImageResponse(request, await listingOgImage(slug));
}
