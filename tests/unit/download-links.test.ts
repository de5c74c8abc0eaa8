import { beforeAll, describe, expect, it } from "vitest";
import { createDownloadPath, verifyDownloadLink } from "~/modules/delivery/download-links.server.ts";
import { testEnv } from "../support/test-env.ts";

beforeAll(() => {
  Object.assign(process.env, testEnv);
});

const grant = { userId: "user_1", entitlementId: "ent_1", fileId: "file_1" };
const paramsOf = (path: string) => new URL(path, "http://x").searchParams;

describe("signed download links", () => {
  it("accepts a fresh link for the file it was made for", () => {
    const now = Date.UTC(2026, 0, 1);
    const check = verifyDownloadLink("file_1", paramsOf(createDownloadPath(grant, now)), now + 1000);
    expect(check).toEqual({ ok: true, grant });
  });

  it("refuses a link once its lifetime has passed", () => {
    const now = Date.UTC(2026, 0, 1);
    const path = createDownloadPath(grant, now);
    expect(verifyDownloadLink("file_1", paramsOf(path), now + 299_000).ok).toBe(true);
    expect(verifyDownloadLink("file_1", paramsOf(path), now + 301_000)).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuses a link used for another file, user or expiry", () => {
    const path = createDownloadPath(grant);
    expect(verifyDownloadLink("file_2", paramsOf(path))).toEqual({ ok: false, reason: "bad-signature" });
    for (const [name, value] of [
      ["u", "user_2"],
      ["e", "ent_2"],
      ["exp", "99999999999"],
    ] as const) {
      const params = paramsOf(path);
      params.set(name, value);
      expect(verifyDownloadLink("file_1", params)).toEqual({ ok: false, reason: "bad-signature" });
    }
  });

  it("calls an incomplete link malformed", () => {
    expect(verifyDownloadLink("file_1", new URLSearchParams({ u: "x" }))).toEqual({
      ok: false,
      reason: "malformed",
    });
  });
});
