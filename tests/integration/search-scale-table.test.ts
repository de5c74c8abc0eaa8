// Search at scale, round 2 (ADR 32): the narrow "ListingSearch" table the database keeps from
// "Listing" (one row per visible listing, with exactly the values search reads), and the bound on
// how many matches of the words a search reads: "1,000+" and facet counts marked approximate.
import { describe, expect, it } from "vitest";
import { searchCatalog } from "~/modules/catalog/search.server.ts";
import { SEARCH_MATCH_CAP } from "~/modules/catalog/search.ts";
import { prisma } from "~/utils/db.server.ts";
import { createSearchListing, createSearchShop, unique } from "./search-fixtures.ts";

/** Listings whose narrow row is missing, extra or differs from the listing (should be none). */
async function mismatches() {
  return prisma.$queryRaw<{ id: string }[]>`
    SELECT coalesce(l."id", s."listingId") AS id
    FROM (SELECT * FROM "Listing" WHERE "status" = 'PUBLISHED' AND "takenDownAt" IS NULL) l
    FULL JOIN "ListingSearch" s ON s."listingId" = l."id"
    WHERE l."id" IS NULL OR s."listingId" IS NULL
      OR (l."searchDocument", l."type", l."aiModels", l."category", l."language", l."priceEur", l."priceUsd",
          l."ratingCount", l."ratingSum", l."salesCount", l."publishedAt", l."createdAt")
         IS DISTINCT FROM
         (s."searchDocument", s."type", s."aiModels", s."category", s."language", s."priceEur", s."priceUsd",
          s."ratingCount", s."ratingSum", s."salesCount", s."publishedAt", s."createdAt")`;
}

const viewer = { currency: "EUR", language: "en" } as const;

describe("the narrow search table", () => {
  it("holds every visible listing as it is, through edits, unpublishing, takedowns and deletion", async () => {
    const shop = await createSearchShop();
    const listing = await createSearchListing(shop.id, {
      title: "Narrow row",
      prices: [{ currency: "EUR", amount: 500 }],
    });
    const draft = await createSearchListing(shop.id, { title: "Narrow draft", status: "DRAFT" });
    expect(await prisma.listingSearch.count({ where: { listingId: { in: [listing.id, draft.id] } } })).toBe(
      1,
    );
    expect(await mismatches()).toEqual([]);

    await prisma.listing.update({
      where: { id: listing.id },
      data: { title: "Narrow cormorant", ratingCount: 2, ratingSum: 9 },
    });
    await prisma.listing.update({
      where: { id: listing.id },
      data: { priceAmount: 700, salesCount: 3, aiModels: ["Claude"] },
    });
    expect(await mismatches()).toEqual([]);
    const found = await searchCatalog({ q: "cormorant" }, viewer);
    expect(found.results.map((result) => [result.id, result.viewerPrice?.amount])).toEqual([
      [listing.id, 700],
    ]);

    await prisma.listing.update({ where: { id: listing.id }, data: { takenDownAt: new Date() } });
    expect(await prisma.listingSearch.count({ where: { listingId: listing.id } })).toBe(0);
    expect((await searchCatalog({ q: "cormorant" }, viewer)).total).toBe(0);
    await prisma.listing.update({ where: { id: listing.id }, data: { takenDownAt: null } });
    await prisma.listing.update({
      where: { id: draft.id },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    expect(await mismatches()).toEqual([]);
    await prisma.listing.update({ where: { id: listing.id }, data: { status: "ARCHIVED" } });
    expect(await prisma.listingSearch.count({ where: { listingId: listing.id } })).toBe(0);
    expect(await mismatches()).toEqual([]);
    await prisma.tierPrice.deleteMany({ where: { tier: { listingId: draft.id } } });
    await prisma.licenseTier.deleteMany({ where: { listingId: draft.id } });
    await prisma.listing.delete({ where: { id: draft.id } });
    expect(await mismatches()).toEqual([]);
  });
});

describe("a word that matches more listings than a search reads", () => {
  it("says 1,000+ and approximate counts, stays exact under the cap, and pages without repeats", async () => {
    const shop = await createSearchShop();
    const word = `pelican${unique().replace(/[0-9]/g, "")}`;
    const many = SEARCH_MATCH_CAP + 20;
    // 20 of them in German: a filter that leaves fewer than the cap counts exactly.
    await prisma.$executeRaw`
      INSERT INTO "Listing" (id, "shopId", slug, type, status, title, tagline, description, "aiModels", category,
        "priceAmount", currency, language, "publishedAt", "updatedAt")
      SELECT ${word} || n, ${shop.id}, ${word} || '-' || n, 'PROMPT', 'PUBLISHED', 'Pelican ' || ${word} || ' ' || n,
        'A prompt', 'Many alike.', ARRAY['ChatGPT'], 'Marketing', 900, 'EUR',
        CASE WHEN n <= 20 THEN 'de' ELSE 'en' END, now(), now()
      FROM generate_series(1, ${many}::int) AS n`;

    const page = await searchCatalog({ q: word }, viewer);
    expect(page.capped).toEqual({ total: true, facets: true });
    expect(page.total).toBe(SEARCH_MATCH_CAP);
    const languages = Object.fromEntries(page.facets.language.map((facet) => [facet.value, facet.count]));
    expect((languages.en ?? 0) + (languages.de ?? 0)).toBe(SEARCH_MATCH_CAP + 1);

    const german = await searchCatalog({ q: word, language: "de" }, viewer);
    expect(german.capped.total).toBe(false);
    expect(german.total).toBe(20);
    expect(german.results).toHaveLength(20);

    // Best match pages through the ranked matches once each, and stops at the cap.
    const seen = new Set<string>();
    let after: string | undefined;
    for (let pages = 0; pages < 100; pages += 1) {
      const next = await searchCatalog({ q: word, after }, viewer);
      for (const result of next.results) seen.add(result.id);
      if (!next.next) break;
      after = next.next;
    }
    expect(seen.size).toBe(SEARCH_MATCH_CAP);

    // Other sorts read every match (only best match is bounded): a full first page.
    const price = await searchCatalog({ q: word, sort: "price-asc" }, viewer);
    expect(price.results).toHaveLength(24);
  });
});
