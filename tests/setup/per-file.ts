// Runs in each test file's own process (pool "forks", isolated) before the file is imported: gives
// the file a database of its own, copied from the run's migrated template (schema, migration history,
// empty tables), and points app code at it. Set before the test file's imports, so modules that read
// DATABASE_URL at load see it.
// Nothing to close: an in-process PGlite ends with the process, and on PostgreSQL the run's global
// teardown drops the file's database once every pool of this process is gone.
import { inject } from "vitest";
import { openTestDatabase } from "./test-database.ts";

const database = await openTestDatabase(inject("testDatabase"));
process.env.DATABASE_URL = database.url;
