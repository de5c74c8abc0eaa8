// Compressed pages (server/http/html-compression.ts, ADR 37), over real HTTP with the layer's own
// hooks: a public page is sent gzip on a miss and on every cache hit, each with a fresh nonce, and
// decodes to exactly the bytes sent uncompressed; 304s still work; a page that is not kept (signed
// in) is compressed as it streams and flushed as it renders; downloads, partial answers, encoded
// answers and the webhook are never compressed.
import { randomBytes } from "node:crypto";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { brotliDecompressSync, crc32, createBrotliDecompress, gunzipSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crc32Combine, crc32Shift } from "../../server/http/html-compression.ts";
import { PageCache, publicAnswers, publicCachePolicy } from "../../server/http/page-cache.ts";
import { sendWebResponse } from "../../server/http/remix-adapter.ts";
import { newNonce } from "../../server/http/security-headers.ts";

let server: Server;
let port: number;
let rendered = 0;
let endlessCancelled = false;
/** The streamed page waits for this before rendering its second half (set per test). */
let secondHalfGate: Promise<void> = Promise.resolve();

/** A page of about 30 KB with the nonce at its start, in the middle, twice in a row and at its end. */
function page(path: string, nonce: string): string {
  const rows = Array.from(
    { length: 300 },
    (_, n) => `<li>Listing ${n} at ${path}: ${(n * 7919) % 1000} EUR</li>`,
  );
  return `${nonce}<!DOCTYPE html><html><head><script nonce="${nonce}">a()</script></head><body><ul>${rows.join("")}</ul><script nonce="${nonce}">b()</script>${nonce}${nonce}</body></html>${nonce}`;
}

const NODE_READABLE = Symbol.for("stapel.response.nodeReadable");

beforeAll(async () => {
  const answers = publicAnswers(new PageCache());
  const app = express();
  app.use((_req, res, next) => {
    res.locals.nonce = newNonce();
    next();
  });
  app.use((req, res, next) => {
    if (!answers.lookup(req, res)) next();
  });
  app.all("*", async (req, res, next) => {
    rendered++;
    const nonce = res.locals.nonce as string;
    const finishing = {
      finishHeaders: (request: express.Request, _res: express.Response, headers: Headers) =>
        void publicCachePolicy(request, headers),
      publicAnswer: answers.publicAnswer,
    };
    try {
      await sendWebResponse(req, res, respond(req, nonce), finishing);
    } catch (error) {
      next(error);
    }
  });
  server = await new Promise<Server>((ready) => {
    const started = app.listen(0, "127.0.0.1", () => ready(started));
  });
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

function respond(req: express.Request, nonce: string): Response {
  const html = { "Content-Type": "text/html; charset=utf-8" };
  if (req.path.startsWith("/public/"))
    return new Response(page(req.path, nonce), {
      headers: { ...html, "Cache-Control": "public, max-age=60" },
    });
  if (req.path === "/streamed") {
    const encoder = new TextEncoder();
    let step = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        step++;
        if (step === 1) controller.enqueue(encoder.encode(`<p>first half ${"x".repeat(5000)}</p>`));
        else if (step === 2) {
          await secondHalfGate;
          controller.enqueue(encoder.encode(`<p>second half ${nonce}</p>`));
        } else controller.close();
      },
    });
    return new Response(body, { headers: { ...html, "Cache-Control": "private, no-store" } });
  }
  if (req.path === "/endless") {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(randomBytes(64 * 1024)); // incompressible: the socket fills up
      },
      cancel() {
        endlessCancelled = true;
      },
    });
    return new Response(body, { headers: { ...html, "Cache-Control": "private, no-store" } });
  }
  const big = page(req.path, nonce);
  if (req.path === "/download") {
    const body = Readable.toWeb(Readable.from([Buffer.from(big)])) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        ...html,
        "Content-Disposition": 'attachment; filename="page.html"',
        "Cache-Control": "private",
      },
    });
  }
  if (req.path === "/from-file") {
    const response = new Response(big, { headers: { ...html, "Cache-Control": "private" } });
    Object.assign(response.body as object, { [NODE_READABLE]: Readable.from([Buffer.from(big)]) });
    return response;
  }
  if (req.path === "/partial")
    return new Response(big, {
      status: 206,
      headers: {
        ...html,
        "Content-Range": `bytes 0-${big.length - 1}/${big.length * 2}`,
        "Cache-Control": "private",
      },
    });
  if (req.path === "/encoded")
    return new Response(big, {
      headers: { ...html, "Content-Encoding": "identity", "Cache-Control": "private" },
    });
  if (req.path === "/webhooks/stripe")
    return new Response(JSON.stringify({ received: true, padding: big }), {
      headers: { "Content-Type": "application/json", "Cache-Control": "private" },
    });
  return new Response(big, { headers: { ...html, "Cache-Control": "private, no-store" } });
}

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A raw HTTP exchange: node:http sends no Accept-Encoding unless told and decodes nothing. */
function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = http.request({ host: "127.0.0.1", port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", fail);
    });
    req.on("error", fail);
    req.end();
  });
}

const nonceIn = (text: string) => text.match(/nonce="([^"]+)"/)?.[1] as string;
const settle = () => new Promise((done) => setTimeout(done, 50));

describe("a public page", () => {
  it("is sent gzip on the miss and on every hit, each decoding to the raw page with its own fresh nonce", async () => {
    const miss = await get("/public/one", { "Accept-Encoding": "gzip, deflate, br, zstd" });
    expect(miss.headers["x-cache"]).toBe("miss");
    expect(miss.headers["content-encoding"]).toBe("gzip");
    expect(miss.headers.vary).toContain("Accept-Encoding");
    const missPage = gunzipSync(miss.body).toString();
    expect(missPage).toBe(page("/public/one", nonceIn(missPage)));
    expect(Number(miss.headers["content-length"])).toBe(miss.body.length);
    expect(miss.body.length).toBeLessThan(missPage.length / 4);

    await settle(); // the kept copy's compressed parts join it off the event loop
    const before = rendered;
    const nonces = new Set([nonceIn(missPage)]);
    for (const accept of ["gzip", "gzip, deflate, br, zstd", "br;q=1, gzip;q=0.5"]) {
      const hit = await get("/public/one", { "Accept-Encoding": accept });
      expect(hit.headers["x-cache"]).toBe("hit");
      expect(hit.headers["content-encoding"]).toBe("gzip");
      expect(hit.headers.vary).toContain("Accept-Encoding");
      expect(Number(hit.headers["content-length"])).toBe(hit.body.length);
      const text = gunzipSync(hit.body).toString(); // checks the CRC-32 and length in the trailer
      const nonce = nonceIn(text);
      expect(text).toBe(page("/public/one", nonce));
      expect(text.split(nonce)).toHaveLength(7);
      nonces.add(nonce);
    }
    expect(rendered).toBe(before);
    expect(nonces.size).toBe(4);

    const raw = await get("/public/one");
    expect(raw.headers["x-cache"]).toBe("hit");
    expect(raw.headers["content-encoding"]).toBeUndefined();
    expect(raw.body.toString()).toBe(page("/public/one", nonceIn(raw.body.toString())));
    expect(Number(raw.headers["content-length"])).toBe(raw.body.length);
    for (const refusal of ["identity", "gzip;q=0", "br", "deflate"]) {
      const reply = await get("/public/one", { "Accept-Encoding": refusal });
      expect(reply.headers["content-encoding"]).toBeUndefined();
      expect(reply.body.toString()).toBe(page("/public/one", nonceIn(reply.body.toString())));
    }
  });

  it("answers If-None-Match with a 304 whichever encoding the ETag came with", async () => {
    const zipped = await get("/public/two", { "Accept-Encoding": "gzip" });
    const etag = zipped.headers.etag as string;
    expect(etag).toMatch(/^W\//);
    await settle();
    for (const accept of [{ "Accept-Encoding": "gzip" }, {}] as Record<string, string>[]) {
      const again = await get("/public/two", { ...accept, "If-None-Match": etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers["content-encoding"]).toBeUndefined();
    }
    const raw = await get("/public/two");
    expect(raw.headers.etag).toBe(etag);
  });

  it("answers HEAD with the compressed length and no body", async () => {
    await get("/public/three", { "Accept-Encoding": "gzip" });
    await settle();
    const zipped = await get("/public/three", { "Accept-Encoding": "gzip" });
    const head = await get("/public/three", { "Accept-Encoding": "gzip" }, "HEAD");
    expect(head.headers["x-cache"]).toBe("hit");
    expect(head.headers["content-encoding"]).toBe("gzip");
    expect(Number(head.headers["content-length"])).toBe(zipped.body.length);
    expect(head.body.length).toBe(0);
  });
});

describe("a page that is not kept", () => {
  it("streams brotli or gzip, flushed as it renders, decoding to the same bytes", async () => {
    const raw = await get("/account");
    expect(raw.headers["content-encoding"]).toBeUndefined();
    expect(raw.headers.vary).toContain("Accept-Encoding");
    const br = await get("/account", { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    const brText = brotliDecompressSync(br.body).toString();
    expect(brText).toBe(page("/account", nonceIn(brText)));
    const gz = await get("/account", { "Accept-Encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const gzText = gunzipSync(gz.body).toString();
    expect(gzText).toBe(page("/account", nonceIn(gzText)));
  });

  it("sends the first half before the second is rendered (it would hang otherwise)", async () => {
    let openGate = () => {};
    secondHalfGate = new Promise((open) => {
      openGate = open;
    });
    const text = await new Promise<string>((done, fail) => {
      const req = http.request(
        { host: "127.0.0.1", port, path: "/streamed", headers: { "Accept-Encoding": "br" }, agent: false },
        (res) => {
          expect(res.headers["content-encoding"]).toBe("br");
          let decoded = "";
          const unzip = res.pipe(createBrotliDecompress());
          unzip.on("data", (chunk: Buffer) => {
            decoded += chunk.toString();
            if (decoded.includes("</p>")) openGate();
          });
          unzip.on("end", () => done(decoded));
          unzip.on("error", fail);
        },
      );
      req.on("error", fail);
      req.end();
    });
    expect(text).toMatch(/^<p>first half x+<\/p><p>second half [^<]+<\/p>$/);
    secondHalfGate = Promise.resolve();
  });

  it("stops rendering, without an error, when the visitor goes away mid-stream", async () => {
    await new Promise<void>((done, fail) => {
      const req = http.request(
        { host: "127.0.0.1", port, path: "/endless", headers: { "Accept-Encoding": "gzip" }, agent: false },
        (res) => {
          expect(res.headers["content-encoding"]).toBe("gzip");
          res.pause(); // let the server's buffers fill, so it waits for "drain", then leave
          setTimeout(() => {
            req.destroy();
            done();
          }, 200);
        },
      );
      req.on("error", () => {});
      req.on("close", () => {});
      req.end();
      setTimeout(() => fail(new Error("no response")), 10_000);
    });
    for (let tries = 0; tries < 100 && !endlessCancelled; tries++) await settle();
    expect(endlessCancelled).toBe(true);
    const after = await get("/public/four", { "Accept-Encoding": "gzip" });
    expect(after.status).toBe(200);
  });
});

describe("never compressed", () => {
  it.each(["/download", "/from-file", "/partial", "/encoded", "/webhooks/stripe"])("%s", async (path) => {
    const reply = await get(path, { "Accept-Encoding": "gzip, br" });
    expect(reply.headers["content-encoding"] ?? "identity").toBe("identity");
    expect(reply.body.toString()).toContain("Listing 299");
  });
});

describe("CRC-32 of joined parts", () => {
  it("equals zlib's CRC of the whole, for empty and odd-sized parts", () => {
    for (const sizes of [
      [0, 0],
      [0, 22],
      [1, 0],
      [17, 22, 1],
      [65_537, 22, 40_000],
      [3, 0, 5],
    ]) {
      const parts = sizes.map((size) => randomBytes(size));
      let crc = crc32(parts[0] as Buffer);
      for (const part of parts.slice(1)) crc = crc32Combine(crc, crc32(part), crc32Shift(part.length));
      expect(crc).toBe(crc32(Buffer.concat(parts)));
    }
  });
});
