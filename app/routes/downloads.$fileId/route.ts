import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { verifyDownloadLink } from "~/modules/delivery/download-links.server.ts";
import { openDownload } from "~/modules/delivery/downloads.server.ts";
import { clientIp } from "~/utils/client-ip.ts";

const refusal = {
  malformed: [400, "This download link is incomplete."],
  "bad-signature": [403, "This download link is not valid."],
  expired: [410, "This download link has expired. Open your library for a fresh one."],
} as const;

/**
 * A paid file behind a signed, expiring link. The link names the entitlement; access is checked
 * again now, so a refund between page view and click still closes the door. The HTTP server writes
 * the body with backpressure, so a slow reader slows the file read instead of filling memory.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const link = verifyDownloadLink(params.fileId ?? "", new URL(request.url).searchParams);
  if (!link.ok) {
    const [status, message] = refusal[link.reason];
    return plainText(status, message);
  }
  const download = await openDownload(link.grant, {
    ip: clientIp(context),
    userAgent: request.headers.get("User-Agent") ?? undefined,
  });
  if (download.kind === "no-access") return plainText(404, "You no longer have access to this file.");
  if (download.kind === "missing-from-storage") {
    return plainText(
      503,
      "This file is temporarily unavailable. Please try again later or contact the seller.",
    );
  }
  return new Response(createReadableStreamFromReadable(download.stream), {
    headers: {
      "Content-Type": download.contentType,
      "Content-Length": String(download.sizeBytes),
      "Content-Disposition": contentDisposition(download.fileName),
      "Cache-Control": "private, no-store",
    },
  });
}

/** Both forms: `filename` (ASCII, for old clients) and `filename*` (the real UTF-8 name). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function plainText(status: number, message: string) {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
