// What the server reports as an unexpected error: a real failure is logged; Remix's warning about
// the old `?_data=` protocol, which any visitor can trigger, is not.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { handleError } from "~/entry.server.tsx";
import { logger } from "~/utils/logger.server.ts";
import { testEnv } from "../support/test-env.ts";

function args(url: string) {
  return { request: new Request(url), params: {}, context: { requestId: "req_test" } } as Parameters<
    typeof handleError
  >[1];
}

describe("handleError", () => {
  beforeAll(() => {
    Object.assign(process.env, testEnv);
  });
  afterEach(() => vi.restoreAllMocks());

  it("logs a loader's failure as an unexpected error", () => {
    const error = vi.spyOn(logger(), "error").mockImplementation(() => undefined);
    handleError(new Error("database went away"), args("http://localhost/p/some-listing"));
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[1]).toBe("unexpected error");
  });

  it("does not log Remix's warning for a ?_data= request", () => {
    const error = vi.spyOn(logger(), "error").mockImplementation(() => undefined);
    handleError(
      new Error(
        "Warning: Single fetch-enabled apps should not be making ?_data requests, this is likely to break in the future",
      ),
      args("http://localhost/p/some-listing?_data=routes/p.$slug"),
    );
    expect(error).not.toHaveBeenCalled();
  });
});
