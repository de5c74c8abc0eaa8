import { existsSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { NextFunction, Request, RequestHandler, Response } from "express";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text the build emits under /assets; images and fonts are compressed formats already. */
const COMPRESSIBLE = /^[\w.-]+\.(js|css|map|json|svg|txt)$/;

type Compressed = { br: Buffer; gzip: Buffer; rawBytes: number };

/**
 * The built JavaScript and CSS under /assets, brotli- or gzip-compressed for browsers that accept
 * it (Lighthouse's "Enable text compression": the product page's scripts are about 390 KB raw,
 * 126 KB gzipped, less as brotli). The files are fingerprinted and never change, so each is compressed
 * once, off the event loop (zlib's thread pool), and kept in memory (the whole folder compresses to
 * well under a megabyte). Anything else (a missing file, a client that accepts neither, HEAD of an
 * unknown file) falls through to express.static, which still serves the raw bytes.
 */
export function compressedAssets(dir: string): RequestHandler {
  const compressed = new Map<string, Promise<Compressed | null>>();

  const load = (name: string): Promise<Compressed | null> => {
    let entry = compressed.get(name);
    if (!entry) {
      entry = (async () => {
        const file = join(dir, name);
        if (!existsSync(file)) return null;
        const raw = readFileSync(file);
        const [br, gz] = await Promise.all([
          brotli(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
          gzipAsync(raw, { level: 9 }),
        ]);
        return { br, gzip: gz, rawBytes: raw.length };
      })();
      // A missing file is not remembered: a later build may add it (and an unknown name costs nothing).
      entry.then((found) => found ?? compressed.delete(name)).catch(() => compressed.delete(name));
      compressed.set(name, entry);
    }
    return entry;
  };

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    // One path segment only: no folders, so nothing outside `dir` can be named.
    const name = req.path.slice(1);
    if (!COMPRESSIBLE.test(name)) return next();
    // Raw or compressed, the answer depends on Accept-Encoding: a shared cache must know.
    res.vary("Accept-Encoding");
    // Brotli whenever accepted: Chrome lists "gzip, deflate, br, zstd" and the negotiator would
    // otherwise pick the first, gzip (110 KB instead of 130 KB for the product page's scripts).
    const encoding =
      req.acceptsEncodings("br") === "br" ? "br" : req.acceptsEncodings("gzip") === "gzip" ? "gzip" : null;
    if (!encoding) return next();
    load(name).then(
      (found) => {
        if (!found) return next();
        const body = encoding === "br" ? found.br : found.gzip;
        res.type(extname(name));
        res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        res.setHeader("Content-Encoding", encoding);
        res.setHeader("Content-Length", String(body.length));
        res.status(200).end(req.method === "HEAD" ? undefined : body);
      },
      () => next(),
    );
  };
}
