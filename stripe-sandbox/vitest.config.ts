import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Runs the sandbox's own tests without the project's database global setup:
 *   npx vitest run --config stripe-sandbox/vitest.config.ts
 */
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["tests/integration/stripe-sandbox*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
