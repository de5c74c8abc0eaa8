// The range and conditional rules of downloads, as pure functions (RFC 9110 §13, §14; RFC 6266).
import { describe, expect, it } from "vitest";
import { contentDisposition, decideRange, notModified } from "~/modules/delivery/download-ranges.ts";

const file = {
  etag: `"${"a".repeat(64)}"`,
  lastModified: new Date("2026-03-01T10:00:00.500Z"),
  sizeBytes: 1000,
};

describe("decideRange", () => {
  it.each([
    ["bytes=0-0", { kind: "partial", start: 0, end: 0 }],
    ["bytes=0-999", { kind: "partial", start: 0, end: 999 }],
    ["bytes=0-5000", { kind: "partial", start: 0, end: 999 }],
    ["bytes=999-", { kind: "partial", start: 999, end: 999 }],
    ["bytes=-1", { kind: "partial", start: 999, end: 999 }],
    ["bytes=-1000", { kind: "partial", start: 0, end: 999 }],
    ["BYTES=1-2", { kind: "partial", start: 1, end: 2 }],
    ["bytes=1000-", { kind: "unsatisfiable" }],
    ["bytes=1000-1001", { kind: "unsatisfiable" }],
    ["bytes=-0", { kind: "unsatisfiable" }],
    ["bytes=5-4", { kind: "whole" }],
    ["bytes=0-1,3-4", { kind: "whole" }],
    ["bytes=", { kind: "whole" }],
    ["bytes=a-", { kind: "whole" }],
    ["bits=0-1", { kind: "whole" }],
    [`bytes=${"1".repeat(16)}-`, { kind: "whole" }],
  ])("%s on 1000 bytes", (range, expected) => {
    expect(decideRange(range, null, file)).toEqual(expected);
  });

  it("is whole without a Range, and for an empty file any range is unsatisfiable", () => {
    expect(decideRange(null, null, file)).toEqual({ kind: "whole" });
    expect(decideRange("bytes=0-", null, { ...file, sizeBytes: 0 })).toEqual({ kind: "unsatisfiable" });
    expect(decideRange("bytes=-5", null, { ...file, sizeBytes: 0 })).toEqual({ kind: "unsatisfiable" });
  });

  it("honours If-Range only for the same strong tag or the same second", () => {
    const partial = { kind: "partial", start: 10, end: 999 };
    expect(decideRange("bytes=10-", file.etag, file)).toEqual(partial);
    expect(decideRange("bytes=10-", `W/${file.etag}`, file)).toEqual({ kind: "whole" });
    expect(decideRange("bytes=10-", '"other"', file)).toEqual({ kind: "whole" });
    expect(decideRange("bytes=10-", file.lastModified.toUTCString(), file)).toEqual(partial);
    expect(decideRange("bytes=10-", new Date("2026-03-01T10:00:01Z").toUTCString(), file)).toEqual({
      kind: "whole",
    });
    expect(decideRange("bytes=10-", "not a date", file)).toEqual({ kind: "whole" });
  });
});

describe("notModified", () => {
  it("matches the tag in a list, weakly, or *", () => {
    expect(notModified(file.etag, file.etag)).toBe(true);
    expect(notModified(`"x", W/${file.etag}`, file.etag)).toBe(true);
    expect(notModified("*", file.etag)).toBe(true);
    expect(notModified('"x"', file.etag)).toBe(false);
    expect(notModified(null, file.etag)).toBe(false);
  });
});

describe("contentDisposition", () => {
  const names = (value: string) => ({
    ascii: /filename="([^"]*)"/.exec(value)?.[1],
    utf8: decodeURIComponent(/filename\*=UTF-8''(\S+)/.exec(value)?.[1] ?? ""),
  });
  it.each([
    ["pack.zip", "pack.zip", "pack.zip"],
    ["Prüfung (v2).pdf", "Prufung (v2).pdf", "Prüfung (v2).pdf"],
    ['a"b;d%e.txt', "a_b_d_e.txt", 'a"b;d%e.txt'],
    ["C:\\Users\\me\\pack.zip", "pack.zip", "pack.zip"],
    ["../../etc/passwd", "passwd", "passwd"],
    ["line\r\nbreak.md", "line__break.md", "line\r\nbreak.md"],
    ["日本語.txt", "___.txt", "日本語.txt"],
    ["", "download", "download"],
  ])("names %j safely", (fileName, ascii, utf8) => {
    const value = contentDisposition(fileName);
    expect(value.startsWith("attachment; ")).toBe(true);
    expect(names(value)).toEqual({ ascii, utf8 });
    expect(value).toMatch(/^[\x20-\x7E]+$/);
  });
});
