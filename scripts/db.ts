// `npm run db:*`: Prisma Migrate through the wasm schema engine. Targets DATABASE_URL, or else the
// embedded database in ./data/pglite, served for the duration of the command.
import { parseArgs } from "node:util";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres.ts";
import {
  checkSchemaHasMigration,
  createMigration,
  deployMigrations,
  type Logger,
  MigrationDriftError,
  migrationStatus,
  resetDatabase,
  UnsafeMigrationError,
} from "../server/db/schema-engine.ts";

const USAGE = `Usage: tsx scripts/db.ts <command> [options]
  migrate --name <name> [--create-only] [--accept-data-loss]   create a migration from schema changes and apply it
  deploy                                                       apply pending migrations
  reset [--force]                                              drop everything, then re-apply all migrations
  status                                                       compare the database with prisma/migrations (exit 1 if behind)
  check                                                        exit 1 if schema.prisma has changes without a migration
Env: DATABASE_URL (default: embedded PGlite in ./data/pglite), SHADOW_DATABASE_URL,
     PRISMA_SCHEMA_PATH, PRISMA_MIGRATIONS_DIR, PGLITE_DATA_DIR, DEBUG_SCHEMA_ENGINE=1`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: "string", short: "n" },
    "create-only": { type: "boolean", default: false },
    "accept-data-loss": { type: "boolean", default: false },
    force: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
const command = positionals[0];

const logger: Logger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(`warning: ${message}`),
  debug: process.env.DEBUG_SCHEMA_ENGINE ? (message) => console.error(message) : undefined,
};

function list(names: string[]): string {
  return names.map((n) => `  ${n}`).join("\n");
}

async function withDatabase<T>(run: (databaseUrl: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return run(process.env.DATABASE_URL);
  const dataDir = process.env.PGLITE_DATA_DIR ?? "data/pglite";
  const embedded = await startEmbeddedPostgres({ dataDir });
  // Closing PGlite is what makes its writes durable, so an interrupt must close it too.
  const onSignal = () => void embedded.close().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    console.log(`Embedded database (${dataDir})`);
    return await run(embedded.url);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await embedded.close();
  }
}

async function main(): Promise<number> {
  switch (command) {
    case "migrate": {
      if (!values.name) {
        console.error("db:migrate needs a name: npm run db:migrate -- --name add_reviews");
        return 2;
      }
      const name = values.name;
      const result = await withDatabase((databaseUrl) =>
        createMigration({
          databaseUrl,
          name,
          logger,
          createOnly: values["create-only"],
          allowDataLoss: values["accept-data-loss"],
        }),
      );
      if (result.status === "unchanged") {
        console.log(
          result.applied.length
            ? "Database is now in sync with the schema."
            : "Already in sync: no schema change and no pending migration.",
        );
      } else if (values["create-only"]) {
        console.log(
          `Created ${result.migrationName} without applying it; edit it, then run npm run db:migrate or db:deploy.`,
        );
      } else {
        console.log(`Created and applied ${result.migrationName}.`);
      }
      return 0;
    }
    case "deploy": {
      const started = performance.now();
      const applied = await withDatabase((databaseUrl) => deployMigrations({ databaseUrl, logger }));
      const ms = Math.round(performance.now() - started);
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s) in ${ms} ms.`
          : `No pending migrations to apply (${ms} ms).`,
      );
      return 0;
    }
    case "reset": {
      if (process.env.NODE_ENV === "production" && !values.force) {
        console.error("Refusing to reset with NODE_ENV=production; pass --force if you mean it.");
        return 2;
      }
      const applied = await withDatabase((databaseUrl) => resetDatabase({ databaseUrl, logger }));
      console.log(
        `Database reset.${applied.length ? ` Applied:\n${list(applied)}` : " No migrations to apply."}`,
      );
      return 0;
    }
    case "status": {
      const status = await withDatabase((databaseUrl) => migrationStatus({ databaseUrl, logger }));
      console.log(`${status.local.length} migration(s) found in the migrations folder.`);
      if (status.unapplied.length) console.log(`Not yet applied:\n${list(status.unapplied)}`);
      if (status.unpersisted.length)
        console.log(`Applied to the database but missing from the folder:\n${list(status.unpersisted)}`);
      if (status.failed.length) console.log(`Failed:\n${list(status.failed)}`);
      if (status.edited.length)
        console.log(`Edited after being applied (checksum differs):\n${list(status.edited)}`);
      if (status.upToDate) console.log("Database schema is up to date!");
      return status.upToDate ? 0 : 1;
    }
    case "check": {
      // Without DATABASE_URL no database is needed at all: the engine replays the migrations on an in-process PGlite.
      const result = await checkSchemaHasMigration({
        databaseUrl: process.env.DATABASE_URL || undefined,
        logger,
      });
      if (!result.hasChanges) {
        console.log("Every schema change has a migration.");
        return 0;
      }
      console.error(
        `schema.prisma has changes without a migration:\n${result.summary}\nRun: npm run db:migrate -- --name <describe_the_change>`,
      );
      return 1;
    }
    default:
      console.log(USAGE);
      return values.help ? 0 : 2;
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof Error && !process.env.DEBUG_SCHEMA_ENGINE) {
    // Engine errors carry a wasm backtrace that says nothing to a user; DEBUG_SCHEMA_ENGINE=1 shows it.
    const code = (error as { code?: unknown }).code;
    const known = error instanceof MigrationDriftError || error instanceof UnsafeMigrationError;
    console.error(
      known ? error.message : `${error.name}${typeof code === "string" ? ` ${code}` : ""}: ${error.message}`,
    );
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
