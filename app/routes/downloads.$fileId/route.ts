import type { LoaderFunctionArgs } from "@remix-run/node";
import { verifyDownloadLink } from "~/modules/delivery/download-links.server.ts";
import { type FileHeaders, openDownload } from "~/modules/delivery/downloads.server.ts";
import { clientIp } from "~/utils/client-ip.ts";
import { nodeBody } from "./node-body.server.ts";

const refusal = {
  malformed: [400, "This download link is incomplete."],
  "bad-signature": [403, "This download link is not valid."],
  expired: [410, "This download link has expired. Open your library for a fresh one."],
} as const;

/**
 * A paid file behind a signed, expiring link. The link names the entitlement; access is checked
 * again now, so a refund between page view and click still closes the door. Ranges resume
 * interrupted downloads (206); on S3 the answer is a redirect to a short-lived presigned URL, on disk
 * the bytes, which the HTTP server writes with backpressure. GET and HEAD (Remix runs the loader for
 * both and drops a HEAD's body).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const link = verifyDownloadLink(params.fileId ?? "", new URL(request.url).searchParams);
  if (!link.ok) {
    const [status, message] = refusal[link.reason];
    return plainText(status, message);
  }
  const download = await openDownload(link.grant, {
    method: request.method === "HEAD" ? "HEAD" : "GET",
    range: request.headers.get("Range"),
    ifRange: request.headers.get("If-Range"),
    ifNoneMatch: request.headers.get("If-None-Match"),
    ip: clientIp(context),
    userAgent: request.headers.get("User-Agent") ?? undefined,
  });
  switch (download.kind) {
    case "no-access":
      return plainText(404, "You no longer have access to this file.");
    case "missing-from-storage":
      return plainText(
        503,
        "This file is temporarily unavailable. Please try again later or contact the seller.",
      );
    case "limit-reached":
      return plainText(
        403,
        `You have used all ${download.limit} downloads of this file that come with your purchase. Contact the seller if you need it again.`,
      );
    case "not-modified":
      return new Response(null, { status: 304, headers: validatorHeaders(download) });
    case "unsatisfiable":
      return new Response(`This file has ${download.sizeBytes} bytes; the requested range is outside it.`, {
        status: 416,
        headers: {
          "Content-Range": `bytes */${download.sizeBytes}`,
          "Content-Type": "text/plain; charset=utf-8",
          "Accept-Ranges": "bytes",
          "Cache-Control": "private, no-store",
        },
      });
    case "redirect":
      return new Response(null, {
        status: 302,
        headers: { Location: download.url, "Cache-Control": "private, no-store" },
      });
    case "head":
      return new Response(null, { status: download.range ? 206 : 200, headers: fileHeaders(download) });
    case "stream":
      return new Response(nodeBody(download.stream), {
        status: download.range ? 206 : 200,
        headers: fileHeaders(download),
      });
  }
}

function validatorHeaders(file: FileHeaders): Record<string, string> {
  return {
    ETag: file.etag,
    "Last-Modified": file.lastModified.toUTCString(),
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, no-store",
  };
}

function fileHeaders(
  file: FileHeaders & { sizeBytes: number; range: { start: number; end: number } | null },
): Record<string, string> {
  const { range, sizeBytes } = file;
  return {
    ...validatorHeaders(file),
    "Content-Type": file.contentType,
    "Content-Disposition": file.contentDisposition,
    "Content-Length": String(range ? range.end - range.start + 1 : sizeBytes),
    ...(range && { "Content-Range": `bytes ${range.start}-${range.end}/${sizeBytes}` }),
  };
}

function plainText(status: number, message: string) {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
