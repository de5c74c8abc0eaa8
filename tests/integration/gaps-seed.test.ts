// The demo seed shows a review with proof: the landing-page listing's first review carries an output
// the reviewer made with the prompt, so a first look at the listing page shows one.
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
    fileStore: createDiskFileStore(mkdtempSync(join(tmpdir(), "stapel-gaps-seed-"))),
    log: () => {},
  });
  expect(result).toEqual({ seeded: true });
});

afterAll(async () => {
  await prisma?.$disconnect();
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
