import type { LoaderFunctionArgs } from "@remix-run/node";
import { ogImageResponse, shopOgImage } from "~/modules/reach/og-image.server.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";

/** GET /og/s/<handle>.png: the shop's 1200×630 Open Graph picture. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const handle = /^(.+)\.png$/.exec(params.handle ?? "")?.[1] ?? "";
  if (!SLUG_PATTERN.test(handle)) return ogImageResponse(request, null);
  return ogImageResponse(request, await shopOgImage(handle));
}
