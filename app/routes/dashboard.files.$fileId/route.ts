import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { openSellerFile } from "~/modules/media/files.server.ts";
import { contentDisposition } from "~/modules/media/replies.server.ts";
import { requireSeller } from "~/utils/session.server.ts";

/**
 * A seller downloads a file of their own listing (to check what buyers get). Another shop's file
 * answers 404 like a missing one. `Repr-Digest` carries the SHA-256 shown on the dashboard.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const file = await openSellerFile(seller.shop.id, params.fileId ?? "");
  if (file.kind !== "file") {
    const [status, message] =
      file.kind === "not-found"
        ? [404, "This file was not found."]
        : [503, "This file is temporarily unavailable. Please try again later."];
    return new Response(message, {
      status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
    });
  }
  return new Response(createReadableStreamFromReadable(file.stream), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": contentDisposition(file.fileName),
      "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
      "Cache-Control": "private, no-store",
    },
  });
}
