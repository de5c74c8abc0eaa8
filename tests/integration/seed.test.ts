// The demo shop seed (prisma/seed.ts): what a fresh install shows, and that calling it again on every
// boot, or from two boots at once, never seeds twice.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client.ts";
import { createDiskFileStore } from "~/integrations/storage.server.ts";
import { createPrismaClient } from "~/utils/db.server.ts";
import { seedDemoShop } from "../../prisma/seed.ts";
import { AI_MODELS, CATEGORIES } from "../../prisma/seed-data/index.ts";
import { openTestDatabase } from "../setup/test-database.ts";
import { startTestApp } from "../support/app-env.ts";

const REQUIRED_MODELS = ["ChatGPT", "Claude", "Gemini", "Midjourney"];
const DAY = 24 * 60 * 60 * 1000;

let prisma: PrismaClient;
let storageDir: string;

beforeAll(() => {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set; run through vitest's global setup");
  prisma = createPrismaClient(databaseUrl);
  storageDir = mkdtempSync(join(tmpdir(), "stapel-seed-files-"));
});

afterAll(async () => {
  await prisma?.$disconnect();
});

async function counts(client: PrismaClient) {
  const [users, shops, listings, contents, examples, files, bundleItems, plans, planListings, reviews] =
    await Promise.all([
      client.user.count(),
      client.shop.count(),
      client.listing.count(),
      client.listingContent.count(),
      client.listingExample.count(),
      client.listingFile.count(),
      client.bundleItem.count(),
      client.plan.count(),
      client.planListing.count(),
      client.review.count(),
    ]);
  return { users, shops, listings, contents, examples, files, bundleItems, plans, planListings, reviews };
}

function filesOnDisk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("seedDemoShop", () => {
  // Seeded once for every test here, so each test stands alone and they may run in any order.
  let first: { result: Awaited<ReturnType<typeof seedDemoShop>>; elapsed: number; lines: string[] };
  let seededCounts: Awaited<ReturnType<typeof counts>>;

  beforeAll(async () => {
    const lines: string[] = [];
    const startedAt = performance.now();
    const result = await seedDemoShop(prisma, {
      fileStore: createDiskFileStore(storageDir),
      log: (line) => lines.push(line),
    });
    first = { result, elapsed: performance.now() - startedAt, lines };
    seededCounts = await counts(prisma);
  });

  it("seeds an empty database with the demo catalog", async () => {
    console.info(`seedDemoShop took ${Math.round(first.elapsed)} ms: ${first.lines.join(" | ")}`);
    expect(first.result).toEqual({ seeded: true });
    expect(first.elapsed).toBeLessThan(10_000);
    expect(seededCounts.shops).toBeGreaterThanOrEqual(3);
  });

  it("publishes at least 30 listings covering every type, the main models and both currencies", async () => {
    const published = await prisma.listing.findMany({
      where: { status: "PUBLISHED" },
      include: { content: true, examples: true, shop: true },
    });
    expect(published.length).toBeGreaterThanOrEqual(30);

    const types = new Set(published.map((listing) => listing.type));
    expect([...types].sort()).toEqual(["AGENT", "BUNDLE", "PROMPT", "TEMPLATE"]);
    expect(published.filter((listing) => listing.type === "BUNDLE").length).toBeGreaterThanOrEqual(2);

    const models = new Set(published.flatMap((listing) => listing.aiModels));
    for (const model of REQUIRED_MODELS) expect(models).toContain(model);
    for (const model of models) expect(AI_MODELS as readonly string[]).toContain(model);

    expect(new Set(published.map((listing) => listing.currency))).toEqual(new Set(["EUR", "USD"]));

    const now = Date.now();
    for (const listing of published) {
      expect(CATEGORIES as readonly string[], listing.slug).toContain(listing.category);
      expect(Number.isInteger(listing.priceAmount), listing.slug).toBe(true);
      expect(listing.priceAmount, listing.slug).toBeGreaterThan(0);
      expect(listing.currency, listing.slug).toBe(listing.shop.defaultCurrency);
      expect(listing.publishedAt, listing.slug).not.toBeNull();
      const age = now - (listing.publishedAt as Date).getTime();
      expect(age, listing.slug).toBeGreaterThan(0);
      expect(age, listing.slug).toBeLessThan(90 * DAY);
      expect(listing.description.split("\n\n").length, listing.slug).toBeGreaterThanOrEqual(2);
      expect(listing.teaser.length, listing.slug).toBeGreaterThan(20);
      // Every published listing has its paid payload and at least two examples.
      expect(listing.content?.body.length ?? 0, listing.slug).toBeGreaterThan(200);
      expect(listing.content?.body, listing.slug).not.toContain(listing.teaser);
      expect(listing.examples.length, listing.slug).toBeGreaterThanOrEqual(2);
      expect(listing.examples.map((example) => example.position).sort()).toEqual(
        listing.examples.map((_, index) => index),
      );
    }

    // Publish dates are spread out, not all at the same moment.
    const days = new Set(
      published.map((listing) => Math.floor((now - (listing.publishedAt as Date).getTime()) / DAY)),
    );
    expect(days.size).toBeGreaterThan(20);
  });

  it("prices a listing in euros and dollars with two licence tiers, so the currency switcher shows", async () => {
    const listing = await prisma.listing.findUniqueOrThrow({
      where: { slug: "isometric-3d-icon-set" },
      select: {
        priceEur: true,
        priceUsd: true,
        tiers: {
          orderBy: { position: "asc" },
          select: { name: true, activationLimit: true, prices: { orderBy: { currency: "asc" } } },
        },
      },
    });
    // The kept per-currency prices (what search sorts and filters by) follow the first tier.
    expect({ eur: listing.priceEur, usd: listing.priceUsd }).toEqual({ eur: 800, usd: 900 });
    expect(
      listing.tiers.map((tier) => [tier.name, tier.activationLimit, tier.prices.map((p) => p.amount)]),
    ).toEqual([
      ["Personal", 2, [800, 900]],
      ["Commercial", 5, [2400, 2600]],
    ]);
  });

  it("keeps a few drafts out of the public catalog", async () => {
    const drafts = await prisma.listing.findMany({ where: { status: "DRAFT" }, include: { content: true } });
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    for (const draft of drafts) expect(draft.publishedAt).toBeNull();
  });

  it("builds bundles from published listings of the same shop", async () => {
    const bundles = await prisma.listing.findMany({
      where: { type: "BUNDLE" },
      include: { bundleItems: { include: { listing: true } } },
    });
    for (const bundle of bundles) {
      expect(bundle.bundleItems.length, bundle.slug).toBeGreaterThanOrEqual(2);
      let separatePrice = 0;
      for (const { listing } of bundle.bundleItems) {
        expect(listing.shopId).toBe(bundle.shopId);
        expect(listing.type).not.toBe("BUNDLE");
        expect(listing.status).toBe("PUBLISHED");
        expect(listing.currency).toBe(bundle.currency);
        separatePrice += listing.priceAmount;
      }
      expect(bundle.priceAmount, bundle.slug).toBeLessThan(separatePrice);
    }
  });

  it("creates the demo accounts and no purchases or subscriptions", async () => {
    const buyer = await prisma.user.findUniqueOrThrow({ where: { email: "buyer@stapel.test" } });
    expect(buyer).toMatchObject({ role: "BUYER", name: "Demo Buyer" });
    const seller = await prisma.user.findUniqueOrThrow({
      where: { email: "seller@stapel.test" },
      include: { shop: true },
    });
    expect(seller.role).toBe("SELLER");
    expect(seller.shop).not.toBeNull();
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@stapel.test" } });
    expect(admin.role).toBe("ADMIN");

    const shops = await prisma.shop.findMany({ include: { owner: true } });
    for (const shop of shops) expect(shop.owner.role).toBe("SELLER");
    expect(new Set(shops.map((shop) => shop.defaultCurrency))).toEqual(new Set(["EUR", "USD"]));

    // The seed writes no purchases and no subscriptions: the demo buyer's subscription is made
    // through Stripe Checkout by the launcher afterwards (prisma/demo-subscription.ts, tested in
    // plans-demo-subscription.test.ts), so Stripe and the database agree on it.
    expect(await prisma.order.count()).toBe(0);
    expect(await prisma.entitlement.count()).toBe(0);
    expect(await prisma.subscription.count()).toBe(0);
    expect(await prisma.licenseKey.count()).toBe(0);
    expect(await prisma.review.count({ where: { user: { email: { endsWith: "@stapel.test" } } } })).toBe(0);
  });

  it("seeds a plan per shop, monthly and yearly, without Stripe ids, and reviews with whole-star ratings", async () => {
    const plans = await prisma.plan.findMany({
      include: { prices: true, listings: { include: { listing: true } }, shop: true },
      orderBy: { createdAt: "asc" },
    });
    expect(plans.length).toBe(await prisma.shop.count());
    expect(new Set(plans.map((plan) => plan.shopId)).size).toBe(plans.length);
    for (const plan of plans) {
      expect(plan).toMatchObject({ archivedAt: null, stripeProductId: null });
      expect(plan.description.length, plan.name).toBeGreaterThan(40);
      const intervals = new Set(plan.prices.map((price) => price.interval));
      expect([...intervals].sort(), plan.name).toEqual(["MONTH", "YEAR"]);
      const slots = plan.prices.map((price) => `${price.interval}/${price.currency}`);
      expect(new Set(slots).size, plan.name).toBe(slots.length);
      for (const price of plan.prices) {
        expect(price).toMatchObject({ stripePriceId: null, archivedAt: null });
        expect(Number.isInteger(price.amount)).toBe(true);
        expect(price.amount).toBeGreaterThanOrEqual(50);
        expect(["EUR", "USD"]).toContain(price.currency);
      }
      // The shop's own currency is always offered.
      expect(plan.prices.map((price) => price.currency)).toContain(plan.shop.defaultCurrency);
      if (!plan.includesAllListings) {
        expect(plan.listings.length + plan.includedCategories.length).toBeGreaterThan(0);
        for (const { listing } of plan.listings) {
          expect(listing.shopId).toBe(plan.shopId);
          expect(listing.status).toBe("PUBLISHED");
        }
      }
    }
    // Between them: everything in a shop, chosen listings, a whole category, a trial, both currencies.
    expect(plans.some((plan) => plan.includesAllListings)).toBe(true);
    expect(plans.some((plan) => !plan.includesAllListings && plan.listings.length > 0)).toBe(true);
    expect(plans.some((plan) => plan.includedCategories.length > 0)).toBe(true);
    expect(plans.some((plan) => plan.trialDays > 0)).toBe(true);
    expect(new Set(plans.flatMap((plan) => plan.prices.map((price) => price.currency)))).toEqual(
      new Set(["EUR", "USD"]),
    );
    // The demo seller's dashboard has a plan to show.
    const demoShop = await prisma.shop.findFirstOrThrow({
      where: { owner: { email: "seller@stapel.test" } },
    });
    expect(plans.some((plan) => plan.shopId === demoShop.id)).toBe(true);

    const reviews = await prisma.review.findMany({ include: { listing: true } });
    expect(reviews.length).toBeGreaterThan(0);
    for (const review of reviews) {
      expect([1, 2, 3, 4, 5]).toContain(review.rating);
      expect(review.listing.status).toBe("PUBLISHED");
      expect(review.createdAt.getTime()).toBeGreaterThanOrEqual(
        (review.listing.publishedAt as Date).getTime(),
      );
    }
  });

  it("stores listing files whose recorded size and sha256 match the stored bytes", async () => {
    const files = await prisma.listingFile.findMany();
    const listings = await prisma.listing.count();
    const withFiles = new Set(files.map((file) => file.listingId));
    expect(withFiles.size).toBeGreaterThanOrEqual(Math.floor(listings / 4));
    for (const file of files) {
      expect(["text/markdown", "text/csv", "application/json", "text/yaml", "text/plain"]).toContain(
        file.contentType,
      );
    }

    for (const file of files) {
      expect(file.storageKey).toBe(`listings/${file.listingId}/${file.fileName}`);
      const bytes = readFileSync(join(storageDir, file.storageKey));
      expect(bytes.byteLength, file.fileName).toBe(file.sizeBytes);
      expect(createHash("sha256").update(bytes).digest("hex"), file.fileName).toBe(file.sha256);
      expect(bytes.byteLength, file.fileName).toBeLessThan(16 * 1024);
    }
    const kinds = new Set(files.map((file) => file.fileName.split(".").pop()));
    for (const kind of ["md", "csv", "json"]) expect(kinds).toContain(kind);
    expect(filesOnDisk(storageDir)).toHaveLength(files.length);

    // The end-to-end purchase journey buys this listing and downloads this file.
    const swipeFile = files.find((file) => file.fileName === "landing-page-swipe-file.md");
    expect(swipeFile).toBeDefined();
    expect(readFileSync(join(storageDir, swipeFile?.storageKey ?? ""), "utf8")).toContain(
      "Landing Page Copy Architect",
    );
  });

  it("gets the seeded plans' Stripe Products and Prices from the start-up sync, once", async () => {
    const app = await startTestApp();
    try {
      const { stripe } = await import("~/integrations/stripe.server.ts");
      const { syncPlansMissingFromStripe } = await import("~/modules/plans/stripe-sync.server.ts");
      const lines: string[] = [];
      expect(await syncPlansMissingFromStripe((line) => lines.push(line))).toEqual({
        synced: seededCounts.plans,
        failed: 0,
      });
      expect(lines).toEqual([
        `Stripe products and prices created for ${seededCounts.plans} of ${seededCounts.plans} plans`,
      ]);
      const plans = await prisma.plan.findMany({ include: { prices: true } });
      for (const plan of plans) {
        const product = await stripe().products.retrieve(plan.stripeProductId as string);
        expect(product).toMatchObject({ name: plan.name, active: true });
        for (const row of plan.prices) {
          const price = await stripe().prices.retrieve(row.stripePriceId as string);
          expect(price).toMatchObject({
            product: product.id,
            active: true,
            unit_amount: row.amount,
            currency: row.currency.toLowerCase(),
            recurring: expect.objectContaining({ interval: row.interval === "MONTH" ? "month" : "year" }),
          });
        }
      }
      // A restart finds nothing missing and creates nothing.
      const before = (await stripe().prices.list({ limit: 100 })).data.length;
      expect(await syncPlansMissingFromStripe()).toEqual({ synced: 0, failed: 0 });
      expect((await stripe().prices.list({ limit: 100 })).data.length).toBe(before);
      // A row that lost its Stripe id (say, a crash before it was recorded) finds its Price again
      // by lookup key instead of creating a second one.
      const price = plans[0]?.prices[0];
      await prisma.planPrice.update({ where: { id: price?.id }, data: { stripePriceId: null } });
      expect(await syncPlansMissingFromStripe()).toEqual({ synced: 1, failed: 0 });
      expect((await prisma.planPrice.findUniqueOrThrow({ where: { id: price?.id } })).stripePriceId).toBe(
        price?.stripePriceId,
      );
      expect((await stripe().prices.list({ limit: 100 })).data.length).toBe(before);
    } finally {
      // Back to the seed's own state, whatever order the tests run in.
      await prisma.planPrice.updateMany({ data: { stripePriceId: null } });
      await prisma.plan.updateMany({ data: { stripeProductId: null } });
      await app.stop();
    }
  });

  it("does nothing when called again", async () => {
    const lines: string[] = [];
    const result = await seedDemoShop(prisma, {
      fileStore: createDiskFileStore(storageDir),
      log: (line) => lines.push(line),
    });
    expect(result).toEqual({ seeded: false });
    expect(await counts(prisma)).toEqual(seededCounts);
    expect(filesOnDisk(storageDir)).toHaveLength(seededCounts.files);
    expect(lines.join("\n")).toMatch(/skipped/);
  });

  it("seeds exactly once when two boots race on an empty database", async () => {
    // A second empty database, made like this file's own (tests/setup/test-database.ts).
    const empty = await openTestDatabase(inject("testDatabase"));
    const raceDir = mkdtempSync(join(tmpdir(), "stapel-seed-race-"));
    const one = createPrismaClient(empty.url);
    const other = createPrismaClient(empty.url);
    try {
      const lines: string[] = [];
      const log = (line: string) => lines.push(line);
      const results = await Promise.all([
        seedDemoShop(one, { fileStore: createDiskFileStore(raceDir), log }),
        seedDemoShop(other, { fileStore: createDiskFileStore(raceDir), log }),
      ]);
      console.info(`race: ${lines.join(" | ")}`);
      expect(results.filter((result) => result.seeded)).toHaveLength(1);
      expect(lines.filter((line) => line.startsWith("Demo seed skipped"))).toHaveLength(1);
      expect(await counts(one)).toEqual(seededCounts);
      // The loser removed the files it had stored before its transaction failed.
      expect(filesOnDisk(raceDir)).toHaveLength(seededCounts.files);
    } finally {
      await one.$disconnect();
      await other.$disconnect();
      await empty.close();
    }
  });
});
