import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { openImageVariant } from "~/modules/media/images.server.ts";

/** A variant never changes: a changed image is a new image with a new id. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** A buyer's review proof can be hidden by an admin: caches ask again each time (a 304 by ETag). */
const REVALIDATE = "public, no-cache";

/**
 * A seller's image as webp at one width (`/images/:imageId/640.webp`): public, cached for a year,
 * with an ETag so a revalidating cache gets a 304. (For signed-in visitors the HTTP layer makes
 * every response private, no-store; see README, "Images and files".)
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const opened = await openImageVariant(params.imageId ?? "", params.variant ?? "");
  if (opened.kind === "not-found") {
    return new Response("This image does not exist.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const cacheHeaders = { "Cache-Control": opened.reviewProof ? REVALIDATE : IMMUTABLE, ETag: opened.etag };
  if (
    request.headers
      .get("If-None-Match")
      ?.split(/\s*,\s*/)
      .includes(opened.etag)
  ) {
    opened.stream.destroy();
    return new Response(null, { status: 304, headers: cacheHeaders });
  }
  return new Response(createReadableStreamFromReadable(opened.stream), {
    headers: { ...cacheHeaders, "Content-Type": "image/webp", "Content-Length": String(opened.sizeBytes) },
  });
}
