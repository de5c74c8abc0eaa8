import { prisma } from "~/utils/db.server.ts";
import { type CatalogSearch, effectiveSort } from "./search.ts";
import { readFacets } from "./search-facets.server.ts";
import { searchMemo } from "./search-memo.server.ts";
import { candidates, type ResultRow, readPage, toResult, visible } from "./search-statements.server.ts";
import type { SearchResult, Viewer } from "./search-types.ts";
import { prepareText } from "./search-words.server.ts";

/** The home page's rows and the vocabulary the home and landing pages list. */

/** The first listings of a search, without facets or cursors (the home page's rows). */
export function topListings(search: CatalogSearch, viewer: Viewer, limit: number): Promise<SearchResult[]> {
  // Without words a home row reads the whole catalogue's order: remembered like the counts.
  if (search.q) return readTopListings(search, viewer, limit);
  const key = JSON.stringify(["top", viewer, search, limit]);
  return searchMemo.remember(key, HOME_ROWS_MAX_AGE_MS, () => readTopListings(search, viewer, limit));
}

/** Home rows may be this old when no notification emptied them sooner (the week slides on). */
const HOME_ROWS_MAX_AGE_MS = 5 * 60_000;

async function readTopListings(
  search: CatalogSearch,
  viewer: Viewer,
  limit: number,
): Promise<SearchResult[]> {
  const sort = effectiveSort(search);
  const { query } = await prepareText(search.q);
  const rows = await readPage({ search, viewer, query, sort, cursor: null, limit });
  return rows.map((row) => toResult(row, viewer));
}

/**
 * Best-selling this week: paid quantities of the last 7 days per visible listing (refunded and
 * pending orders do not count; kept per day by the database in "ListingDailySales", ADR 32), with
 * all-time sales as the tie-break and to fill a quiet week's row.
 */
export function bestSellingThisWeek(viewer: Viewer, limit: number): Promise<SearchResult[]> {
  const key = JSON.stringify(["best-selling", viewer, limit]);
  return searchMemo.remember(key, HOME_ROWS_MAX_AGE_MS, () => readBestSellingThisWeek(viewer, limit));
}

async function readBestSellingThisWeek(viewer: Viewer, limit: number): Promise<SearchResult[]> {
  // This week's sellers from the kept per-day sales (the last 7 UTC days: today and the 6 before).
  const week = await prisma.$queryRaw<{ id: string }[]>`
    SELECT l."id"
    FROM (
      SELECT d."listingId", sum(d."quantity")::int AS sold
      FROM "ListingDailySales" d
      WHERE d."day" > (now() AT TIME ZONE 'UTC')::date - 7
      GROUP BY d."listingId"
      HAVING sum(d."quantity") > 0
    ) week
    JOIN "Listing" l ON l."id" = week."listingId"
    WHERE ${visible}
    ORDER BY week.sold DESC, l."salesCount" DESC, l."id"
    LIMIT ${limit}`;
  // A quiet week: all-time best-sellers fill the row.
  const ids =
    week.length >= limit
      ? week
      : [
          ...week,
          ...(await prisma.$queryRaw<{ id: string }[]>`
            SELECT l."id" FROM "Listing" l
            WHERE ${visible} AND l."salesCount" > 0 AND NOT (l."id" = ANY(${week.map((row) => row.id)}::text[]))
            ORDER BY l."salesCount" DESC, l."id"
            LIMIT ${limit - week.length}`),
        ];
  if (ids.length === 0) return [];
  const rank = new Map(ids.map((row, index) => [row.id, index]));
  const rows = await prisma.$queryRaw<ResultRow[]>`
    WITH q AS (SELECT NULL::tsquery AS query)
    SELECT l."id", li."slug", l."type"::text AS "type", li."title", li."tagline", l."aiModels", l."category",
      l."language", li."priceAmount", li."currency", l."viewerAmount", l."ratingCount", l."ratingSum",
      0::bigint AS "sortKey", s."handle" AS "shopHandle", s."name" AS "shopName",
      i."id" AS "imageId", i."alt" AS "imageAlt", i."width" AS "imageWidth", i."height" AS "imageHeight",
      i."widths" AS "imageWidths",
      NULL AS "titleHighlight", NULL AS "taglineHighlight", NULL AS "excerptHighlight"
    FROM (${candidates(null, viewer)}) l
    JOIN "Listing" li ON li."id" = l."id"
    JOIN "Shop" s ON s."id" = li."shopId"
    LEFT JOIN "Image" i ON i."id" = li."coverImageId"
    WHERE l."id" = ANY(${ids.map((row) => row.id)}::text[])`;
  return rows
    .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))
    .map((row) => toResult(row, viewer));
}

/** Categories and AI models with their counts of visible listings (home and landing pages). */
export async function catalogVocabulary(viewer: Viewer) {
  const { facets } = await readFacets({}, viewer, null);
  return { categories: facets.category, models: facets.model };
}
