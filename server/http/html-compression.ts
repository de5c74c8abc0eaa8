import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { constants, crc32, createBrotliCompress, createGzip, deflateRaw } from "node:zlib";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { copyBody } from "./copy-body.ts";
import type { StoredBody } from "./page-cache.ts";

/**
 * Compressed pages (ADR 37). Two paths:
 * - A public answer (kept by the page cache, or at least given an ETag) is held as parts around the
 *   per-response CSP nonce. Each part is deflated once, ending on a sync flush (byte-aligned, no
 *   back-references across it), so one gzip member is put together per response from the deflated
 *   parts with the nonce between them as "stored" (uncompressed) deflate blocks, and the CRC-32 of
 *   the whole is combined from the parts' CRCs: no compression work per hit, and a fresh nonce each time.
 * - Any other page or Remix data response (signed-in pages, form answers) is compressed as it streams
 *   (brotli quality 5, or gzip), flushed whenever the renderer pauses, so streamed parts still
 *   arrive as they are rendered.
 * Only when the request accepts it; never a response that is encoded already, partial (Range), a
 * download (it carries Content-Disposition or is piped from a file) or the Stripe webhook.
 */

const deflateRawAsync = promisify(deflateRaw);

/** Bodies worth compressing: documents, Remix data, JSON, XML, SVG, text. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|[\w.+-]+\+(json|xml))|image\/svg\+xml)/;

/** Smaller than this, the gzip frame and a round trip of headers cost more than they save. */
const MIN_BYTES = 1024;

export type GzipParts = {
  /** Each part of the body, deflated alone and ending on a sync flush. */
  deflated: Buffer[];
  /** CRC-32 of each raw part. */
  crcs: number[];
  /** Raw length of each part. */
  lengths: number[];
  /** The CRC combine operator for each part's length (x^(8·length) mod P). */
  shifts: number[];
  /** Raw length of the whole body without its nonces. */
  rawLength: number;
};

/** Whether a response with these headers may be compressed at all (not whether this client accepts it). */
export function compressible(req: ExpressRequest, status: number, headers: Headers): boolean {
  if (status === 206 || status === 204 || status === 304) return false;
  if (headers.has("Content-Encoding") || headers.has("Content-Range")) return false;
  if (headers.has("Content-Disposition")) return false;
  if (req.path.startsWith("/webhooks/")) return false;
  const type = headers.get("Content-Type") ?? "";
  if (type.includes("event-stream")) return false;
  return COMPRESSIBLE.test(type);
}

/** The encoding to send for this request, or null (not accepted, or q=0). Brotli first when allowed. */
export function chooseEncoding(req: ExpressRequest, allowBrotli: boolean): "br" | "gzip" | null {
  if (!req.get("accept-encoding")) return null;
  if (allowBrotli && req.acceptsEncodings("br") === "br") return "br";
  return req.acceptsEncodings("gzip") === "gzip" ? "gzip" : null;
}

export function addVaryAcceptEncoding(headers: Headers) {
  const vary = (headers.get("Vary") ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (vary.includes("*") || vary.some((name) => name.toLowerCase() === "accept-encoding")) return;
  vary.push("Accept-Encoding");
  headers.set("Vary", vary.join(", "));
}

/** Deflates a kept body's parts once (zlib's thread pool, off the event loop). */
export async function gzipParts(stored: StoredBody): Promise<GzipParts | null> {
  if (stored.length < MIN_BYTES) return null;
  const deflated = await Promise.all(
    stored.parts.map((part) =>
      part.length === 0
        ? Promise.resolve(Buffer.alloc(0))
        : deflateRawAsync(part, { level: 9, finishFlush: constants.Z_SYNC_FLUSH }),
    ),
  );
  return {
    deflated,
    crcs: stored.parts.map((part) => crc32(part)),
    lengths: stored.parts.map((part) => part.length),
    shifts: stored.parts.map((part) => crc32Shift(part.length)),
    rawLength: stored.parts.reduce((sum, part) => sum + part.length, 0),
  };
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** The last deflate block: stored, final, empty. */
const FINAL_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);

/**
 * The gzip member for a kept body with `nonce` in each hole, as the buffers to write in order, and
 * its length. The nonce goes in as a stored deflate block (5 bytes of framing), so nothing is
 * compressed here.
 */
export function gzipWithNonce(
  gz: GzipParts,
  nonce: string | undefined,
): { chunks: Buffer[]; length: number } {
  const holes = gz.deflated.length - 1;
  const needle = Buffer.from(holes > 0 ? (nonce ?? "") : "");
  const stored = storedBlock(needle);
  const needleCrc = crc32(needle);
  const needleShift = crc32Shift(needle.length);
  let crc = gz.crcs[0] ?? 0;
  const chunks: Buffer[] = [GZIP_HEADER, gz.deflated[0] ?? Buffer.alloc(0)];
  for (let index = 1; index <= holes; index++) {
    crc = crc32Combine(crc, needleCrc, needleShift);
    crc = crc32Combine(crc, gz.crcs[index] ?? 0, gz.shifts[index] ?? CRC_IDENTITY);
    chunks.push(stored, gz.deflated[index] ?? Buffer.alloc(0));
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE((gz.rawLength + holes * needle.length) % 2 ** 32, 4);
  chunks.push(FINAL_BLOCK, trailer);
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  return { chunks, length };
}

/** A non-final stored deflate block (byte-aligned after a sync flush): header, LEN, NLEN, bytes. */
function storedBlock(bytes: Buffer): Buffer {
  const block = Buffer.alloc(5 + bytes.length);
  block[0] = 0;
  block.writeUInt16LE(bytes.length, 1);
  block.writeUInt16LE(~bytes.length & 0xffff, 3);
  bytes.copy(block, 5);
  return block;
}

/**
 * Streams a response body through brotli or gzip into `res`, flushing whenever the renderer pauses
 * (one flush per turn of the event loop, not per chunk), waiting for "drain" like the plain path. A
 * visitor who goes away cancels the body without an error.
 */
export async function writeCompressedBody(
  res: ExpressResponse,
  body: ReadableStream<Uint8Array>,
  encoding: "br" | "gzip",
) {
  const zip =
    encoding === "br"
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : createGzip({ level: 6 });
  const flushKind = encoding === "br" ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH;
  const sent = pipeline(zip, res).catch(() => {});
  let flushPending = false;
  const flushLater = () => {
    if (flushPending) return;
    flushPending = true;
    setImmediate(() => {
      flushPending = false;
      if (!zip.destroyed && !zip.writableEnded) zip.flush(flushKind);
    });
  };
  await copyBody(res, body, zip, flushLater);
  await sent;
}

// CRC-32 combination (zlib's crc32_combine_gen / crc32_combine_op), so a page's CRC is made from
// its parts' CRCs and the nonce's without reading the page again. Polynomials are reflected.
const CRC_POLY = 0xedb88320;
/** x^0: combining with it leaves a CRC as it is. */
const CRC_IDENTITY = 0x80000000;

function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let product = 0;
  let multiplier = b >>> 0;
  for (;;) {
    if (a & m) {
      product ^= multiplier;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    if (m === 0) break;
    multiplier = multiplier & 1 ? (multiplier >>> 1) ^ CRC_POLY : multiplier >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) mod P for k = 0..31. */
const X2N = (() => {
  const table: number[] = [];
  let p = 0x40000000; // x^1
  for (let k = 0; k < 32; k++) {
    table.push(p);
    p = multModP(p, p);
  }
  return table;
})();

/** The operator that shifts a CRC over `length` zero bytes: x^(8·length) mod P. */
export function crc32Shift(length: number): number {
  let p = CRC_IDENTITY;
  let k = 3;
  for (let n = length; n > 0; n = Math.floor(n / 2), k++) {
    if (n % 2 === 1) p = multModP(X2N[k % 32] as number, p);
  }
  return p;
}

/** CRC-32 of A followed by B, from CRC(A), CRC(B) and B's shift operator. */
export function crc32Combine(crcA: number, crcB: number, shiftB: number): number {
  return (multModP(shiftB, crcA) ^ crcB) >>> 0;
}
