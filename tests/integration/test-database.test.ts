// The per-file test database (tests/setup/per-file.ts): each file gets its own copy of the run's
// migrated template, empty, and app code reaches it through DATABASE_URL. Proved within this file:
// a row written here is not in a second database made the same way, which starts empty.
import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { openTestDatabase, type TestDatabase } from "../setup/test-database.ts";
import { testEnv } from "../support/test-env.ts";

const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

let client: pg.Client;
/** Row counts before any test here wrote (tests may run in any order). */
let atStart: Record<string, number>;

beforeAll(async () => {
  Object.assign(process.env, testEnv);
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  atStart = await rowCounts(client);
});

afterAll(async () => {
  await client.end();
  await prisma.$disconnect();
});

async function rowCounts(db: pg.Client): Promise<Record<string, number>> {
  const { rows } = await db.query<{ name: string }>(
    `select format('%I.%I', schemaname, tablename) as name from pg_tables
     where (schemaname = 'public' and tablename <> '_prisma_migrations')
        or (schemaname = 'graphile_worker' and tablename = '_private_jobs')`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    const result = await db.query<{ count: string }>(`select count(*) from ${name}`);
    counts[name] = Number(result.rows[0]?.count);
  }
  return counts;
}

async function migrated(db: pg.Client): Promise<string[]> {
  const { rows } = await db.query<{ migration_name: string }>(
    "select migration_name from _prisma_migrations where finished_at is not null order by migration_name",
  );
  return rows.map((r) => r.migration_name);
}

async function localMigrations(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

describe("this file's test database", () => {
  it("is migrated (every migration and graphile-worker's schema) and starts with no rows", async () => {
    expect(await migrated(client)).toEqual(await localMigrations());
    const { rows } = await client.query("select 1 from pg_namespace where nspname = 'graphile_worker'");
    expect(rows).toHaveLength(1);
    expect(Object.keys(atStart).length).toBeGreaterThan(5);
    expect(Object.values(atStart).every((count) => count === 0)).toBe(true);
  });

  it("is the one app code uses: a row written through the app's Prisma client is seen here", async () => {
    await prisma.user.create({ data: { id: "per-file-check", email: "per-file@example.com" } });
    const { rows } = await client.query('select email from "User" where id = $1', ["per-file-check"]);
    expect(rows).toEqual([{ email: "per-file@example.com" }]);
  });

  it("is not the template and not shared: a new database made the same way starts empty", async () => {
    await client.query(
      `insert into "User" (id, email, "updatedAt") values ('left-behind', 'left@example.com', now())`,
    );
    const other: TestDatabase = await openTestDatabase(inject("testDatabase"));
    const otherClient = new pg.Client({ connectionString: other.url });
    await otherClient.connect();
    try {
      expect(other.url).not.toBe(process.env.DATABASE_URL);
      expect(await migrated(otherClient)).toEqual(await localMigrations());
      const counts = await rowCounts(otherClient);
      expect(counts['public."User"']).toBe(0);
      expect(Object.values(counts).every((count) => count === 0)).toBe(true);
      // ...while this file's database still has its rows.
      const { rows } = await client.query<{ count: string }>('select count(*) from "User"');
      expect(Number(rows[0]?.count)).toBeGreaterThanOrEqual(1);
    } finally {
      await otherClient.end();
      await other.close();
    }
  });
});
