// `@prisma/adapter-pg`, adjusted for what the schema engine sends it.
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

const CHAR_OID = 18;
const TEXT_OID = 25;

interface PgResult {
  fields: { dataTypeID: number }[];
  rows: unknown[][];
}

/** adapter-pg's internals this module leans on; checked at runtime so an upgrade fails loudly. */
interface PgQueryableInternals {
  performIO(query: SqlQuery): Promise<PgResult>;
  onError(error: unknown): never;
  queryRaw(query: SqlQuery): Promise<SqlResultSet>;
}

function internals(target: object): PgQueryableInternals {
  const candidate = target as Partial<PgQueryableInternals>;
  if (typeof candidate.performIO !== "function" || typeof candidate.onError !== "function") {
    throw new Error(
      "@prisma/adapter-pg changed: performIO/onError not found (see server/db/engine/pg-adapter.ts)",
    );
  }
  return candidate as PgQueryableInternals;
}

/**
 * Postgres's one-byte `"char"` (OID 18, e.g. pg_class.relkind) is rejected by adapter-pg, yet the
 * engine reads it whenever it introspects a database (drift check, migrate, diff, reset; deploy
 * and status happen not to) and expects it typed `Character` (typed as text it panics). The query runs once; adapter-pg converts the result
 * with those columns presented as text, then their types are corrected.
 */
function acceptCharColumns<T extends object>(queryable: T): T {
  const inner = internals(queryable);
  const originalQueryRaw = inner.queryRaw;
  inner.queryRaw = async (query: SqlQuery) => {
    const result = await inner.performIO(query);
    const charColumns: number[] = [];
    const fields = result.fields.map((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return field;
      charColumns.push(index);
      return { ...field, dataTypeID: TEXT_OID };
    });
    const replay = Object.create(inner, {
      performIO: { value: async () => ({ ...result, fields }) },
    }) as PgQueryableInternals;
    const converted = await originalQueryRaw.call(replay, query);
    for (const index of charColumns) converted.columnTypes[index] = ColumnTypeEnum.Character;
    return converted;
  };
  return queryable;
}

/** A driver adapter over its own pool; `adapter.dispose()` ends the pool. */
export async function connectPg(
  connectionString: string,
  onDispose?: () => Promise<void>,
): Promise<SqlDriverAdapter> {
  // One connection, like the native engine: Prisma's migration advisory lock is per session and
  // is only released when the connection closes, so it must not hop between pooled connections.
  const pool = new pg.Pool({ connectionString, max: 1 });
  // An idle connection dropped by the server must not crash the process.
  pool.on("error", () => {});
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  const adapter = acceptCharColumns(await factory.connect());
  const inner = internals(adapter);

  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    acceptCharColumns<Transaction>(await startTransaction(isolationLevel));

  // adapter-pg splits scripts on every ";" (breaking $$-quoted bodies and string literals) and
  // sends the pieces on whichever pooled connection is free. The native engine sends a migration
  // as one simple-protocol query, which also makes it one implicit transaction; so does this.
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      inner.onError(error);
    }
  };

  const dispose = adapter.dispose.bind(adapter);
  let disposed: Promise<void> | undefined;
  // The engine and the session's cleanup may both dispose; pg throws on a second pool.end().
  adapter.dispose = () => {
    disposed ??= dispose().then(() => onDispose?.());
    return disposed;
  };
  return adapter;
}
