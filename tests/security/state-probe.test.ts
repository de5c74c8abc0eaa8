// The corpus's "nothing changed" check (support/db-state.ts, watchState) must catch every write:
// a change counter kept by triggers answers most checks, a full snapshot the rest. Here, against
// this file's own test database, writes of every kind from another connection must fail the check,
// and harmless activity (reads, rate-limit counters, rolled-back or same-value writes) must not.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStateProbe, type StateProbe, type StateWatch, watchState } from "./support/db-state.ts";

let probe: StateProbe;
let watch: StateWatch;
/** Another connection, as the app's pool would be. */
let app: pg.Client;

const addUser = (id: string) =>
  app.query(`insert into "User" (id, email, "updatedAt") values ($1, $1 || '@example.com', now())`, [id]);

beforeAll(async () => {
  probe = await openStateProbe();
  app = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await app.connect();
  watch = await watchState(probe);
});

afterAll(async () => {
  await app?.end();
  await probe?.close();
});

describe("the state check", () => {
  it("passes reads and rate-limit counters, by the counter alone", async () => {
    await app.query(`select count(*) from "User"`);
    await probe.resetRateLimits();
    const before = watch.stats();
    expect(await watch.check()).toEqual([]);
    expect(watch.stats().counterOnly).toBe(before.counterOnly + 1);
  });

  it("fails a case that adds a row", async () => {
    await addUser("probe-a");
    expect(await watch.check()).toEqual(["User: 0 → 1 rows"]);
  });

  it("fails a case that changes a value", async () => {
    await app.query(`update "User" set name = 'changed' where id = 'probe-a'`);
    expect(await watch.check()).toEqual(["User: contents changed (1 rows)"]);
  });

  it("fails a case that deletes a row", async () => {
    await app.query(`delete from "User" where id = 'probe-a'`);
    expect(await watch.check()).toEqual(["User: 1 → 0 rows"]);
  });

  it("fails a case that empties a table", async () => {
    await addUser("probe-b");
    expect(await watch.check()).toEqual(["User: 0 → 1 rows"]);
    await app.query(`truncate "User" cascade`);
    expect(await watch.check()).toEqual(["User: 1 → 0 rows"]);
  });

  it("allows exactly the rows a case may add, no more", async () => {
    await addUser("probe-c");
    expect(await watch.check({ User: 1 })).toEqual([]);
    await addUser("probe-d");
    await addUser("probe-e");
    expect(await watch.check({ User: 1 })).toEqual(["User: 1 → 3 rows"]);
  });

  it("passes writes that leave no trace (rolled back, or the same value), by full snapshot", async () => {
    await app.query("begin");
    await addUser("probe-rolled-back");
    await app.query("rollback");
    await app.query(`update "User" set email = email`);
    const before = watch.stats();
    expect(await watch.check()).toEqual([]);
    expect(watch.stats().snapshots).toBe(before.snapshots + 1);
  });

  it("sees the same through verify, and a write made after the last check", async () => {
    expect(await watch.verify()).toEqual([]);
    await app.query(`update "User" set name = 'late' where id = 'probe-c'`);
    expect(await watch.verify()).toEqual(["User: contents changed (3 rows)"]);
    expect(await watch.check()).toEqual([]);
  });
});
