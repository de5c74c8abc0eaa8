// Prisma Migrate without the native schema engine: the same engine compiled to wasm, driven over
// `pg`. Folder format, `_prisma_migrations` records and checksums match `prisma migrate`.
// No process.exit and no console output: callers pass a logger and decide what to print.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type {
  DiagnoseMigrationHistoryOutput,
  SchemaFilter,
} from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  migrationNames,
  readMigrationsList,
  slugifyMigrationName,
  writeMigration,
} from "./engine/migrations-dir.ts";
import { type Logger, SchemaEngineError, withSchemaEngine } from "./engine/session.ts";

export { type Logger, SchemaEngineError };

export interface MigrateOptions {
  databaseUrl: string;
  /** Default: env PRISMA_SCHEMA_PATH, else prisma/schema.prisma under the working directory. */
  schemaPath?: string;
  /** Default: env PRISMA_MIGRATIONS_DIR, else prisma/migrations under the working directory. */
  migrationsDir?: string;
  /** Default: env SHADOW_DATABASE_URL; else a temporary database (PostgreSQL) or an in-process PGlite. */
  shadowDatabaseUrl?: string;
  logger?: Logger;
}

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

function resolved(options: Omit<MigrateOptions, "databaseUrl"> & { databaseUrl?: string }) {
  return {
    databaseUrl: options.databaseUrl,
    schemaPath: resolve(options.schemaPath ?? process.env.PRISMA_SCHEMA_PATH ?? "prisma/schema.prisma"),
    migrationsDir: resolve(options.migrationsDir ?? process.env.PRISMA_MIGRATIONS_DIR ?? "prisma/migrations"),
    shadowDatabaseUrl: options.shadowDatabaseUrl ?? (process.env.SHADOW_DATABASE_URL || undefined),
    logger: options.logger,
  };
}

/** The database has changes that are not in the migrations: `prisma migrate dev` would offer a reset. */
export class MigrationDriftError extends Error {
  constructor(readonly reason: string) {
    super(
      `${reason}\nThe database does not match the migration history. Run \`npm run db:reset\` to drop it (all data is lost), or fix the migrations.`,
    );
    this.name = "MigrationDriftError";
  }
}

/** The next migration would lose data or cannot run as generated; nothing was written. */
export class UnsafeMigrationError extends Error {
  constructor(
    readonly warnings: string[],
    readonly unexecutable: string[],
  ) {
    const lines = [
      ...unexecutable.map((m) => `cannot be executed: ${m}`),
      ...warnings.map((m) => `data loss: ${m}`),
    ];
    super(
      `The next migration is unsafe:\n${lines.map((l) => `  - ${l}`).join("\n")}\n` +
        (unexecutable.length
          ? "Create it with createOnly and edit the SQL by hand."
          : "Pass allowDataLoss (--accept-data-loss) to create and apply it anyway."),
    );
    this.name = "UnsafeMigrationError";
  }
}

export type CreateMigrationResult =
  | { status: "created"; migrationName: string; path: string; applied: string[] }
  | { status: "unchanged"; applied: string[] };

/**
 * `prisma migrate dev --name`: applies pending migrations, then writes (and unless `createOnly`,
 * applies) a migration for the schema's changes. Refuses on drift.
 */
export async function createMigration(
  options: MigrateOptions & { name: string; createOnly?: boolean; allowDataLoss?: boolean },
): Promise<CreateMigrationResult> {
  const o = resolved(options);
  const log = o.logger;
  return withSchemaEngine(o, async (engine) => {
    const list = () => readMigrationsList(o.migrationsDir);
    // Besides checking for drift, devDiagnostic is the only call that makes the wasm engine replay
    // the history on a shadow database from our factory: it replays the migrations the database
    // has applied and caches the resulting schema in the engine instance, keyed by that list.
    // evaluateDataLoss and createMigration only read that cache; on a miss they fall back to the
    // engine's built-in shadow database, which the wasm build does not have ("PostgreSQL shadow DB
    // must be provided through an external factory"). So the cache must hold exactly the list
    // passed to them, in this same engine: diagnose again once pending migrations are applied.
    const diagnose = async () => {
      const diagnostic = await engine.devDiagnostic({ migrationsList: await list(), filters: NO_FILTER });
      if (diagnostic.action.tag === "reset") throw new MigrationDriftError(diagnostic.action.reason);
    };

    await diagnose();
    const pending = (await engine.applyMigrations({ migrationsList: await list(), filters: NO_FILTER }))
      .appliedMigrationNames;
    if (pending.length) {
      log?.info?.(`Applied pending migrations: ${pending.join(", ")}`);
      await diagnose();
    }

    const schema = { files: [{ path: o.schemaPath, content: await readSchema(o.schemaPath) }] };
    const risk = await engine.evaluateDataLoss({ migrationsList: await list(), schema, filters: NO_FILTER });
    const unexecutable = risk.unexecutableSteps.map((s) => s.message);
    const warnings = risk.warnings.map((s) => s.message);
    if (unexecutable.length && !options.createOnly) throw new UnsafeMigrationError(warnings, unexecutable);
    if (warnings.length && !options.allowDataLoss && !options.createOnly)
      throw new UnsafeMigrationError(warnings, []);
    for (const warning of warnings) log?.warn?.(warning);
    if (risk.migrationSteps === 0 && !options.createOnly) return { status: "unchanged", applied: pending };

    const migrationsList = await list();
    const created = await engine.createMigration({
      migrationsList,
      migrationName: slugifyMigrationName(options.name),
      draft: Boolean(options.createOnly),
      schema,
      filters: NO_FILTER,
    });
    if (created.migrationScript === null) return { status: "unchanged", applied: pending };
    const path = await writeMigration({
      baseDir: o.migrationsDir,
      name: created.generatedMigrationName,
      extension: created.extension,
      script: created.migrationScript,
      connectorType: created.connectorType,
    });
    log?.info?.(`Created ${path}`);
    if (options.createOnly)
      return { status: "created", migrationName: created.generatedMigrationName, path, applied: pending };

    const applied = (await engine.applyMigrations({ migrationsList: await list(), filters: NO_FILTER }))
      .appliedMigrationNames;
    return {
      status: "created",
      migrationName: created.generatedMigrationName,
      path,
      applied: [...pending, ...applied],
    };
  });
}

/** `prisma migrate deploy`: applies pending migrations, never generates or resets. Returns their names. */
export async function deployMigrations(options: MigrateOptions): Promise<string[]> {
  const o = resolved(options);
  return withSchemaEngine(o, async (engine) => {
    const migrationsList = await readMigrationsList(o.migrationsDir);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    if (appliedMigrationNames.length)
      o.logger?.info?.(`Applied migrations: ${appliedMigrationNames.join(", ")}`);
    return appliedMigrationNames;
  });
}

export interface MigrationStatus {
  /** Migration folders on disk, in order. */
  local: string[];
  /** In the folder, not yet in the database. */
  unapplied: string[];
  /** In the database, missing from the folder. */
  unpersisted: string[];
  failed: string[];
  /** Applied, then their migration.sql changed (checksum mismatch). */
  edited: string[];
  hasMigrationsTable: boolean;
  upToDate: boolean;
  raw: DiagnoseMigrationHistoryOutput;
}

/** `prisma migrate status`; no shadow database is involved. */
export async function migrationStatus(options: MigrateOptions): Promise<MigrationStatus> {
  const o = resolved(options);
  return withSchemaEngine(o, async (engine) => {
    const migrationsList = await readMigrationsList(o.migrationsDir);
    const raw = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: NO_FILTER,
    });
    const history = raw.history;
    const unapplied =
      history && history.diagnostic !== "migrationsDirectoryIsBehind" ? history.unappliedMigrationNames : [];
    const unpersisted =
      history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [];
    return {
      local: migrationNames(migrationsList),
      unapplied,
      unpersisted,
      failed: raw.failedMigrationNames,
      edited: raw.editedMigrationNames,
      hasMigrationsTable: raw.hasMigrationsTable,
      upToDate:
        history === null && raw.failedMigrationNames.length === 0 && raw.editedMigrationNames.length === 0,
      raw,
    };
  });
}

export interface SchemaCheck {
  /** True when schema.prisma has changes that no migration contains. */
  hasChanges: boolean;
  /** The engine's exit code with --exit-code: 0 no difference, 2 difference. */
  exitCode: number;
  /** Human-readable summary of the missing changes (empty when none). */
  summary: string;
}

/**
 * `prisma migrate diff --from-migrations --to-schema --exit-code`, for CI. Replays the migrations
 * on a shadow database only; without a databaseUrl both sides are in-process PGlite instances.
 */
export async function checkSchemaHasMigration(options: Partial<MigrateOptions> = {}): Promise<SchemaCheck> {
  const o = resolved(options);
  return withSchemaEngine(o, async (engine) => {
    const migrations = await readMigrationsList(o.migrationsDir);
    const result = await engine.diff({
      // The engine needs migration_lock.toml to replay migrations; with none, compare against nothing.
      from: migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" },
      to: {
        tag: "schemaDatamodel",
        files: [{ path: o.schemaPath, content: await readSchema(o.schemaPath) }],
      },
      script: false,
      exitCode: true,
      filters: NO_FILTER,
    });
    return {
      hasChanges: result.exitCode === 2,
      exitCode: result.exitCode,
      summary: (result.stdout ?? "").trim(),
    };
  });
}

/** `prisma migrate reset --force`: empties the database, then (unless told not to) re-applies every migration. */
export async function resetDatabase(options: MigrateOptions & { reapply?: boolean }): Promise<string[]> {
  const o = resolved(options);
  return withSchemaEngine(o, async (engine) => {
    await engine.reset({ filter: NO_FILTER });
    if (options.reapply === false) return [];
    const migrationsList = await readMigrationsList(o.migrationsDir);
    return (await engine.applyMigrations({ migrationsList, filters: NO_FILTER })).appliedMigrationNames;
  });
}

function readSchema(path: string): Promise<string> {
  return readFile(path, "utf8");
}
