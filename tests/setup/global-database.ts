// Global setup of the projects that need a database (integration, security): migrates a template
// once per run; per-file.ts gives every test file its own copy (see test-database.ts).
//   PGlite: a migrated in-memory PGlite, dumped (`dumpDataDir`) to a file in a temporary folder.
//   PostgreSQL: a migrated database `stapel_template_<run>` on TEST_DATABASE_URL's server.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Logger, runMigrations } from "graphile-worker";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../server/db/embedded-postgres.ts";
import { deployMigrations } from "../../server/db/schema-engine.ts";
import {
  databaseUrlFor,
  dropDatabase,
  quote,
  type TestDatabaseTemplate,
  withAdmin,
} from "./test-database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where per-file.ts copies each file's database from. */
    testDatabase: TestDatabaseTemplate;
    databaseKind: TestDatabaseTemplate["kind"];
  }
}

const paths = {
  schemaPath: fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url)),
  migrationsDir: fileURLToPath(new URL("../../prisma/migrations", import.meta.url)),
};

const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.warn(`[graphile-worker] ${message}`);
});

/** Prisma migrations, then graphile-worker's schema (app code enqueues jobs inside its transactions). */
async function migrate(databaseUrl: string): Promise<void> {
  await deployMigrations({ databaseUrl, ...paths });
  await runMigrations({ connectionString: databaseUrl, logger: quietLogger });
}

export interface Template {
  info: TestDatabaseTemplate;
  /** Removes the template and (PostgreSQL) every database made from it in this run. */
  dispose(): Promise<void>;
}

/** Migrates a template once. Run names carry a random id, so runs on one server do not collide. */
export async function createTemplate(serverUrl = process.env.TEST_DATABASE_URL): Promise<Template> {
  const run = randomBytes(4).toString("hex");
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    const dir = await mkdtemp(join(tmpdir(), "stapel-test-template-"));
    try {
      await migrate(embedded.url);
      const dumpPath = join(dir, "pglite.tar");
      await writeFile(dumpPath, Buffer.from(await (await embedded.pglite.dumpDataDir("none")).arrayBuffer()));
      return {
        info: { kind: "pglite", dumpPath },
        dispose: () => rm(dir, { recursive: true, force: true }),
      };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    } finally {
      await embedded.close();
    }
  }

  const template = `stapel_template_${run}`;
  const filePrefix = `stapel_test_${run}_`;
  const dispose = () =>
    withAdmin(serverUrl, async (admin) => {
      const { rows } = await admin.query<{ datname: string }>(
        "select datname from pg_database where starts_with(datname, $1)",
        [filePrefix],
      );
      for (const { datname } of rows) await dropDatabase(admin, datname);
      await dropDatabase(admin, template);
    });
  try {
    await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${quote(template)}`));
    await migrate(databaseUrlFor(serverUrl, template));
    await withAdmin(serverUrl, async (admin) => {
      // CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template: end any
      // session a pool left open and refuse new ones.
      await admin.query(`ALTER DATABASE ${quote(template)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
        [template],
      );
    });
  } catch (error) {
    await dispose().catch(() => {});
    throw error;
  }
  return { info: { kind: "postgres", serverUrl, template, filePrefix }, dispose };
}

// Projects run their global setups one after another in the same process: share one template.
const shared = globalThis as unknown as {
  stapelTestTemplate?: { template: Promise<Template>; users: number };
};

export default async function setup(project: TestProject) {
  shared.stapelTestTemplate ??= { template: createTemplate(), users: 0 };
  const entry = shared.stapelTestTemplate;
  entry.users++;
  const { info } = await entry.template;
  project.provide("testDatabase", info);
  project.provide("databaseKind", info.kind);

  return async () => {
    if (--entry.users > 0) return;
    shared.stapelTestTemplate = undefined;
    await (await entry.template).dispose();
  };
}
