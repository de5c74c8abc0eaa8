import { mkdtempSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressedAssets } from "../../server/http/lighthouse-asset-compression.ts";

const script = `export const words = ${JSON.stringify("stapel ".repeat(2000))};\n`;
let server: Server;
let base = "";

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "stapel-assets-"));
  writeFileSync(join(dir, "route-abc123.js"), script);
  writeFileSync(join(dir, "cover.webp"), Buffer.from([0x52, 0x49, 0x46, 0x46]));
  const app = express();
  app.use("/assets", compressedAssets(dir));
  app.use("/assets", express.static(dir, { immutable: true, maxAge: "1y" }));
  await new Promise<void>((ready) => {
    server = app.listen(0, "127.0.0.1", () => ready());
  });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** fetch() would decode the body itself; read the bytes as sent. */
async function raw(path: string, acceptEncoding: string, method = "GET") {
  const { request } = await import("node:http");
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method, headers: { "Accept-Encoding": acceptEncoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("compressed built assets", () => {
  it("sends brotli when the browser accepts it, the same bytes once decoded", async () => {
    const reply = await raw("/assets/route-abc123.js", "gzip, deflate, br");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-encoding"]).toBe("br");
    expect(reply.headers.vary).toContain("Accept-Encoding");
    expect(reply.headers["cache-control"]).toContain("immutable");
    expect(reply.headers["content-type"]).toContain("javascript");
    expect(Number(reply.headers["content-length"])).toBe(reply.body.length);
    expect(reply.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(reply.body).toString()).toBe(script);
  });

  it("sends gzip to a browser without brotli", async () => {
    const reply = await raw("/assets/route-abc123.js", "gzip");
    expect(reply.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(reply.body).toString()).toBe(script);
  });

  it("leaves raw bytes to express.static for a client that accepts neither, still varying", async () => {
    const reply = await raw("/assets/route-abc123.js", "identity");
    expect(reply.headers["content-encoding"]).toBeUndefined();
    expect(reply.headers.vary).toContain("Accept-Encoding");
    expect(reply.body.toString()).toBe(script);
  });

  it("answers HEAD with the compressed length and no body", async () => {
    const reply = await raw("/assets/route-abc123.js", "br", "HEAD");
    expect(reply.status).toBe(200);
    expect(Number(reply.headers["content-length"])).toBeGreaterThan(0);
    expect(reply.body.length).toBe(0);
  });

  it("does not touch images, missing files or names outside the folder", async () => {
    const image = await raw("/assets/cover.webp", "br");
    expect(image.headers["content-encoding"]).toBeUndefined();
    expect(image.body.length).toBe(4);
    expect((await raw("/assets/missing-abc.js", "br")).status).toBe(404);
    const outside = await raw("/assets/..%2f..%2fetc%2fpasswd.txt", "br");
    expect(outside.status).toBe(404);
    expect(outside.headers["content-encoding"]).toBeUndefined();
  });
});
