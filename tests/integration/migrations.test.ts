// The committed migrations, deployed by the wasm schema engine, produce the schema and the
// `_prisma_migrations` records that `prisma migrate deploy` would.
import { createHash, randomUUID } from "node:crypto";
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startEmbeddedPostgres } from "../../server/db/embedded-postgres.ts";
import {
  checkSchemaHasMigration,
  createMigration,
  deployMigrations,
  migrationStatus,
} from "../../server/db/schema-engine.ts";

const schemaPath = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));
const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
// This file's own database, copied from the run's template (tests/setup/per-file.ts).
const databaseUrl = process.env.DATABASE_URL as string;
const databaseKind = inject("databaseKind");
const paths = { databaseUrl, schemaPath, migrationsDir };

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

async function localMigrations(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function publicTables(): Promise<string[]> {
  const { rows } = await client.query<{ tablename: string }>(
    "select tablename from pg_tables where schemaname = 'public' order by tablename",
  );
  return rows.map((r) => r.tablename);
}

describe("deployed migrations", () => {
  it("created a table for every model in schema.prisma", async () => {
    const schema = await readFile(schemaPath, "utf8");
    const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
    expect(models.length).toBeGreaterThan(0);
    const tables = await publicTables();
    expect(tables).toEqual(expect.arrayContaining([...models, "_prisma_migrations"]));
  });

  it("recorded each migration like prisma migrate deploy: checksum of migration.sql, finished, not rolled back", async () => {
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
    }>("select * from _prisma_migrations order by migration_name");
    const local = await localMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(local);
    expect(local.find((name) => /^\d{14}_init$/.test(name))).toBeDefined();

    for (const row of rows) {
      const sql = await readFile(join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("reports the database up to date", async () => {
    const status = await migrationStatus(paths);
    expect(status).toMatchObject({
      upToDate: true,
      unapplied: [],
      failed: [],
      edited: [],
      hasMigrationsTable: true,
    });
    expect(status.local).toEqual(await localMigrations());
  });

  it("applies nothing when deployed again", async () => {
    const before = await client.query("select id, finished_at from _prisma_migrations order by id");
    expect(await deployMigrations(paths)).toEqual([]);
    const after = await client.query("select id, finished_at from _prisma_migrations order by id");
    expect(after.rows).toEqual(before.rows);
  });

  it("notices a migration edited after it was applied", async () => {
    const copy = await mkdtemp(join(tmpdir(), "stapel-migrations-"));
    try {
      await cp(migrationsDir, copy, { recursive: true });
      const [first] = await localMigrations();
      await appendFile(join(copy, first as string, "migration.sql"), "\n-- edited\n");
      const status = await migrationStatus({ ...paths, migrationsDir: copy });
      expect(status.edited).toEqual([first]);
      expect(status.upToDate).toBe(false);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it("has a migration for every change in schema.prisma", async () => {
    // With the test database as main, the shadow is a temporary database (PostgreSQL) or one in-process PGlite.
    const check = await checkSchemaHasMigration(paths);
    expect(check).toMatchObject({ hasChanges: false, exitCode: 0 });
  });
});

/** An empty database of the test server's kind, never this file's test database. */
async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (databaseKind === "pglite") {
    // PGlite-socket serves one database: a second, in-memory embedded server stands in for a new one.
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, drop: () => embedded.close() };
  }
  const name = `stapel_migrate_${randomUUID().replaceAll("-", "")}`;
  await client.query(`CREATE DATABASE "${name}"`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Copies of schema.prisma (with one new column) and prisma/migrations, so the repo's stay untouched. */
async function projectWithNewColumn(): Promise<{ dir: string; schemaPath: string; migrationsDir: string }> {
  const dir = await mkdtemp(join(tmpdir(), "stapel-create-migration-"));
  const copy = { dir, schemaPath: join(dir, "schema.prisma"), migrationsDir: join(dir, "migrations") };
  await cp(migrationsDir, copy.migrationsDir, { recursive: true });
  const schema = await readFile(schemaPath, "utf8");
  const changed = schema.replace(/^model RateLimit \{\n/m, "$&  migrationTestNote String?\n");
  expect(changed).not.toBe(schema);
  await writeFile(copy.schemaPath, changed);
  return copy;
}

async function newMigrationSql(dir: string, name: string): Promise<string> {
  return readFile(join(dir, name, "migration.sql"), "utf8");
}

describe("creating a migration (db:migrate)", () => {
  const ALTER = /ALTER TABLE "RateLimit" ADD COLUMN\s+"migrationTestNote" TEXT;/;

  it("applies the pending migrations of a fresh database first, then writes the new one", async () => {
    const db = await freshDatabase();
    const project = await projectWithNewColumn();
    try {
      const options = {
        databaseUrl: db.url,
        schemaPath: project.schemaPath,
        migrationsDir: project.migrationsDir,
      };
      const result = await createMigration({ ...options, name: "Add note", createOnly: true });
      expect(result).toMatchObject({ status: "created", applied: await localMigrations() });
      if (result.status !== "created") throw new Error("no migration created");
      expect(result.migrationName).toMatch(/^\d{14}_add_note$/);
      expect(await newMigrationSql(project.migrationsDir, result.migrationName)).toMatch(ALTER);

      const status = await migrationStatus(options);
      expect(status.unapplied).toEqual([result.migrationName]);
    } finally {
      await db.drop();
      await rm(project.dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("works in a second engine session of the same process (deploy, then create)", async () => {
    const db = await freshDatabase();
    const project = await projectWithNewColumn();
    try {
      const options = {
        databaseUrl: db.url,
        schemaPath: project.schemaPath,
        migrationsDir: project.migrationsDir,
      };
      expect(await deployMigrations(options)).toEqual(await localMigrations());
      const result = await createMigration({ ...options, name: "add_note", createOnly: true });
      expect(result).toMatchObject({ status: "created", applied: [] });
      if (result.status !== "created") throw new Error("no migration created");
      expect(await newMigrationSql(project.migrationsDir, result.migrationName)).toMatch(ALTER);

      // Without createOnly the next run applies it, and then nothing is left to do.
      const again = await createMigration({ ...options, name: "noop" });
      expect(again).toEqual({ status: "unchanged", applied: [result.migrationName] });
      expect((await migrationStatus(options)).upToDate).toBe(true);
    } finally {
      await db.drop();
      await rm(project.dir, { recursive: true, force: true });
    }
  }, 120_000);
});
