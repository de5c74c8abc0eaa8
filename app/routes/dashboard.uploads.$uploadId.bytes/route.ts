import type { ActionFunctionArgs } from "@remix-run/node";
import { OffsetQuery } from "~/modules/media/forms.ts";
import { messageJson, noStore } from "~/modules/media/replies.server.ts";
import { receiveBytes } from "~/modules/media/uploads.server.ts";
import { requireSeller } from "~/utils/session.server.ts";

const refusalStatus = {
  "not-found": 404,
  finished: 409,
  "wrong-offset": 409,
  busy: 409,
  "too-large": 413,
  "wrong-content": 415,
} as const;

/**
 * The bytes of an upload, from `?offset=` (what the server already has) on, as the raw request
 * body with `Content-Type: application/octet-stream`. That type cannot be sent cross-site without a
 * CORS preflight (which this app never grants), and the origin check refuses foreign pages anyway
 * (ADR 19). The body is streamed to the store, never held whole; whatever arrives is kept, also
 * when the connection breaks, and the answer says how many bytes the server has.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  if (request.method !== "POST") return messageJson(405, "Send the bytes with POST.");
  const contentType = (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/octet-stream") {
    return messageJson(
      415,
      "Send the file's bytes as the request body with Content-Type: application/octet-stream.",
    );
  }
  const query = OffsetQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return messageJson(
      400,
      query.error.issues[0]?.message ?? "offset is missing: say where these bytes start.",
    );
  }
  const lengthHeader = request.headers.get("Content-Length");
  const contentLength = lengthHeader === null ? null : Number(lengthHeader);
  if (contentLength !== null && !(Number.isSafeInteger(contentLength) && contentLength >= 0)) {
    return messageJson(400, "Content-Length is not a number of bytes.");
  }
  const outcome = await receiveBytes(seller.shop.id, params.uploadId ?? "", {
    offset: query.data.offset,
    contentLength,
    body: request.body ? chunksOf(request.body) : emptyBody(),
  });
  if (!outcome.ok)
    return messageJson(refusalStatus[outcome.refusal], outcome.message, { upload: outcome.upload });
  return Response.json(
    {
      upload: outcome.upload,
      message: outcome.interrupted
        ? `The connection broke off; ${outcome.upload.receivedBytes} bytes are stored. Continue from there.`
        : undefined,
    },
    { headers: noStore },
  );
}

async function* emptyBody(): AsyncIterable<Uint8Array> {}

/** The body's chunks, one read at a time (the next is read only when the store took this one). */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    // Stopped early (too long, refused): stop reading the request too.
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}
