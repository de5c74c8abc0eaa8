// An in-process PGlite as a driver adapter: the shadow database for the embedded default, and a
// scratch database for commands that never touch a real one.
import type { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createPGlite } from "../pglite-template.ts";

interface PGliteQueryableInternals {
  onError(error: unknown): never;
}

export async function connectScratchPGlite(): Promise<SqlDriverAdapter> {
  const db = await createPGlite();
  return connectAdapter(db, () => db.close());
}

async function connectAdapter(db: PGlite, release: () => Promise<void>): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(db).connect();
  const inner = adapter as SqlDriverAdapter & Partial<PGliteQueryableInternals>;

  // pglite-prisma-adapter 0.7.2 does not await exec(): a failing migration would surface as an
  // unhandled rejection after the engine had already been told it succeeded.
  adapter.executeScript = async (script: string) => {
    try {
      await db.exec(script);
    } catch (error) {
      if (inner.onError) inner.onError(error);
      throw error;
    }
  };

  let closed: Promise<void> | undefined;
  adapter.dispose = () => {
    closed ??= release();
    return closed;
  };
  return adapter;
}

const USER_SCHEMAS = `select nspname as name from pg_namespace
  where nspname not like 'pg\\_%' and nspname <> 'information_schema'`;

/**
 * Shadow databases for one engine session. The engine asks for an empty shadow database several
 * times per command (each devDiagnostic, each diff) and disposes it before asking again; a new PGlite
 * costs about a second, so one is kept and emptied (every schema dropped) between uses instead.
 */
export function scratchPGliteShadows(): { connect(): Promise<SqlDriverAdapter>; close(): Promise<void> } {
  const idle: PGlite[] = [];
  const all = new Set<PGlite>();
  return {
    async connect() {
      let db = idle.pop();
      if (db) {
        try {
          const { rows } = await db.query<{ name: string }>(USER_SCHEMAS);
          const drops = rows.map((r) => `DROP SCHEMA "${r.name.replaceAll('"', '""')}" CASCADE;`).join("\n");
          await db.exec(`${drops}\nCREATE SCHEMA public;`);
        } catch {
          // Left in a state it cannot be emptied from (say, a failed replay): start a new one.
          all.delete(db);
          await db.close().catch(() => {});
          db = undefined;
        }
      }
      if (!db) {
        db = await createPGlite();
        all.add(db);
      }
      const taken = db;
      return connectAdapter(taken, async () => {
        idle.push(taken);
      });
    },
    async close() {
      idle.length = 0;
      await Promise.allSettled([...all].map((db) => db.close()));
      all.clear();
    },
  };
}
