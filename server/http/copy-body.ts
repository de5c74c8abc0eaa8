import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Response as ExpressResponse } from "express";

/**
 * Copies a response body into `target` (the response itself, or a compressor piped into it) one
 * chunk at a time, waiting for "drain" whenever its buffer is full, so a slow reader slows whatever
 * produces the body (a file read, a render). When the visitor goes away the body is cancelled
 * without an error: Remix's stream adapter would otherwise destroy its source with that error after
 * removing its own error listener, and the process would see an uncaught exception. A compressor
 * is destroyed with it. `afterWrite` runs after each chunk (the compressor's flush scheduling).
 */
export async function copyBody(
  res: ExpressResponse,
  body: ReadableStream<Uint8Array>,
  target: Writable = res,
  afterWrite?: () => void,
): Promise<void> {
  const reader = body.getReader();
  let gone = false;
  const closed = once(res, "close")
    .then(() => {
      if (res.writableFinished) return;
      gone = true;
      reader.cancel().catch(() => {});
      if (target !== res) target.destroy();
    })
    .catch(() => {});
  for (;;) {
    const { done, value } = await reader.read();
    if (done || gone) break;
    const room = target.write(value);
    afterWrite?.();
    // A target destroyed while waiting (the visitor left) errors instead of draining: that is "closed".
    if (!room) await Promise.race([once(target, "drain").catch(() => {}), closed]);
    if (gone) break;
  }
  if (!gone) target.end();
}
