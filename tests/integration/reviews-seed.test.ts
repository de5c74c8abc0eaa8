// The demo seed's reviews count: every listing's kept rating equals a recount of its visible
// reviews, two seeded reviews carry the seller's reply, one shows a proof (an output made with the
// prompt), and the admin queue starts with one report.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client.ts";
import { createDiskFileStore } from "~/integrations/storage.server.ts";
import { createPrismaClient } from "~/utils/db.server.ts";
import { seedDemoShop } from "../../prisma/seed.ts";

let prisma: PrismaClient;

beforeAll(async () => {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set; run through vitest's global setup");
  prisma = createPrismaClient(databaseUrl);
  const result = await seedDemoShop(prisma, {
    fileStore: createDiskFileStore(mkdtempSync(join(tmpdir(), "stapel-reviews-seed-"))),
    log: () => {},
  });
  expect(result).toEqual({ seeded: true });
});

afterAll(async () => {
  await prisma?.$disconnect();
});

it("keeps every seeded listing's rating equal to a recount", async () => {
  const listings = await prisma.listing.findMany({
    select: { id: true, slug: true, ratingCount: true, ratingSum: true },
  });
  const recount = await prisma.review.groupBy({
    by: ["listingId"],
    where: { hiddenAt: null },
    _count: { _all: true },
    _sum: { rating: true },
  });
  const byListing = new Map(recount.map((row) => [row.listingId, row]));
  expect(recount.length).toBeGreaterThan(5);
  for (const listing of listings) {
    const row = byListing.get(listing.id);
    expect({ count: listing.ratingCount, sum: listing.ratingSum }, listing.slug).toEqual({
      count: row?._count._all ?? 0,
      sum: row?._sum.rating ?? 0,
    });
  }
});

it("seeds two seller replies and one open listing report", async () => {
  expect(
    await prisma.review.count({ where: { sellerReply: { not: null }, sellerRepliedAt: { not: null } } }),
  ).toBe(2);
  const reports = await prisma.listingReport.findMany({
    where: { status: "OPEN" },
    include: { listing: true },
  });
  expect(reports).toHaveLength(1);
  expect(reports[0]?.listing).toMatchObject({ status: "PUBLISHED", takenDownAt: null });
});

it("seeds a visible review with a text proof", async () => {
  const proofs = await prisma.review.findMany({
    where: { proofText: { not: null }, hiddenAt: null },
    select: { proofText: true, listing: { select: { slug: true } } },
  });
  expect(proofs).toEqual([
    {
      proofText: expect.stringContaining("Q: Do I need to migrate"),
      listing: { slug: "landing-page-copy-architect" },
    },
  ]);
});
