import type { Readable } from "node:stream";

/**
 * The key under which a response body carries the Node stream it reads from. The HTTP layer
 * (server/http/remix-adapter.ts) looks for it and, when the body has not been read yet, pipes the
 * Node stream straight into the socket (stream.pipeline: backpressure, the file closed when the
 * visitor goes away), skipping the web-stream hop that costs a third of the throughput on a large
 * file. Anything else that reads the body (tests, Remix itself) gets an ordinary web stream.
 */
export const NODE_READABLE = Symbol.for("stapel.response.nodeReadable");

/** A web stream over `stream` that reads nothing until asked, carrying `stream` for the fast path. */
export function nodeBody(stream: Readable): ReadableStream<Uint8Array> {
  let chunks: AsyncIterator<Buffer> | undefined;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        chunks ??= stream[Symbol.asyncIterator]();
        const next = await chunks.next();
        if (next.done) controller.close();
        else
          controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      },
      cancel() {
        stream.destroy();
      },
    },
    { highWaterMark: 0 },
  );
  Object.defineProperty(body, NODE_READABLE, { value: stream });
  return body;
}
