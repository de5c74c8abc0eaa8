import pino from "pino";
import { env } from "./env.server.ts";

/** The app's structured log (JSON lines on stdout, like the HTTP server's request log). */
let instance: pino.Logger | undefined;
export function logger(): pino.Logger {
  instance ??= pino({ level: env().LOG_LEVEL, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
  return instance;
}
