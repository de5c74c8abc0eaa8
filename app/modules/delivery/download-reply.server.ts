import type { Readable } from "node:stream";
import { forwardedClientIp } from "~/utils/client-ip.ts";
import { verifyDownloadLink } from "./download-links.server.ts";
import { openDownload } from "./downloads.server.ts";

/**
 * The answer to GET /downloads/:fileId, independent of the HTTP framework. The server pipes `body`
 * into the socket itself: Remix's response writer ignores backpressure, so a paused download would
 * otherwise sit in memory whole.
 */
export type DownloadReply = { status: number; headers: Record<string, string>; body: Readable | string };

const refusal: Record<string, [number, string]> = {
  malformed: [400, "This download link is incomplete."],
  "bad-signature": [403, "This download link is not valid."],
  expired: [410, "This download link has expired. Open your library for a fresh one."],
};

export async function replyToDownload(fileId: string, request: Request): Promise<DownloadReply> {
  const link = verifyDownloadLink(fileId, new URL(request.url).searchParams);
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
  return {
    status: 200,
    headers: {
      "Content-Type": download.contentType,
      "Content-Length": String(download.sizeBytes),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
    body: download.stream,
  };
}

function plainText(status: number, message: string): DownloadReply {
  return {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    body: message,
  };
}
