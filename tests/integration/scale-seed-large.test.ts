// `npm run seed:large` at a small size on the test database: the counts asked for, believable rows,
// and each listing's kept aggregates equal to a recount from orders and reviews.
import { beforeAll, describe, expect, it } from "vitest";
import { searchCatalog } from "~/modules/catalog/search.server.ts";
import { parseCatalogSearch } from "~/modules/catalog/search.ts";
import { prisma } from "~/utils/db.server.ts";
import { EMBEDDED_LIMITS, type LargeSeedResult, seedLarge } from "../../scripts/seed-large.ts";
import { testEnv } from "../support/test-env.ts";

for (const [name, value] of Object.entries(testEnv)) process.env[name] ??= value;

let result: LargeSeedResult;
const databaseUrl = () => process.env.DATABASE_URL as string;

beforeAll(async () => {
  result = await seedLarge(databaseUrl(), { listings: 500, orders: 2000 });
}, 120_000);

describe("seed:large", () => {
  it("makes the listings, orders, shops and buyers asked for", async () => {
    expect(await prisma.listing.count()).toBe(500);
    expect(await prisma.licenseTier.count()).toBe(500);
    expect(await prisma.order.count()).toBe(2000);
    expect(await prisma.orderItem.count()).toBe(2000);
    expect(await prisma.shop.count()).toBe(result.shops);
    expect(result.shops).toBe(10);
    expect(await prisma.user.count({ where: { role: "BUYER" } })).toBe(result.buyers);
    expect(await prisma.review.count()).toBe(result.reviews);
    expect(result.reviews).toBeGreaterThan(100);
  });

  it("makes believable listings: both languages, every type, both currencies, mostly published", async () => {
    const byLanguage = await prisma.listing.groupBy({ by: ["language"], _count: true });
    expect(byLanguage.map((group) => group.language).sort()).toEqual(["de", "en"]);
    const types = await prisma.listing.groupBy({ by: ["type"], _count: true });
    expect(types.map((group) => group.type).sort()).toEqual(["AGENT", "BUNDLE", "PROMPT", "TEMPLATE"]);
    const currencies = await prisma.listing.groupBy({ by: ["currency"], _count: true });
    expect(currencies.map((group) => group.currency).sort()).toEqual(["EUR", "USD"]);
    expect(await prisma.listing.count({ where: { status: "PUBLISHED" } })).toBe(485);
    const german = await prisma.listing.findFirstOrThrow({ where: { language: "de" } });
    expect(german.title).toMatch(/ für /);
    expect(german.currency).toBe("EUR");
    expect(german.tags.length).toBeGreaterThan(0);
    // Priced listings have their price as a tier price in their own currency; free ones have none.
    const priced = await prisma.listing.findMany({
      where: { pricingMode: "FIXED" },
      include: { tiers: { include: { prices: true } } },
      take: 50,
    });
    for (const listing of priced) {
      const own = listing.tiers[0]?.prices.find((price) => price.currency === listing.currency);
      expect(own?.amount, listing.slug).toBe(listing.priceAmount);
    }
    expect(await prisma.bundleItem.count()).toBeGreaterThan(0);
    // The price in each currency (kept by triggers, ADR 32) is filled for every seeded listing:
    // the own price in its own currency, the first tier's price in the other one.
    const wrongPrices = await prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM "Listing" l
      WHERE l."priceEur" IS DISTINCT FROM CASE WHEN l.currency = 'EUR' THEN l."priceAmount" ELSE
              (SELECT p.amount FROM "TierPrice" p JOIN "LicenseTier" t ON t.id = p."tierId"
               WHERE t."listingId" = l.id AND p.currency = 'EUR' ORDER BY t.position LIMIT 1) END
         OR l."priceUsd" IS DISTINCT FROM CASE WHEN l.currency = 'USD' THEN l."priceAmount" ELSE
              (SELECT p.amount FROM "TierPrice" p JOIN "LicenseTier" t ON t.id = p."tierId"
               WHERE t."listingId" = l.id AND p.currency = 'USD' ORDER BY t.position LIMIT 1) END`;
    expect(wrongPrices[0]?.count).toBe(0);
    expect(
      await prisma.listing.count({ where: { priceEur: { not: null }, currency: "USD" } }),
    ).toBeGreaterThan(0);
    // Search's narrow copy (ADR 32) holds every published listing with its sales and ratings.
    const narrow = await prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM "Listing" l JOIN "ListingSearch" s ON s."listingId" = l.id
      WHERE l.status = 'PUBLISHED' AND (s."salesCount", s."ratingCount", s."ratingSum", s."priceEur", s."priceUsd")
        IS NOT DISTINCT FROM (l."salesCount", l."ratingCount", l."ratingSum", l."priceEur", l."priceUsd")`;
    expect(narrow[0]?.count).toBe(485);
    expect(await prisma.listingSearch.count()).toBe(485);
  });

  it("sells only published, priced listings, mostly paid, some refunded with access revoked", async () => {
    const unsellable = await prisma.orderItem.count({
      where: { listing: { OR: [{ status: { not: "PUBLISHED" } }, { pricingMode: "FREE" }] } },
    });
    expect(unsellable).toBe(0);
    const refunded = await prisma.order.count({ where: { status: "REFUNDED" } });
    expect(refunded).toBeGreaterThan(20);
    expect(refunded).toBeLessThan(200);
    expect(await prisma.entitlement.count({ where: { status: "REVOKED" } })).toBe(refunded);
    const mismatched = await prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o.id
      JOIN "Listing" l ON l.id = i."listingId"
      WHERE o."shopId" <> l."shopId" OR o."totalAmount" <> i."unitAmount" OR o.currency <> i.currency`;
    expect(mismatched[0]?.count).toBe(0);
  });

  it("keeps salesCount, ratingCount and ratingSum equal to a recount", async () => {
    const wrong = await prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM "Listing" l
      WHERE l."salesCount" <> (SELECT count(*) FROM "OrderItem" i JOIN "Order" o ON o.id = i."orderId"
                               WHERE i."listingId" = l.id AND o.status IN ('PAID', 'PARTIALLY_REFUNDED'))
         OR l."ratingCount" <> (SELECT count(*) FROM "Review" r WHERE r."listingId" = l.id AND r."hiddenAt" IS NULL)
         OR l."ratingSum" <> (SELECT coalesce(sum(rating), 0) FROM "Review" r WHERE r."listingId" = l.id AND r."hiddenAt" IS NULL)`;
    expect(wrong[0]?.count).toBe(0);
    // The per-day sales (kept by triggers, ADR 32) add up to each listing's sales count.
    const wrongDays = await prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM "Listing" l
      WHERE l."salesCount" <> (SELECT coalesce(sum(d.quantity), 0) FROM "ListingDailySales" d WHERE d."listingId" = l.id)`;
    expect(wrongDays[0]?.count).toBe(0);
    const top = await prisma.listing.findFirstOrThrow({ orderBy: { salesCount: "desc" } });
    expect(top.salesCount).toBeGreaterThan(20);
    // Reviews come from paid buyers of that listing.
    const strangers = await prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM "Review" r JOIN "OrderItem" i ON i.id = r."orderItemId"
      JOIN "Order" o ON o.id = i."orderId"
      WHERE i."listingId" <> r."listingId" OR o."buyerId" <> r."userId" OR o.status <> 'PAID'`;
    expect(strangers[0]?.count).toBe(0);
  });

  it("is found by the storefront's search", async () => {
    const page = await searchCatalog(parseCatalogSearch(new URLSearchParams("q=Vorlage")), {
      currency: "EUR",
      language: "de",
    });
    expect(page.total).toBeGreaterThan(0);
  });

  it("refuses to run twice, and refuses the large seed on the embedded database", async () => {
    await expect(seedLarge(databaseUrl(), { listings: 10, orders: 0 })).rejects.toThrow(/large seed already/);
    if (process.env.TEST_DATABASE_URL) return;
    await expect(
      seedLarge(databaseUrl(), { listings: EMBEDDED_LIMITS.listings + 1, orders: 0 }),
    ).rejects.toThrow(/embedded database \(PGlite\)/);
  });
});
