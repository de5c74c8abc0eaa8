// Companion to migrations.test.ts: each leaves a row behind and expects to start empty, so
// whichever file runs second proves per-file.ts truncates between files.
import pg from "pg";
import { afterAll, beforeAll, expect, inject, it } from "vitest";

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

it("starts with empty tables and restarted identities", async () => {
  const { rows } = await client.query<{ count: string }>('select count(*) from "User"');
  expect(rows[0]?.count).toBe("0");
});

it("leaves a row behind", async () => {
  await client.query(
    `insert into "User" (id, email, "updatedAt") values ('leftover-2', 'leftover2@example.com', now())`,
  );
});
