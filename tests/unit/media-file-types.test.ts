import { describe, expect, it } from "vitest";
import { checkFileName, checkFileStart, formatBytes } from "~/modules/media/file-types.ts";
import { defaultVariantWidth, imageSrcSet } from "~/modules/media/image-urls.ts";

describe("checkFileName", () => {
  it.each([
    ["pack.zip", "pack.zip"],
    ["../../../etc/passwd.txt", "passwd.txt"],
    ["C:\\Users\\me\\Desktop\\notes.MD", "notes.md"],
    ["nul.csv", "_nul.csv"],
    ["LPT1.json", "_LPT1.json"],
    ["bell\u0007 and\ttab.txt", "bell and tab.txt"],
    ["a:b*c?.pdf", "a_b_c_.pdf"],
    ["...dots...zip", "dots...zip"],
    ["Über Größe.pdf", "Über Größe.pdf"],
    ["Cafe\u0301.txt", "Café.txt"],
  ])("%j becomes %j", (raw, clean) => {
    expect(checkFileName(raw)).toMatchObject({ ok: true, fileName: clean });
  });

  it("keeps the extension when it shortens a long name", () => {
    const checked = checkFileName(`${"x".repeat(500)}.pdf`);
    expect(checked).toMatchObject({ ok: true, extension: "pdf" });
    if (checked.ok) expect(checked.fileName).toHaveLength(120);
  });

  it.each([
    ["invoice\u202Etxt.exe", /\.exe cannot be uploaded/],
    ["archive.tar.gz", /\.gz cannot be uploaded/],
    ["README", /needs an extension/],
    [".pdf", /needs an extension/],
    ["../", /needs a name/],
    ["", /needs a name/],
  ])("refuses %j", (raw, message) => {
    const checked = checkFileName(raw);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toMatch(message);
  });

  it("decides the content type from the extension", () => {
    expect(checkFileName("a.PNG")).toMatchObject({ contentType: "image/png" });
    expect(checkFileName("a.docx")).toMatchObject({
      contentType: expect.stringContaining("wordprocessingml"),
    });
  });
});

describe("checkFileStart", () => {
  const bytes = (...values: number[]) => new Uint8Array(values);
  const text = (value: string) => new TextEncoder().encode(value);

  it("accepts files whose first bytes carry their format's signature", () => {
    expect(checkFileStart("pdf", text("%PDF-1.7\n"))).toBeNull();
    expect(checkFileStart("zip", bytes(0x50, 0x4b, 0x03, 0x04, 1, 2))).toBeNull();
    expect(checkFileStart("docx", bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull();
    expect(checkFileStart("png", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBeNull();
    expect(checkFileStart("mp4", text("\0\0\0\x18ftypmp42"))).toBeNull();
    expect(checkFileStart("json", text('\uFEFF  {"a": 1}'))).toBeNull();
    expect(checkFileStart("md", text("# Title"))).toBeNull();
  });

  it("says in words when the content does not match the name", () => {
    expect(checkFileStart("pdf", bytes(0x50, 0x4b, 0x03, 0x04))).toMatch(/This file is not a PDF/);
    expect(checkFileStart("txt", bytes(0x41, 0x00, 0x42))).toMatch(/not a text file/);
    expect(checkFileStart("json", text("hello"))).toMatch(/not a JSON file/);
    expect(checkFileStart("exe", text("MZ"))).toMatch(/cannot be uploaded/);
  });
});

describe("sizes and image addresses", () => {
  it("formats sizes as file managers do", () => {
    expect(formatBytes(999)).toBe("999 bytes");
    expect(formatBytes(1_500_000)).toBe("1.5 MB");
    expect(formatBytes(2_000_000_000)).toBe("2 GB");
    expect(formatBytes(10_000_000)).toBe("10 MB");
  });

  it("lists every variant in srcset and picks a default of at most 640 px", () => {
    expect(imageSrcSet({ id: "img1", widths: [320, 640, 1280] })).toBe(
      "/images/img1/320.webp 320w, /images/img1/640.webp 640w, /images/img1/1280.webp 1280w",
    );
    expect(defaultVariantWidth([320, 640, 1280])).toBe(640);
    expect(defaultVariantWidth([200])).toBe(200);
    expect(defaultVariantWidth([1280])).toBe(1280);
  });
});
