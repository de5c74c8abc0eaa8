// "Nothing changed": every application table's row count and a hash of its contents, read from
// the test database. The rate-limit counters (RateLimit) change on purpose and graphile-worker's
// internals follow the email outbox, which is itself a table here (EmailMessage).
//
// A full snapshot hashes every row of every table: too slow to take after each of the corpus's
// fifteen thousand requests. `watchState` takes one, then asks a change counter after each request:
// row triggers on every checked table (insert, update, delete; truncate per statement) draw from a
// sequence. An unchanged counter proves no row of those tables was written, so the snapshot still
// holds; a moved one (a write, or a write rolled back: sequences ignore rollbacks) takes a new
// snapshot and compares it, exactly as before. `verify` compares a full snapshot regardless.
import pg from "pg";

const EXCLUDED = new Set(["_prisma_migrations", "RateLimit"]);
/** Where the change counter and its trigger function live: outside `public`, so never checked. */
const PROBE_SCHEMA = "stapel_state_probe";

export type TableState = { rows: number; hash: string };
export type DbState = Map<string, TableState>;

export type StateProbe = {
  snapshot(): Promise<DbState>;
  /**
   * Row writes to the checked tables so far (a sequence drawn by triggers, installed on first use).
   * Equal before and after a request: it wrote nothing there. Different: it may have.
   */
  changeCount(): Promise<string>;
  /** Empties the rate-limit counters, so many requests from one address do not meet a 429. */
  resetRateLimits(): Promise<void>;
  query<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

export async function openStateProbe(databaseUrl = process.env.DATABASE_URL): Promise<StateProbe> {
  if (!databaseUrl)
    throw new Error("DATABASE_URL is not set: run the security tests through vitest's security project");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ tablename: string }>(
    "select tablename from pg_tables where schemaname = 'public' order by tablename",
  );
  const tables = rows.map((row) => row.tablename).filter((name) => !EXCLUDED.has(name));
  if (tables.length === 0) throw new Error("no application tables found: is the test database migrated?");
  const statement = tables
    .map(
      (name) =>
        `select ${pg.escapeLiteral(name)} as name, count(*)::int as rows, ` +
        `md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from public.${pg.escapeIdentifier(name)} t`,
    )
    .join(" union all ");
  let tracking: Promise<void> | undefined;
  const track = () => {
    tracking ??= installChangeCounter(client, tables);
    return tracking;
  };
  return {
    async snapshot() {
      const result = await client.query<{ name: string; rows: number; hash: string }>(statement);
      return new Map(result.rows.map((row) => [row.name, { rows: row.rows, hash: row.hash }]));
    },
    async changeCount() {
      await track();
      const result = await client.query<{ n: string }>(
        `select (last_value + case when is_called then 1 else 0 end)::text as n from ${PROBE_SCHEMA}.changes`,
      );
      return result.rows[0]?.n ?? "";
    },
    async resetRateLimits() {
      await client.query('delete from "RateLimit"');
    },
    async query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      return (await client.query<T>(text, values)).rows;
    },
    close: () => client.end(),
  };
}

/** The counter's triggers, on every checked table; idempotent (one test database, one probe or more). */
async function installChangeCounter(client: pg.Client, tables: string[]): Promise<void> {
  const triggers = tables.flatMap((name) => {
    const table = `public.${pg.escapeIdentifier(name)}`;
    return [
      `drop trigger if exists stapel_state_probe_rows on ${table}`,
      `create trigger stapel_state_probe_rows after insert or update or delete on ${table} ` +
        `for each row execute function ${PROBE_SCHEMA}.count_change()`,
      `drop trigger if exists stapel_state_probe_truncate on ${table}`,
      `create trigger stapel_state_probe_truncate after truncate on ${table} ` +
        `for each statement execute function ${PROBE_SCHEMA}.count_change()`,
    ];
  });
  await client.query(
    [
      `create schema if not exists ${PROBE_SCHEMA}`,
      `create sequence if not exists ${PROBE_SCHEMA}.changes`,
      `create or replace function ${PROBE_SCHEMA}.count_change() returns trigger language plpgsql as ` +
        `$$ begin perform nextval('${PROBE_SCHEMA}.changes'); return null; end $$`,
      ...triggers,
    ].join(";\n"),
  );
}

/** Human-readable differences, empty when nothing changed: `Order: 3 → 4 rows`, `Session: contents changed`. */
export function diffStates(before: DbState, after: DbState): string[] {
  const changes: string[] = [];
  for (const [name, was] of before) {
    const now = after.get(name);
    if (!now) changes.push(`${name}: table disappeared`);
    else if (now.rows !== was.rows) changes.push(`${name}: ${was.rows} → ${now.rows} rows`);
    else if (now.hash !== was.hash) changes.push(`${name}: contents changed (${now.rows} rows)`);
  }
  return changes;
}

/** Whether `after` differs from `before` by exactly the rows `mayAdd` allows (table → rows added). */
export function onlyAdded(before: DbState, after: DbState, mayAdd: Record<string, number>): boolean {
  for (const [table, was] of before) {
    const now = after.get(table);
    const added = mayAdd[table] ?? 0;
    if (!now || now.rows - was.rows !== added) return false;
    if (added === 0 && now.hash !== was.hash) return false;
  }
  return true;
}

export type StateWatch = {
  /**
   * Since the last call (or the start): "nothing changed, or only the rows `mayAdd` allows". Empty
   * when so, else the differences. Takes a full snapshot only when the change counter moved.
   */
  check(mayAdd?: Record<string, number>): Promise<string[]>;
  /** The same question answered by a full snapshot, whatever the counter says. */
  verify(): Promise<string[]>;
  /** How many checks the counter answered alone, and how many took a snapshot. */
  stats(): { counterOnly: number; snapshots: number };
};

/** Watches the database for changes from now on (see the top of this file). */
export async function watchState(probe: StateProbe): Promise<StateWatch> {
  let count = await probe.changeCount();
  let known = await probe.snapshot();
  let counterOnly = 0;
  let snapshots = 0;
  const compare = async (mayAdd?: Record<string, number>) => {
    // The counter first: a write after this read moves it again and the next check sees it.
    count = await probe.changeCount();
    const after = await probe.snapshot();
    snapshots++;
    const changes = diffStates(known, after);
    const allowed = changes.length === 0 || (mayAdd !== undefined && onlyAdded(known, after, mayAdd));
    known = after;
    return allowed ? [] : changes;
  };
  return {
    async check(mayAdd) {
      if ((await probe.changeCount()) === count) {
        counterOnly++;
        return [];
      }
      return compare(mayAdd);
    },
    verify: () => compare(),
    stats: () => ({ counterOnly, snapshots }),
  };
}
