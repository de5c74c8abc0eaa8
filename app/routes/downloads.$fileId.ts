import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { verifyDownloadLink } from "~/modules/delivery/download-links.server.ts";
import { openDownload } from "~/modules/delivery/downloads.server.ts";
import { forwardedClientIp } from "~/utils/client-ip.ts";

const refusal: Record<string, [number, string]> = {
  malformed: [400, "This download link is incomplete."],
  "bad-signature": [403, "This download link is not valid."],
  expired: [410, "This download link has expired. Open your library for a fresh one."],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const link = verifyDownloadLink(params.fileId ?? "", url.searchParams);
  if (!link.ok) {
    const [status, message] = refusal[link.reason] ?? [400, "Invalid link"];
    return plainText(status, message);
  }
  const download = await openDownload(link.grant, {
    ip: forwardedClientIp(request),
    userAgent: request.headers.get("User-Agent") ?? undefined,
  });
  if (download.kind === "no-access") return plainText(404, "You no longer have access to this file.");
  if (download.kind === "missing-from-storage") {
    return plainText(
      503,
      "This file is temporarily unavailable. Please try again later or contact the seller.",
    );
  }
  return new Response(Readable.toWeb(download.stream) as ReadableStream, {
    headers: {
      "Content-Type": download.contentType,
      "Content-Length": String(download.sizeBytes),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function plainText(status: number, message: string) {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
