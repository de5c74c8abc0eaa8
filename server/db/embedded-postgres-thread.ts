// Runs in the embedded database's worker thread: the PGlite and its socket server exactly as
// startEmbeddedPostgres makes them, with the notifications it reads posted to the main thread.
// Protocol with embedded-postgres-worker.ts, which starts this thread.
import { parentPort, workerData } from "node:worker_threads";
import { onEmbeddedNotification } from "./embedded-notifications.ts";
import { type EmbeddedPostgresOptions, startEmbeddedPostgres } from "./embedded-postgres.ts";

export type ToWorker = { type: "close" };
export type FromWorker =
  | { type: "ready"; url: string; host: string; port: number }
  | { type: "notification"; channel: string; payload: string }
  | { type: "closed" };

if (!parentPort) throw new Error("embedded-postgres-thread.ts runs only as a worker thread");
const main = parentPort;
const post = (message: FromWorker) => main.postMessage(message);

// A failure to start (a locked or damaged data directory, a taken port) rejects this module, which
// ends the thread with an "error" event: the main thread reports it and stops.
const database = await startEmbeddedPostgres(workerData as EmbeddedPostgresOptions);
const forget = onEmbeddedNotification(database.url, (notification) =>
  post({ type: "notification", ...notification }),
);

main.on("message", (message: ToWorker) => {
  if (message.type !== "close") return;
  if (forget) forget();
  // Closing PGlite flushes and checkpoints the data directory; only then may the thread end.
  void database.close().then(() => {
    post({ type: "closed" });
    main.close();
  });
});

post({ type: "ready", url: database.url, host: database.host, port: database.port });
