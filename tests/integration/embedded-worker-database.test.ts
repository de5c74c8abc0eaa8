// The app server's embedded database in a worker thread (server/db/embedded-postgres-worker.ts,
// ADR 0034): it answers over TCP like the in-process one, its notifications reach listeners on this
// thread (the page cache relies on them), closing keeps what was written, and a failure to start
// is an error, not a hang.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { type Notification, onEmbeddedNotification } from "../../server/db/embedded-notifications.ts";
import { startEmbeddedPostgresWorker } from "../../server/db/embedded-postgres-worker.ts";

const dataDir = mkdtempSync(join(tmpdir(), "stapel-embedded-worker-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

// Each start loads a cluster in a new thread: seconds on a busy machine.
describe("the embedded database in a worker thread", { timeout: 60_000 }, () => {
  it("answers queries, hands its notifications to this thread's listeners, and closes", async () => {
    const database = await startEmbeddedPostgresWorker();
    try {
      const heard: Notification[] = [];
      const forget = onEmbeddedNotification(database.url, (notification) => heard.push(notification));
      expect(forget).toBeTypeOf("function");

      await withClient(database.url, async (client) => {
        const { rows } = await client.query("SELECT $1::int * 2 AS doubled", [21]);
        expect(rows).toEqual([{ doubled: 42 }]);
        await client.query("LISTEN stapel_page_cache");
        // As the page-cache triggers do: notify inside a writing transaction.
        await client.query("BEGIN");
        await client.query("SELECT pg_notify('stapel_page_cache', 'Listing')");
        await client.query("COMMIT");
      });
      await expect.poll(() => heard).toEqual([{ channel: "stapel_page_cache", payload: "Listing" }]);

      // Pooled connections sending parameterized queries at once each get their own answer
      // (serializeExtendedQueries runs in the thread too).
      const pool = new pg.Pool({ connectionString: database.url, max: 10 });
      try {
        const answers = await Promise.all(
          Array.from({ length: 60 }, (_, index) =>
            pool.query("SELECT $1::int + $2::int AS total", [index, 1]).then(({ rows }) => rows[0].total),
          ),
        );
        expect(answers).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
      } finally {
        await pool.end();
      }
    } finally {
      await database.close();
    }
    // Closed: the URL is forgotten here and nothing listens on the port any more.
    expect(onEmbeddedNotification(database.url, () => {})).toBe(false);
    await expect(withClient(database.url, (client) => client.query("SELECT 1"))).rejects.toThrow();
    // A second close (a signal handler and a finally block) is harmless.
    await database.close();
  });

  it("keeps what was written after closing, for the next start on the same data directory", async () => {
    const first = await startEmbeddedPostgresWorker({ dataDir });
    try {
      await withClient(first.url, async (client) => {
        await client.query("CREATE TABLE kept (note text)");
        await client.query("INSERT INTO kept VALUES ('still here')");
      });
    } finally {
      await first.close();
    }
    const second = await startEmbeddedPostgresWorker({ dataDir });
    try {
      const rows = await withClient(
        second.url,
        async (client) => (await client.query("SELECT note FROM kept")).rows,
      );
      expect(rows).toEqual([{ note: "still here" }]);
    } finally {
      await second.close();
    }
  });

  it("fails to start with the thread's error when the database cannot be served", async () => {
    const taken: Server = createServer();
    await new Promise<void>((listening) => taken.listen(0, "127.0.0.1", listening));
    const port = (taken.address() as { port: number }).port;
    try {
      await expect(startEmbeddedPostgresWorker({ port })).rejects.toThrow(
        /the embedded database \(PGlite\) failed: .*EADDRINUSE/,
      );
    } finally {
      await new Promise((closed) => taken.close(closed));
    }
  });
});
