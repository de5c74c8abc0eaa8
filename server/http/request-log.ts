import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import pino, { type Logger } from "pino";

/**
 * The server log: one JSON line per request (method, path, status, duration, request id), and
 * errors with the same id. The id is sent back as X-Request-Id and shown on error pages as the
 * "reference", so a user's report leads straight to the line.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}

// Query parameters that carry secrets or personal data: sign-in tokens, signed download links,
// checkout sessions, licence keys, addresses.
const SECRET_PARAMS = /^(token|sig|signature|expires|session_id|key|license_key|email|code)$/i;

/** The path as it is safe to log: secret query values replaced, not dropped, so the shape stays. */
export function loggablePath(originalUrl: string): string {
  const queryStart = originalUrl.indexOf("?");
  if (queryStart === -1) return originalUrl;
  const params = new URLSearchParams(originalUrl.slice(queryStart + 1));
  for (const name of new Set(params.keys())) {
    if (SECRET_PARAMS.test(name)) params.set(name, "[redacted]");
  }
  return `${originalUrl.slice(0, queryStart)}?${params.toString()}`;
}

export const newRequestId = () => randomUUID();

export function logRequests(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    // "close" follows every response, finished or cut off: one listener per request, not two.
    res.once("close", () => logLine(logger, req, res, started, !res.writableFinished));
    next();
  };
}

function logLine(logger: Logger, req: Request, res: Response, started: bigint, aborted: boolean) {
  const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
  const line = {
    requestId: res.locals.requestId as string,
    method: req.method,
    path: loggablePath(req.originalUrl),
    status: res.statusCode,
    durationMs,
    ...(aborted && { aborted: true }),
  };
  if (res.statusCode >= 500) logger.error(line, "request failed");
  else logger.info(line, "request");
}
