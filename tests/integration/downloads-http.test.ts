// Downloads on disk, header by header (RFC 9110): whole file, single ranges of each form, 416 with
// the size, malformed and multi-range requests answered whole, If-Range by entity tag and by date,
// If-None-Match, HEAD, the two file names of Content-Disposition, and one DownloadLog row per GET.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { entitledBuyer, fetchDownload, sha256 } from "./downloads-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const SIZE = 300_000;

describe("downloads on disk", () => {
  it("sends the whole file with its validators, name and cache policy, and logs it", async () => {
    const { path, bytes, file, entitlement } = await entitledBuyer({ sizeBytes: SIZE });
    const whole = await fetchDownload(path(), { "User-Agent": "curl/8" });
    expect(whole.status).toBe(200);
    expect(whole.body.equals(bytes)).toBe(true);
    expect(whole.headers.get("Accept-Ranges")).toBe("bytes");
    expect(whole.headers.get("Content-Length")).toBe(String(SIZE));
    expect(whole.headers.get("ETag")).toBe(`"${sha256(bytes)}"`);
    expect(whole.headers.get("Last-Modified")).toBe(file.createdAt.toUTCString());
    expect(whole.headers.get("Cache-Control")).toBe("private, no-store");
    expect(whole.headers.get("Content-Range")).toBeNull();
    const logs = await prisma.downloadLog.findMany({ where: { entitlementId: entitlement.id } });
    expect(logs).toMatchObject([{ fileId: file.id, range: null, counted: true, userAgent: "curl/8" }]);
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=100000-", 100_000, SIZE - 1],
    ["bytes=-500", SIZE - 500, SIZE - 1],
    ["bytes=299990-400000", 299_990, SIZE - 1],
    ["bytes=-999999", 0, SIZE - 1],
    [" bytes = 5 - 9 ", 5, 9],
  ])("answers Range %s with 206 and exactly those bytes", async (range, start, end) => {
    const { path, bytes } = await entitledBuyer({ sizeBytes: SIZE });
    const partial = await fetchDownload(path(), { Range: range });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("Content-Range")).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(partial.headers.get("Content-Length")).toBe(String(end - start + 1));
    expect(partial.body.equals(bytes.subarray(start, end + 1))).toBe(true);
  });

  it.each(["bytes=300000-", "bytes=999999-1000000", "bytes=-0"])(
    "answers an unsatisfiable Range %s with 416 and the size, and logs nothing",
    async (range) => {
      const { path, entitlement } = await entitledBuyer({ sizeBytes: SIZE });
      const refused = await fetchDownload(path(), { Range: range });
      expect(refused.status).toBe(416);
      expect(refused.headers.get("Content-Range")).toBe(`bytes */${SIZE}`);
      expect(await prisma.downloadLog.count({ where: { entitlementId: entitlement.id } })).toBe(0);
    },
  );

  it.each([
    "bytes=0-9,20-29",
    "items=0-9",
    "bytes=abc",
    "bytes=9-3",
    "bytes=-",
    "bytes=99999999999999999999-",
  ])("ignores a Range it does not serve (%s) and sends the whole file", async (range) => {
    const { path, bytes } = await entitledBuyer({ sizeBytes: SIZE });
    const whole = await fetchDownload(path(), { Range: range });
    expect(whole.status).toBe(200);
    expect(whole.body.equals(bytes)).toBe(true);
  });

  it("honours If-Range only when the entity tag (strongly) or the date matches", async () => {
    const { path, bytes, file } = await entitledBuyer({ sizeBytes: SIZE });
    const etag = `"${sha256(bytes)}"`;
    const range = { Range: "bytes=100000-" };
    expect((await fetchDownload(path(), { ...range, "If-Range": etag })).status).toBe(206);
    expect((await fetchDownload(path(), { ...range, "If-Range": file.createdAt.toUTCString() })).status).toBe(
      206,
    );
    const changed = await fetchDownload(path(), { ...range, "If-Range": `"${"0".repeat(64)}"` });
    expect(changed.status).toBe(200);
    expect(changed.body.equals(bytes)).toBe(true);
    expect((await fetchDownload(path(), { ...range, "If-Range": `W/${etag}` })).status).toBe(200);
    const earlier = new Date(file.createdAt.getTime() - 60_000).toUTCString();
    expect((await fetchDownload(path(), { ...range, "If-Range": earlier })).status).toBe(200);
    expect((await fetchDownload(path(), { ...range, "If-Range": "yesterday" })).status).toBe(200);
  });

  it("answers If-None-Match with the current tag with 304 and no body, and logs nothing", async () => {
    const { path, bytes, entitlement } = await entitledBuyer({ sizeBytes: SIZE });
    const etag = `"${sha256(bytes)}"`;
    const cached = await fetchDownload(path(), { "If-None-Match": `"other", ${etag}` });
    expect(cached.status).toBe(304);
    expect(cached.body.byteLength).toBe(0);
    expect(cached.headers.get("ETag")).toBe(etag);
    expect((await fetchDownload(path(), { "If-None-Match": '"other"' })).status).toBe(200);
    expect(await prisma.downloadLog.count({ where: { entitlementId: entitlement.id } })).toBe(1);
  });

  it("answers HEAD with the headers a GET would have, without a body or a log row", async () => {
    const { path, entitlement } = await entitledBuyer({ sizeBytes: SIZE });
    const head = await fetchDownload(path(), {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("Content-Length")).toBe(String(SIZE));
    expect(head.headers.get("Accept-Ranges")).toBe("bytes");
    expect(head.body.byteLength).toBe(0);
    const ranged = await fetchDownload(path(), { Range: "bytes=10-19" }, "HEAD");
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("Content-Range")).toBe(`bytes 10-19/${SIZE}`);
    expect(await prisma.downloadLog.count({ where: { entitlementId: entitlement.id } })).toBe(0);
  });

  it("names the file safely in filename and exactly in filename*", async () => {
    const { path } = await entitledBuyer({ sizeBytes: 10, fileName: 'Über "Pläne" ;\r\n/1.zip' });
    const response = await fetchDownload(path());
    const disposition = response.headers.get("Content-Disposition") ?? "";
    const ascii = /filename="([^"]*)"/.exec(disposition)?.[1] ?? "";
    expect(ascii).toMatch(/^[\x20-\x7E]+$/);
    expect(ascii).not.toMatch(/["\\/\r\n]/);
    expect(disposition.startsWith("attachment;")).toBe(true);
    const encoded = /filename\*=UTF-8''([^;\s]+)/.exec(disposition)?.[1] ?? "";
    expect(decodeURIComponent(encoded)).toBe("1.zip");
    const plain = await entitledBuyer({ sizeBytes: 10, fileName: "Prompt-Paket für Ärzte (v2).pdf" });
    const named = (await fetchDownload(plain.path())).headers.get("Content-Disposition") ?? "";
    expect(named).toContain('filename="Prompt-Paket fur Arzte (v2).pdf"');
    expect(decodeURIComponent(/filename\*=UTF-8''(\S+)/.exec(named)?.[1] ?? "")).toBe(
      "Prompt-Paket für Ärzte (v2).pdf",
    );
  });

  it("logs every ranged request with its range; resumes are not counted", async () => {
    const { path, entitlement } = await entitledBuyer({ sizeBytes: SIZE });
    await fetchDownload(path(), { Range: "bytes=0-99999" });
    await fetchDownload(path(), { Range: "bytes=100000-" });
    await fetchDownload(path(), { Range: "bytes=-10" });
    const logs = await prisma.downloadLog.findMany({
      where: { entitlementId: entitlement.id },
      orderBy: { createdAt: "asc" },
      select: { range: true, counted: true },
    });
    expect(logs).toEqual([
      { range: "bytes=0-99999", counted: true },
      { range: "bytes=100000-", counted: false },
      { range: "bytes=-10", counted: false },
    ]);
  });
});
