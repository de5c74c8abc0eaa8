// The embedded database: one PGlite served over the Postgres wire protocol, so the app, the
// migration engine and psql all talk to it through `pg` exactly as they would to a real server.
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { forwardEmbeddedNotifications } from "./embedded-notifications.ts";
import { createPGlite } from "./pglite-template.ts";
import { serializeExtendedQueries } from "./serial-protocol-queue.ts";

export interface EmbeddedPostgresOptions {
  /** Directory for the data files; undefined keeps everything in memory. */
  dataDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /**
   * The socket server closes connections beyond this (its own default is 1); it must stay above
   * the sum of every pool that connects (app pool 10, migrations, tests, psql).
   */
  maxConnections?: number;
  /**
   * A data directory dump (`dumpDataDir()`) to start from, e.g. an already migrated database;
   * only for a new cluster (in memory, or a dataDir that holds none yet).
   */
  loadDataDir?: Blob;
}

export interface EmbeddedPostgres {
  url: string;
  host: string;
  port: number;
  /** The PGlite behind the socket (e.g. for `dumpDataDir`). */
  pglite: PGlite;
  close(): Promise<void>;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  const db = await createPGlite(options.dataDir, options.loadDataDir);
  const server = new PGLiteSocketServer({
    db,
    host,
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 30,
  });
  serializeExtendedQueries(server);
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  const port = Number(server.getServerConn().split(":").pop());
  const url = `postgresql://postgres:postgres@${host}:${port}/postgres?sslmode=disable`;
  // LISTEN/NOTIFY for in-process listeners (the page cache): see embedded-notifications.ts.
  const forgetNotifications = forwardEmbeddedNotifications(db, url);

  let closing: Promise<void> | undefined;
  const close = () => {
    // Idempotent: a signal handler and a finally block may both ask.
    closing ??= (async () => {
      forgetNotifications();
      await server.stop();
      // Closing PGlite flushes and checkpoints the data directory; skipping it loses recent writes.
      await db.close();
    })();
    return closing;
  };

  return {
    url,
    host,
    port,
    pglite: db,
    close,
  };
}
