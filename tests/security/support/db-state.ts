// "Nothing changed": every application table's row count and a hash of its contents, read from
// the test database. The rate-limit counters (RateLimit) change on purpose and graphile-worker's
// internals follow the email outbox, which is itself a table here (EmailMessage).
import pg from "pg";

const EXCLUDED = new Set(["_prisma_migrations", "RateLimit"]);

export type TableState = { rows: number; hash: string };
export type DbState = Map<string, TableState>;

export type StateProbe = {
  snapshot(): Promise<DbState>;
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
  return {
    async snapshot() {
      const result = await client.query<{ name: string; rows: number; hash: string }>(statement);
      return new Map(result.rows.map((row) => [row.name, { rows: row.rows, hash: row.hash }]));
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
