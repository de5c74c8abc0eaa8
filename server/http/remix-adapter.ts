import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type AppLoadContext, createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { copyBody } from "./copy-body.ts";
import {
  addVaryAcceptEncoding,
  chooseEncoding,
  compressible,
  writeCompressedBody,
} from "./html-compression.ts";

/**
 * Remix behind Express, like @remix-run/express, except for how bodies are written: this waits
 * for the socket to drain, so a slow reader slows the producer (a file read, a page render)
 * instead of making the server hold the whole body in memory. Downloads are ordinary resource
 * routes because of it.
 */
export type ResponseFinishing = {
  /** Runs on every response before it is written: security and cache headers. */
  finishHeaders: (req: ExpressRequest, res: ExpressResponse, headers: Headers) => void;
  /**
   * Public answers (server/http/page-cache.ts): bodies it wants are read whole, so they get an
   * ETag (or a 304) and may be kept by the page cache; everything else streams (compressed when
   * the visitor accepts it: html-compression.ts).
   */
  publicAnswer?: {
    wants(req: ExpressRequest, status: number, headers: Headers): boolean;
    finish(
      req: ExpressRequest,
      res: ExpressResponse,
      status: number,
      headers: Headers,
      body: Buffer,
    ): Promise<{ status: number; body: Buffer | null }>;
  };
};

/**
 * `build`: the built app as an object in production, so Remix derives its routes and data router
 * once; a function only in development, where Vite may hand back a new build on any request (Remix
 * derives everything again on every call of a function build).
 */
export function remixHandler(
  options: {
    build: ServerBuild | (() => Promise<ServerBuild>);
    mode: string | undefined;
  } & ResponseFinishing,
) {
  const handle = createRequestHandler(options.build, options.mode);
  return async (req: ExpressRequest, res: ExpressResponse) => {
    const request = toWebRequest(req, res);
    const context: AppLoadContext = {
      requestId: res.locals.requestId,
      nonce: res.locals.nonce,
      clientAddress: req.ip ?? "unknown",
    };
    await sendWebResponse(req, res, await handle(request, context), options);
  };
}

/** Writes a web Response (Remix's, or any handler's) through the layer's header and cache rules. */
export async function sendWebResponse(
  req: ExpressRequest,
  res: ExpressResponse,
  response: Response,
  finishing: ResponseFinishing,
) {
  const headers = new Headers(response.headers);
  finishing.finishHeaders(req, res, headers);
  if (response.body && finishing.publicAnswer?.wants(req, response.status, headers)) {
    const body = Buffer.from(await response.arrayBuffer());
    const answer = await finishing.publicAnswer.finish(req, res, response.status, headers, body);
    await writeResponse(res, answer.status, headers, answer.body);
    return;
  }
  let encoding: "br" | "gzip" | null = null;
  const fromFile = response.body && (response.body as { [NODE_READABLE]?: Readable })[NODE_READABLE];
  if (response.body && !fromFile && compressible(req, response.status, headers)) {
    addVaryAcceptEncoding(headers);
    encoding = req.method === "HEAD" ? null : chooseEncoding(req, true);
    if (encoding) {
      headers.set("Content-Encoding", encoding);
      headers.delete("Content-Length");
    }
  }
  await writeResponse(res, response.status, headers, response.body, encoding);
}

function toWebRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // req.protocol and req.hostname honour the `trust proxy` setting.
  const host = req.get("host") ?? "localhost";
  const port = host.match(/:(\d+)$/)?.[1];
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // Loaders stop when the visitor goes away before the response is written.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(hasBody && { body: requestBody(req), duplex: "half" }),
  } as RequestInit);
}

async function writeResponse(
  res: ExpressResponse,
  status: number,
  headers: Headers,
  body: ReadableStream<Uint8Array> | Buffer | null,
  encoding: "br" | "gzip" | null = null,
) {
  res.statusCode = status;
  for (const [name, value] of headers) {
    if (name === "set-cookie") continue;
    res.setHeader(name, value);
  }
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  if (!body) {
    res.end();
    return;
  }
  if (Buffer.isBuffer(body)) {
    res.setHeader("Content-Length", body.length);
    res.end(body);
    return;
  }
  if (headers.get("Content-Type")?.includes("text/event-stream")) res.flushHeaders();
  if (encoding) return writeCompressedBody(res, body, encoding);
  const source = (body as { [NODE_READABLE]?: Readable })[NODE_READABLE];
  if (source && !body.locked) await pipeNodeBody(res, source);
  else await copyBody(res, body);
}

/**
 * A body that carries its Node stream (downloads: app/routes/downloads.$fileId/node-body.server.ts)
 * and was not read by anyone yet is piped straight into the socket: stream.pipeline waits for
 * "drain" and closes the file when the visitor goes away. About 1.5x the throughput of copying it
 * through the web stream chunk by chunk (ADR 23).
 */
const NODE_READABLE = Symbol.for("stapel.response.nodeReadable");

async function pipeNodeBody(res: ExpressResponse, source: Readable) {
  try {
    await pipeline(source, res);
  } catch (error) {
    // A visitor who went away is not an error; a file that failed to read is, and the response is cut.
    if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE")
      console.error("download body failed", error);
  }
}

/**
 * The request body as a web stream that buffers up to 1 MiB before pausing the socket. Remix's
 * adapter pauses at the socket's 16 KiB and resumes on every read, which made a large upload several
 * times slower than plain Node; memory stays bounded either way.
 */
function requestBody(req: ExpressRequest): ReadableStream<Uint8Array> {
  return Readable.toWeb(req, {
    strategy: new ByteLengthQueuingStrategy({ highWaterMark: 1024 * 1024 }),
  }) as ReadableStream<Uint8Array>;
}
