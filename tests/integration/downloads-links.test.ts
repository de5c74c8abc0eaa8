// Signed download links: a forged signature, an expired link, another user's link, a link moved to
// another file (of the same or another listing) and a link whose entitlement ended are all refused,
// and none of them logs a download. The lifetime is DOWNLOAD_LINK_TTL_SECONDS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDownloadPath } from "~/modules/delivery/download-links.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { entitledBuyer, fetchDownload } from "./downloads-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

describe("signed download links", () => {
  it("refuses forged, expired and foreign links, and logs none of them", async () => {
    const mine = await entitledBuyer({ sizeBytes: 100 });
    const theirs = await entitledBuyer({ sizeBytes: 100 });
    const path = mine.path();
    const ttl = env().DOWNLOAD_LINK_TTL_SECONDS;

    const forged = path.replace(/sig=[^&]+/, "sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect((await fetchDownload(forged)).status).toBe(403);
    // Another user id (or entitlement id) in a link signed for mine.
    expect((await fetchDownload(path.replace(`u=${mine.buyer.id}`, `u=${theirs.buyer.id}`))).status).toBe(
      403,
    );
    expect(
      (await fetchDownload(path.replace(`e=${mine.entitlement.id}`, `e=${theirs.entitlement.id}`))).status,
    ).toBe(403);
    // The same query moved to another file id.
    expect((await fetchDownload(path.replace(mine.file.id, theirs.file.id))).status).toBe(403);
    const expired = createDownloadPath(mine.grant, Date.now() - (ttl + 1) * 1000);
    const expiredAnswer = await fetchDownload(expired);
    expect(expiredAnswer.status).toBe(410);
    expect(expiredAnswer.body.toString()).toContain("expired");
    // Correctly signed, but for a file my purchase does not include, or someone else's entitlement.
    expect((await fetchDownload(createDownloadPath({ ...mine.grant, fileId: theirs.file.id }))).status).toBe(
      404,
    );
    expect(
      (await fetchDownload(createDownloadPath({ ...mine.grant, entitlementId: theirs.entitlement.id })))
        .status,
    ).toBe(404);
    expect((await fetchDownload(path.split("?")[0] ?? "")).status).toBe(400);
    expect(
      await prisma.downloadLog.count({ where: { userId: { in: [mine.buyer.id, theirs.buyer.id] } } }),
    ).toBe(0);
    // The genuine link still works, until the entitlement ends.
    expect((await fetchDownload(path)).status).toBe(200);
    await prisma.entitlement.update({
      where: { id: mine.entitlement.id },
      data: { status: "REVOKED", revokedAt: new Date(), revokeReason: "REFUNDED" },
    });
    expect((await fetchDownload(path)).status).toBe(404);
  });

  it("lives for DOWNLOAD_LINK_TTL_SECONDS", async () => {
    const { grant } = await entitledBuyer({ sizeBytes: 10 });
    const ttl = env().DOWNLOAD_LINK_TTL_SECONDS;
    const issued = Date.now();
    const exp = Number(new URL(createDownloadPath(grant, issued), "http://x").searchParams.get("exp"));
    expect(exp).toBe(Math.floor(issued / 1000) + ttl);
    expect((await fetchDownload(createDownloadPath(grant, Date.now() - (ttl - 5) * 1000))).status).toBe(200);
  });
});
