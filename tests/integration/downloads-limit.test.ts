// The seller's per-purchase download limit: whole downloads and ranges from byte 0 count, resumes do
// not; a used-up file answers 403 with a message (and is still logged nowhere); parallel requests
// never take more downloads than the limit; the library says how many are left.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { libraryFiles } from "~/modules/delivery/library-files.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { entitledBuyer, fetchDownload } from "./downloads-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

describe("download limit", () => {
  it("counts whole downloads and ranges from 0, lets resumes through, and refuses when used up", async () => {
    const { path, entitlement, buyer, sale } = await entitledBuyer({ sizeBytes: 1000, downloadLimit: 2 });
    const left = async () =>
      (await libraryFiles(buyer.id, { id: entitlement.id, listingId: sale.listing.id })).find(
        (file) => file.fileName === "archive.zip",
      )?.downloadsLeft;
    expect(await left()).toBe(2);
    expect((await fetchDownload(path())).status).toBe(200);
    expect((await fetchDownload(path(), { Range: "bytes=0-99" })).status).toBe(206);
    expect(await left()).toBe(0);
    // A resume of the interrupted second download still works.
    expect((await fetchDownload(path(), { Range: "bytes=100-" })).status).toBe(206);
    const refused = await fetchDownload(path());
    expect(refused.status).toBe(403);
    expect(refused.body.toString()).toContain("used all 2 downloads");
    expect((await fetchDownload(path(), { Range: "bytes=0-" })).status).toBe(403);
    expect(await left()).toBe(0);
    const logs = await prisma.downloadLog.findMany({
      where: { entitlementId: entitlement.id },
      orderBy: { createdAt: "asc" },
      select: { range: true, counted: true },
    });
    expect(logs).toEqual([
      { range: null, counted: true },
      { range: "bytes=0-99", counted: true },
      { range: "bytes=100-", counted: false },
    ]);
  });

  it("never lets parallel downloads take more than the limit", async () => {
    const { path, entitlement } = await entitledBuyer({ sizeBytes: 1000, downloadLimit: 3 });
    const answers = await Promise.all(Array.from({ length: 12 }, () => fetchDownload(path())));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 403)).toHaveLength(9);
    expect(await prisma.downloadLog.count({ where: { entitlementId: entitlement.id, counted: true } })).toBe(
      3,
    );
  });

  it("counts per purchase and per file, and not at all without a limit", async () => {
    const limited = await entitledBuyer({ sizeBytes: 100, downloadLimit: 1 });
    expect((await fetchDownload(limited.path())).status).toBe(200);
    expect((await fetchDownload(limited.path())).status).toBe(403);
    // The listing's other file (pack.md from the fixture) has its own count.
    const other = await prisma.listingFile.findFirstOrThrow({
      where: { listingId: limited.sale.listing.id, fileName: "pack.md" },
    });
    const { createDownloadPath } = await import("~/modules/delivery/download-links.server.ts");
    const otherPath = createDownloadPath({ ...limited.grant, fileId: other.id });
    expect((await fetchDownload(otherPath)).status).toBe(200);
    const unlimited = await entitledBuyer({ sizeBytes: 100, downloadLimit: null });
    for (let i = 0; i < 5; i++) expect((await fetchDownload(unlimited.path())).status).toBe(200);
    const files = await libraryFiles(unlimited.buyer.id, {
      id: unlimited.entitlement.id,
      listingId: unlimited.sale.listing.id,
    });
    expect(files.every((file) => file.downloadsLeft === null)).toBe(true);
  });
});
