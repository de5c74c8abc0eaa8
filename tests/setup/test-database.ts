// Test databases: migrated once per run into a template, then one copy per test file.
//   PGlite (default): the template is a dump of a migrated in-memory PGlite (`dumpDataDir`); each
//     test file loads it into its own in-process PGlite served over the wire protocol.
//   PostgreSQL (TEST_DATABASE_URL names a server): the template is a migrated database; each test
//     file gets `CREATE DATABASE ... TEMPLATE` of it. All of a run's databases are dropped at its end.
// This module is loaded by every test file (per-file.ts); global-database.ts builds the template.
import { readFile } from "node:fs/promises";
import pg from "pg";
import { startEmbeddedPostgres } from "../../server/db/embedded-postgres.ts";

export type TestDatabaseTemplate =
  | { kind: "pglite"; dumpPath: string }
  | { kind: "postgres"; serverUrl: string; template: string; filePrefix: string };

export interface TestDatabase {
  url: string;
  kind: TestDatabaseTemplate["kind"];
  /** PostgreSQL: the database's name; PGlite: "postgres" (it serves one database). */
  name: string;
  close(): Promise<void>;
}

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(serverUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  // A template cannot be dropped; FORCE ends sessions a crashed test may have left.
  await admin.query(`ALTER DATABASE ${quote(name)} WITH IS_TEMPLATE false`).catch(() => {});
  await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
}

let fileDatabases = 0;

/** A new database with the template's schema and no rows; one per test file (per-file.ts). */
export async function openTestDatabase(template: TestDatabaseTemplate): Promise<TestDatabase> {
  if (template.kind === "pglite") {
    // An uncompressed tar: about 0.3 s per file faster to load than gzip.
    const dump = new Blob([await readFile(template.dumpPath)], { type: "application/x-tar" });
    // Several pools connect per file (app pool 10, rate limiters, test clients); stay above their sum.
    const embedded = await startEmbeddedPostgres({ loadDataDir: dump, maxConnections: 50 });
    return { url: embedded.url, kind: "pglite", name: "postgres", close: embedded.close };
  }
  const name = `${template.filePrefix}${process.pid}_${fileDatabases++}`;
  await withAdmin(template.serverUrl, (admin) =>
    admin.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template.template)}`),
  );
  return {
    url: databaseUrlFor(template.serverUrl, name),
    kind: "postgres",
    name,
    close: () => withAdmin(template.serverUrl, (admin) => dropDatabase(admin, name)),
  };
}
