import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import { parseEnv } from "../app/utils/env.server.ts";
import { checkCrossSiteRequest } from "./http/csrf.ts";
import { compressedAssets } from "./http/lighthouse-asset-compression.ts";
import { PageCache, publicAnswers, publicCachePolicy } from "./http/page-cache.ts";
import { listenForPageChanges } from "./http/page-cache-invalidation.ts";
import { remixHandler } from "./http/remix-adapter.ts";
import { createLogger, logRequests, newRequestId } from "./http/request-log.ts";
import { isFramablePath, newNonce, securityHeaderSet } from "./http/security-headers.ts";

/**
 * The one place that answers HTTP: request ids and the request log, security headers, the
 * cross-site guard and the cache default apply to every response, then Express serves built
 * assets and hands everything else to Remix.
 */
export async function startHttpServer(options: {
  port: number;
  host: string;
  devMode: boolean;
}): Promise<Server> {
  const config = parseEnv(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const appOrigin = new URL(config.APP_URL).origin;
  const https = appOrigin.startsWith("https:");
  // Forms may lead to the payment page: Stripe Checkout, or the Stripe-compatible server configured.
  const formTargets = ["https://checkout.stripe.com"];
  if (config.STRIPE_API_BASE) formTargets.push(new URL(config.STRIPE_API_BASE).origin);

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY);

  const security = securityHeaderSet({ https, formTargets, devMode: options.devMode });
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.locals.requestId = newRequestId();
    res.locals.nonce = newNonce();
    res.setHeader("X-Request-Id", res.locals.requestId);
    security.apply(res, res.locals.nonce, isFramablePath(req.path));
    next();
  });
  app.use(logRequests(logger));
  app.use(refuseUnreadableUrls);
  app.use(refuseEncodedBodies);

  // Anonymous visitors' public pages from memory, emptied on every app server by the database's
  // notifications when what they show changes (ADR 29). PAGE_CACHE=off keeps ETags and 304s only;
  // the dev server never caches (its code changes under it).
  const pageCache = options.devMode || process.env.PAGE_CACHE === "off" ? null : new PageCache();
  const pageChanges = pageCache
    ? await listenForPageChanges(config.DATABASE_URL, pageCache, (line, err) => logger.warn({ err }, line))
    : null;
  const answers = publicAnswers(pageCache);
  // A hit is answered here, with this response's id, nonce and security headers (the kept page gets
  // the nonce put back) and a log line, before static files, the cross-site guard and Remix: a
  // page is kept only after it went through all of them as a GET with status 200, and nothing they
  // decide for a GET changes while the server runs (the built files are fixed; the guard lets every
  // GET through). A miss notes where to keep the answer and goes on.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!answers.lookup(req, res)) next();
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (options.devMode) {
    const vite = await import("vite").then((module) =>
      module.createServer({ server: { middlewareMode: true } }),
    );
    app.use(vite.middlewares);
    build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    // Fingerprinted files never change; everything else in public/ may.
    app.use("/assets", compressedAssets("build/client/assets"));
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    app.use(express.static("build/client", { maxAge: "1h" }));
    build = (await import(new URL("../build/server/index.js", import.meta.url).href)) as ServerBuild;
  }

  app.use((req: Request, res: Response, next: NextFunction) => {
    const ownOrigins = [appOrigin, `${req.protocol}://${req.get("host")}`];
    const verdict = checkCrossSiteRequest({
      method: req.method,
      path: req.path,
      origin: req.get("origin"),
      fetchSite: req.get("sec-fetch-site"),
      ownOrigins,
    });
    if (verdict.ok) return next();
    res.status(403).type("text/plain").setHeader("Cache-Control", "no-store");
    res.send(`403 Forbidden: ${verdict.reason}`);
  });

  const handleWithRemix = remixHandler({
    build,
    mode: process.env.NODE_ENV,
    // Private unless a route opted into public caching, and always private for a signed-in visitor,
    // except immutable public bytes (image variants): content-addressed, the same for everyone.
    finishHeaders: (req, _res, headers) => void publicCachePolicy(req, headers),
    publicAnswer: answers.publicAnswer,
  });
  app.all("*", (req, res, next) => {
    handleWithRemix(req, res).catch(next);
  });

  // Last resort: Remix renders its own errors; this catches failures around it.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    logger.error({ requestId: res.locals.requestId, path: req.path, err: error }, "unhandled error");
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(500).type("text/plain").setHeader("Cache-Control", "no-store");
    res.send(`500 Internal Server Error. Reference: ${res.locals.requestId}`);
  });

  return new Promise((ready, fail) => {
    const server = app.listen(options.port, options.host, () => ready(server));
    server.once("error", fail);
    server.once("close", () => void pageChanges?.close());
  });
}

/**
 * A NUL byte or a broken %-escape in the address can never name a page, and NUL cannot reach
 * PostgreSQL at all: answer 400 before any route or database sees it.
 */
function refuseUnreadableUrls(req: Request, res: Response, next: NextFunction) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(req.originalUrl.replace(/\+/g, " "));
  } catch {
    return badRequest(res, "The address is not valid: it contains a broken %-escape.");
  }
  if (decoded.includes("\u0000")) {
    return badRequest(res, "The address is not valid: it contains a NUL character.");
  }
  next();
}

/**
 * Nothing here decompresses request bodies, so a body sent with Content-Encoding (gzip, br, …)
 * would be read as if it were plain: refuse it (415, as HTTP prescribes) instead of guessing.
 */
function refuseEncodedBodies(req: Request, res: Response, next: NextFunction) {
  const encoding = req.get("content-encoding")?.trim().toLowerCase();
  if (!encoding || encoding === "identity") return next();
  res.setHeader("Connection", "close");
  res.status(415).type("text/plain").setHeader("Cache-Control", "no-store");
  res.send("415 Unsupported Media Type: request bodies must not be compressed (Content-Encoding).");
}

function badRequest(res: Response, message: string) {
  res.status(400).type("text/plain").setHeader("Cache-Control", "no-store");
  res.send(`400 Bad Request: ${message}`);
}
