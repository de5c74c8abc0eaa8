import { defineConfig } from "vitest/config";

// Browser journeys against the real server (built app, embedded or real PostgreSQL, Stripe sandbox).
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/support/global-browser.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
