// One database for the whole run, migrated once: a fresh `stapel_test` on TEST_DATABASE_URL's
// server, or an in-memory embedded PGlite. Test files read its URL from process.env.DATABASE_URL.
import { fileURLToPath } from "node:url";
import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../server/db/embedded-postgres.ts";
import { deployMigrations } from "../../server/db/schema-engine.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "pglite" | "postgres";
  }
}

const TEST_DATABASE = "stapel_test";

const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.warn(`[graphile-worker] ${message}`);
});

const paths = {
  schemaPath: fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url)),
  migrationsDir: fileURLToPath(new URL("../../prisma/migrations", import.meta.url)),
};

async function recreateTestDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // FORCE ends sessions a crashed previous run may have left behind.
    await admin.query(`DROP DATABASE IF EXISTS ${TEST_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEST_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${TEST_DATABASE}`;
  return url.toString();
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const embedded = serverUrl ? undefined : await startEmbeddedPostgres();
  try {
    const databaseUrl = embedded?.url ?? (await recreateTestDatabase(serverUrl as string));
    await deployMigrations({ databaseUrl, ...paths });
    // The launcher also installs graphile-worker's schema before serving; app code enqueues jobs
    // with graphile_worker.add_job() inside its transactions, so tests need it too.
    await runMigrations({ connectionString: databaseUrl, logger: quietLogger });

    // Workers are started after global setup and inherit this; per-file.ts sets it again from
    // inject() in case a pool reuses a worker or gets a curated env.
    process.env.DATABASE_URL = databaseUrl;
    project.provide("databaseUrl", databaseUrl);
    project.provide("databaseKind", embedded ? "pglite" : "postgres");
  } catch (error) {
    await embedded?.close();
    throw error;
  }

  return async () => {
    await embedded?.close();
  };
}
