// The embedded database for the app server: the same PGlite and socket server as
// startEmbeddedPostgres, run in a worker thread so that executing a query (PGlite is single-threaded
// wasm) no longer blocks the thread that handles HTTP requests. The app connects over TCP as before;
// notifications are posted back and handed to this thread's listeners (ADR 0034). Scripts and
// tests keep startEmbeddedPostgres in their own thread.
import { Worker } from "node:worker_threads";
import { relayEmbeddedNotifications } from "./embedded-notifications.ts";
import type { EmbeddedPostgresOptions } from "./embedded-postgres.ts";
import type { FromWorker, ToWorker } from "./embedded-postgres-thread.ts";

export interface EmbeddedPostgresWorkerOptions extends Omit<EmbeddedPostgresOptions, "loadDataDir"> {
  /**
   * Called when the thread fails after it started (the database is gone: every query would fail).
   * The default prints the error and ends the process with exit code 1.
   */
  onCrash?: (error: Error) => void;
}

export interface EmbeddedPostgresWorker {
  url: string;
  host: string;
  port: number;
  /** Stops the socket server and closes PGlite (flushing the data directory), then ends the thread. */
  close(): Promise<void>;
}

const entry = new URL("./embedded-postgres-thread.mjs", import.meta.url);

export async function startEmbeddedPostgresWorker(
  options: EmbeddedPostgresWorkerOptions = {},
): Promise<EmbeddedPostgresWorker> {
  const { onCrash = crashProcess, ...databaseOptions } = options;
  const worker = new Worker(entry, { workerData: databaseOptions, name: "embedded-postgres" });
  let relay: ReturnType<typeof relayEmbeddedNotifications> | undefined;
  let closing: Promise<void> | undefined;
  let settleClose: ((error?: Error) => void) | undefined;

  const ready = new Promise<Extract<FromWorker, { type: "ready" }>>((resolve, reject) => {
    let failed = false;
    const fail = (error: Error) => {
      // An "error" event is followed by "exit": report the first.
      if (failed) return;
      failed = true;
      relay?.forget();
      if (settleClose) settleClose(error);
      else if (!relay) reject(error);
      else onCrash(error);
    };
    worker.on("message", (message: FromWorker) => {
      if (message.type === "ready") {
        // Registered before the URL is handed out, so the page cache's listener finds it.
        relay = relayEmbeddedNotifications(message.url);
        resolve(message);
      } else if (message.type === "notification") {
        relay?.emit({ channel: message.channel, payload: message.payload });
      } else if (message.type === "closed") {
        // PGlite has flushed; whatever else the thread still holds may go.
        void worker.terminate();
      }
    });
    worker.on("error", (error) => fail(describe(error)));
    worker.on("exit", (code) => {
      if (settleClose) settleClose();
      else fail(new Error(`the embedded database's thread ended unexpectedly (exit code ${code})`));
    });
  });

  const { url, host, port } = await ready;
  return {
    url,
    host,
    port,
    close() {
      // Idempotent: a signal handler and a finally block may both ask.
      closing ??= new Promise<void>((resolve, reject) => {
        let settled = false;
        settleClose = (error) => {
          if (settled) return;
          settled = true;
          relay?.forget();
          if (error) reject(error);
          else resolve();
        };
        worker.postMessage({ type: "close" } satisfies ToWorker);
      });
      return closing;
    },
  };
}

function describe(error: unknown): Error {
  const reason = error instanceof Error ? error : new Error(String(error));
  return new Error(`the embedded database (PGlite) failed: ${reason.message}`, { cause: reason });
}

function crashProcess(error: Error): void {
  console.error(`[stapel] ${error.message}; stopping, since no query can be answered without it`);
  if (error.cause instanceof Error && error.cause.stack) console.error(error.cause.stack);
  process.exit(1);
}
