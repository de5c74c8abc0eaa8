import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Browser journeys against the real server (built app, embedded or real PostgreSQL, Stripe sandbox).
// Each file starts its own server (own data folder; on PostgreSQL its own database) and browser, so
// files run beside each other: two at a time on two cores, where one file alone leaves about a third
// of the machine idle (server start-ups and page waits). STAPEL_E2E_WORKERS=1 runs them one by one.
const workers = Number(process.env.STAPEL_E2E_WORKERS) || Math.max(2, Math.min(4, availableParallelism()));

export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/support/global-browser.ts"],
    pool: "forks",
    maxWorkers: workers,
    fileParallelism: workers > 1,
    testTimeout: 120_000,
    // A server start-up takes about 6 s alone on a quiet core; two at a time on a busy shared machine
    // took over 90 s (a start-up that fails still says why, with the server's output).
    hookTimeout: 240_000,
  },
});
