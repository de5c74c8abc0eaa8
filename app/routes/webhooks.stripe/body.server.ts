/**
 * Stripe's events are a few kilobytes (lists inside them are truncated); 512 KiB leaves room for
 * large metadata and invoices while a flood of big bodies cannot fill memory.
 */
export const MAX_WEBHOOK_BODY_BYTES = 512 * 1024;

export type BodyRead = { kind: "ok"; text: string } | { kind: "too-large" } | { kind: "unreadable" };

/**
 * The raw body as text, read no further than `maxBytes`: a declared Content-Length above it is
 * refused at once, and a body without one is counted while it streams in. The text is decoded
 * exactly (a byte-order mark is kept), because the signature covers the bytes as sent.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<BodyRead> {
  if (Number(request.headers.get("Content-Length")) > maxBytes) return { kind: "too-large" };
  if (!request.body) return { kind: "ok", text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return { kind: "too-large" };
      }
      chunks.push(value);
    }
  } catch {
    return { kind: "unreadable" };
  }
  return { kind: "ok", text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(Buffer.concat(chunks)) };
}
