// An unexpected console.error is a bug report nobody reads: make it fail the test that caused it.
// A test that expects an error log says so with vi.spyOn(console, "error").mockImplementation(...).
import { afterEach, beforeEach } from "vitest";

const original = console.error;
let unexpected: unknown[][] = [];

beforeEach(() => {
  unexpected = [];
  console.error = (...args: unknown[]) => {
    unexpected.push(args);
    original(...args);
  };
});

afterEach(() => {
  console.error = original;
  if (unexpected.length > 0) {
    const first = unexpected[0]
      ?.map((part) => (part instanceof Error ? part.message : String(part)))
      .join(" ");
    throw new Error(
      `console.error was called ${unexpected.length} time(s) during this test; first: ${first}`,
    );
  }
});
