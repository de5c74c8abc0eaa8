import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import LongestFirst from "./tests/setup/sequencer.ts";

// Test files run in parallel, each in its own process (pool "forks", isolated) and, where it needs
// one, with its own database copied from a template migrated once per run (tests/setup/).
// Projects: `unit` (no database), `integration` (tests/integration and tests beside the app code),
// `security` (tests/security, against the built app). Browser tests: tests/e2e/vitest.config.ts.
const databaseProject = {
  globalSetup: ["tests/setup/global-database.ts"],
  setupFiles: ["tests/setup/per-file.ts", "tests/setup/console-guard.ts"],
};

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    pool: "forks",
    isolate: true,
    // Files wait on sockets and child processes much of the time: more workers than cores pays off.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // The security suite's longest files (the corpus shards, the access matrix) start first.
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          setupFiles: ["tests/setup/console-guard.ts"],
          // Unit tests have no database; the app's env check still wants a URL. Port 9 refuses.
          env: { DATABASE_URL: "postgresql://127.0.0.1:9/unit-tests-have-no-database" },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", "app/**/*.test.ts", "app/**/*.test.tsx"],
          ...databaseProject,
        },
      },
      {
        extends: true,
        test: {
          name: "security",
          include: ["tests/security/**/*.test.ts"],
          ...databaseProject,
          // Some files send a corpus of over a thousand requests through the real HTTP server.
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
