// The adapter factory handed to the schema engine, with a shadow database that is never the main
// one (PrismaPg's own connectToShadowDb keeps the connection string's database, so it would
// replay migrations on the main database).
import { randomUUID } from "node:crypto";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { connectPg } from "./pg-adapter.ts";
import { connectScratchPGlite, scratchPGliteShadows } from "./pglite-adapter.ts";

export type ServerKind = "pglite" | "postgres";

export interface FactoryOptions {
  /** Omitted: an in-process scratch PGlite (for commands that only compare files). */
  databaseUrl?: string;
  shadowDatabaseUrl?: string;
}

export interface EngineFactory {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Disposes every adapter still open; safe to call more than once. */
  close(): Promise<void>;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** PGlite-socket ignores database names, so CREATE DATABASE cannot give it a shadow. */
export async function detectServerKind(url: string): Promise<ServerKind> {
  const version = await withClient(url, async (client) => {
    const { rows } = await client.query<{ version: string }>("select version() as version");
    return rows[0]?.version ?? "";
  });
  return version.includes("PGlite") ? "pglite" : "postgres";
}

function sameDatabase(a: string, b: string): boolean {
  const key = (url: string) => {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${decodeURIComponent(u.pathname) || "/postgres"}`;
  };
  return key(a) === key(b);
}

/**
 * The engine expects an empty shadow database on every connect (the native engine resets a
 * configured one itself; the wasm build does not, and a second replay fails with "already exists").
 */
async function emptyDatabase(url: string): Promise<void> {
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `select nspname as name from pg_namespace
       where nspname not like 'pg\\_%' and nspname <> 'information_schema'`,
    );
    const drops = rows.map((r) => `DROP SCHEMA "${r.name.replaceAll('"', '""')}" CASCADE;`).join("\n");
    await client.query(`${drops}\nCREATE SCHEMA public;`);
  });
}

/**
 * Temporary shadow databases on the main database's server for one engine session. The engine asks
 * for an empty shadow several times per command and disposes each before asking again, so one
 * database is created, emptied between uses (like a configured SHADOW_DATABASE_URL) and dropped
 * when the session closes, instead of a CREATE and DROP DATABASE per use.
 */
function temporaryShadows(mainUrl: () => string | undefined) {
  const idle: string[] = [];
  const created: string[] = [];
  return {
    async connect(): Promise<SqlDriverAdapter> {
      const main = mainUrl() as string;
      let name = idle.pop();
      if (name) await emptyDatabase(databaseUrlOn(main, name));
      else {
        name = await createTemporaryDatabase(main);
        created.push(name);
      }
      const taken = name;
      return connectPg(databaseUrlOn(main, taken), async () => {
        idle.push(taken);
      });
    },
    async close() {
      const main = mainUrl();
      idle.length = 0;
      if (!main || created.length === 0) return;
      const names = created.splice(0);
      await withClient(main, async (client) => {
        for (const name of names) {
          // FORCE (PostgreSQL 13+) also ends connections the engine may not have closed.
          await client
            .query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
            .catch(() => client.query(`DROP DATABASE IF EXISTS "${name}"`));
        }
      });
    },
  };
}

function databaseUrlOn(mainUrl: string, name: string): string {
  const url = new URL(mainUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createTemporaryDatabase(mainUrl: string): Promise<string> {
  const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
  try {
    await withClient(mainUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Could not create a temporary shadow database (${reason}). Grant CREATEDB or set SHADOW_DATABASE_URL to an empty database.`,
    );
  }
  return name;
}

export function createEngineFactory(options: FactoryOptions): EngineFactory {
  const open = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter) => {
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      open.delete(adapter);
      await dispose();
    };
    return adapter;
  };

  const { databaseUrl, shadowDatabaseUrl } = options;
  if (databaseUrl && shadowDatabaseUrl && sameDatabase(databaseUrl, shadowDatabaseUrl)) {
    throw new Error("SHADOW_DATABASE_URL points at the main database; the shadow database is wiped on use.");
  }
  let kind: Promise<ServerKind> | undefined;
  const scratchShadows = scratchPGliteShadows();
  const temporaryShadowDbs = temporaryShadows(() => databaseUrl);

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      // Even a diff between files makes the engine probe its main database (for the server version).
      return track(databaseUrl ? await connectPg(databaseUrl) : await connectScratchPGlite());
    },
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        await emptyDatabase(shadowDatabaseUrl);
        return track(await connectPg(shadowDatabaseUrl));
      }
      if (!databaseUrl) return track(await scratchShadows.connect());
      kind ??= detectServerKind(databaseUrl);
      if ((await kind) === "pglite") return track(await scratchShadows.connect());
      return track(await temporaryShadowDbs.connect());
    },
  };

  return {
    factory,
    async close() {
      await Promise.allSettled([...open].map((adapter) => adapter.dispose()));
      await scratchShadows.close();
      await temporaryShadowDbs.close();
    },
  };
}
