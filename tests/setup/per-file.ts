// Runs before each test file is imported: points app code at the test database and empties it,
// so every file starts from migrated, empty tables.
import { inject } from "vitest";
import { truncateAllTables } from "./truncate.ts";

// Set before the test file's own imports run, so modules that read DATABASE_URL at load see it.
process.env.DATABASE_URL = inject("databaseUrl");

await truncateAllTables();
