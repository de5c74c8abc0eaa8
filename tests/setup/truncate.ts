// Empties the test database but keeps its schema and migration history. Also usable inside a
// test file that needs a clean slate between tests.
import pg from "pg";

const TABLES = `
  select format('%I.%I', schemaname, tablename) as name
  from pg_tables
  where (schemaname = 'public' and tablename <> '_prisma_migrations')
     -- graphile-worker keeps jobs in _private_jobs (0.14+) or jobs (older); its views are not in pg_tables.
     or (schemaname = 'graphile_worker'
         and tablename in ('_private_jobs', '_private_job_queues', 'jobs', 'job_queues'))`;

export async function truncateAllTables(databaseUrl = process.env.DATABASE_URL): Promise<void> {
  if (!databaseUrl) throw new Error("truncateAllTables: DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(TABLES);
    if (rows.length === 0) return;
    await client.query(`TRUNCATE TABLE ${rows.map((r) => r.name).join(", ")} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}
