import { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  type CatalogSearch,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  PRICE_RANGE_IDS,
  PRICE_RANGES,
  SEARCH_MATCH_CAP,
  type SearchSort,
  type ViewerCurrency,
} from "./search.ts";
import type { Cursor } from "./search-cursor.server.ts";
import type { SearchResult, Viewer } from "./search-types.ts";

/**
 * The SQL the storefront search sends (ADR 28, ADR 32): the page of results and the facet counts,
 * built from the same filters so a facet's count is what clicking it shows. Only ever visible
 * listings and public columns (the paid content lives in other tables).
 */

export const visible = Prisma.sql`l."status" = 'PUBLISHED' AND l."takenDownAt" IS NULL`;

/**
 * The first tier's price in the viewer's currency: `priceEur`/`priceUsd`, kept by triggers from the
 * listing's own price and its first tier's prices (migration search_at_scale), null for none.
 */
function viewerAmount(currency: ViewerCurrency): Prisma.Sql {
  return currency === "USD" ? Prisma.sql`l."priceUsd"` : Prisma.sql`l."priceEur"`;
}

/**
 * Every sort as one integer key, ordered descending with the id ascending as the tie-break, so one
 * keyset cursor `(key, id)` pages every sort, stable even when many listings share a key.
 * Listings without a price in the viewer's currency come last in both price orders.
 * Each key is also an expression index on "ListingSearch" (migration search_sort_indexes), written
 * exactly as here: change one, change the other, or that sort reads every match again.
 */
function sortKey(sort: SearchSort, viewer: Viewer, hasText: boolean): Prisma.Sql {
  switch (sort) {
    case "relevance":
      if (hasText) {
        // A listing in the viewer's language ranks half again as high: equal matches put it first.
        return Prisma.sql`(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', l."searchDocument", q.query)
          * CASE WHEN l."language" = ${viewer.language} THEN 1.5 ELSE 1 END * 1000000)::bigint`;
      }
      return sortKey("newest", viewer, hasText);
    case "newest":
      return Prisma.sql`(extract(epoch FROM coalesce(l."publishedAt", l."createdAt")) * 1000)::bigint`;
    case "best-selling":
      return Prisma.sql`l."salesCount"::bigint`;
    case "rating":
      return Prisma.sql`CASE WHEN l."ratingCount" > 0
        THEN (l."ratingSum"::bigint * 1000 / l."ratingCount") * 10000000 + least(l."ratingCount", 9999999)
        ELSE 0 END`;
    case "price-asc":
      return Prisma.sql`-coalesce(l."viewerAmount", 1000000000000)::bigint`;
    case "price-desc":
      return Prisma.sql`coalesce(l."viewerAmount", -1)::bigint`;
  }
}

type Filters = {
  type: Prisma.Sql;
  model: Prisma.Sql;
  category: Prisma.Sql;
  price: Prisma.Sql;
  rating: Prisma.Sql;
  language: Prisma.Sql;
};

/** Each filter as a condition on the row `l` (TRUE when absent), for results and facets alike. */
function filters(search: CatalogSearch): Filters {
  const range = search.price ? PRICE_RANGES[search.price] : undefined;
  return {
    type: search.type ? Prisma.sql`l."type"::text = ${search.type}` : Prisma.sql`TRUE`,
    model: search.model ? Prisma.sql`${search.model} = ANY(l."aiModels")` : Prisma.sql`TRUE`,
    category: search.category ? Prisma.sql`l."category" = ${search.category}` : Prisma.sql`TRUE`,
    price: range
      ? range[1] === null
        ? Prisma.sql`l."viewerAmount" >= ${range[0]}`
        : Prisma.sql`(l."viewerAmount" >= ${range[0]} AND l."viewerAmount" < ${range[1]})`
      : Prisma.sql`TRUE`,
    rating: search.rating
      ? Prisma.sql`(l."ratingCount" > 0 AND l."ratingSum" >= ${Number(search.rating)} * l."ratingCount")`
      : Prisma.sql`TRUE`,
    language: search.language ? Prisma.sql`l."language" = ${search.language}` : Prisma.sql`TRUE`,
  };
}

/** Columns facets count by (the facet statement reads every match, up to the cap). */
const FACET_COLUMNS = Prisma.sql`l."type", l."aiModels", l."category", l."language", l."ratingCount", l."ratingSum"`;
/** Columns the page filters and sorts by; what it shows comes from `Listing`, for its rows only. */
const PAGE_COLUMNS = Prisma.sql`l."type", l."aiModels", l."category", l."language", l."ratingCount", l."ratingSum",
  l."salesCount", l."publishedAt", l."createdAt", l."searchDocument"`;

/**
 * The visible listings that match the words, each with its price in the viewer's currency: the
 * set that results and facets both filter further. Read from `ListingSearch` (migration
 * search_table: one narrow row per visible listing, kept by a trigger on Listing), so every row is
 * visible and a common word's matches sit on few pages. The tsquery is written out in the WHERE
 * clause (stable functions of parameters), so the planner can match it against the GIN index; the
 * CTE `q` holds the same value for ranking and headlines.
 */
export function candidates(
  query: Prisma.Sql | null,
  viewer: Viewer,
  columns: "page" | "facets" = "page",
): Prisma.Sql {
  return Prisma.sql`
    SELECT l."listingId" AS "id", ${columns === "page" ? PAGE_COLUMNS : FACET_COLUMNS},
      ${viewerAmount(viewer.currency)} AS "viewerAmount"
    FROM "ListingSearch" l, q
    ${query ? Prisma.sql`WHERE l."searchDocument" @@ (${query})` : Prisma.empty}`;
}

export function withQuery(query: Prisma.Sql | null): Prisma.Sql {
  return query
    ? Prisma.sql`WITH q AS (SELECT ${query} AS query)`
    : Prisma.sql`WITH q AS (SELECT NULL::tsquery AS query)`;
}

export type ResultRow = {
  id: string;
  slug: string;
  type: SearchResult["type"];
  title: string;
  tagline: string;
  aiModels: string[];
  category: string;
  language: string;
  priceAmount: number;
  currency: string;
  viewerAmount: number | null;
  ratingCount: number;
  ratingSum: number;
  shopHandle: string;
  shopName: string;
  imageId: string | null;
  imageAlt: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  imageWidths: number[] | null;
  sortKey: bigint;
  titleHighlight: string | null;
  taglineHighlight: string | null;
  excerptHighlight: string | null;
};

const HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}`;

export type PageOptions = {
  search: CatalogSearch;
  viewer: Viewer;
  query: Prisma.Sql | null;
  sort: SearchSort;
  cursor: Cursor | null;
  limit: number;
};

/** One page of results (or the first `limit` rows of a home row). */
export function readPage(options: PageOptions): Promise<ResultRow[]> {
  return prisma.$queryRaw<ResultRow[]>(pageSql(options));
}

export function pageSql(options: PageOptions): Prisma.Sql {
  const { search, viewer, query, sort, cursor, limit } = options;
  const where = filters(search);
  const key = sortKey(sort, viewer, query !== null);
  const before = cursor?.direction === "before";
  const seek = cursor
    ? before
      ? Prisma.sql`AND (m."sortKey" > ${cursor.key}::bigint OR (m."sortKey" = ${cursor.key}::bigint AND m."id" < ${cursor.id}))`
      : Prisma.sql`AND (m."sortKey" < ${cursor.key}::bigint OR (m."sortKey" = ${cursor.key}::bigint AND m."id" > ${cursor.id}))`
    : Prisma.empty;
  const order = before ? Prisma.sql`m."sortKey" ASC, m."id" DESC` : Prisma.sql`m."sortKey" DESC, m."id" ASC`;
  const highlight = query
    ? Prisma.sql`
        ts_headline(listing_search_config(page."language"), page."title", q.query, ${`${HEADLINE}, HighlightAll=true`}) AS "titleHighlight",
        ts_headline(listing_search_config(page."language"), page."tagline", q.query, ${`${HEADLINE}, HighlightAll=true`}) AS "taglineHighlight",
        ts_headline(listing_search_config(page."language"), page."description", q.query,
          ${`${HEADLINE}, MaxFragments=2, MaxWords=18, MinWords=8, FragmentDelimiter=" … "`}
        ) AS "excerptHighlight"`
    : Prisma.sql`NULL AS "titleHighlight", NULL AS "taglineHighlight", NULL AS "excerptHighlight"`;
  // Ranking reads each match's document: rank a bounded set (the key is computed after the LIMIT).
  const bound = query !== null && sort === "relevance" ? Prisma.sql`LIMIT ${SEARCH_MATCH_CAP}` : Prisma.empty;
  return Prisma.sql`
    ${withQuery(query)},
    filtered AS (
      SELECT l.* FROM (${candidates(query, viewer)}) l
      WHERE ${where.type} AND ${where.model} AND ${where.category} AND ${where.price}
        AND ${where.rating} AND ${where.language}
      ${bound}
    ),
    matched AS (
      SELECT l."id", l."type"::text AS "type", l."aiModels", l."category", l."language", l."viewerAmount",
        l."ratingCount", l."ratingSum", ${key} AS "sortKey"
      FROM filtered l, q
    ),
    ranked AS (
      SELECT m.* FROM matched m WHERE TRUE ${seek} ORDER BY ${order} LIMIT ${limit}
    ),
    page AS (
      SELECT ranked.*, li."slug", li."title", li."tagline", li."description", li."priceAmount", li."currency",
        li."shopId", li."coverImageId"
      FROM ranked JOIN "Listing" li ON li."id" = ranked."id"
    )
    SELECT page."id", page."slug", page."type", page."title", page."tagline", page."aiModels",
      page."category", page."language", page."priceAmount", page."currency", page."viewerAmount",
      page."ratingCount", page."ratingSum", page."sortKey",
      s."handle" AS "shopHandle", s."name" AS "shopName",
      i."id" AS "imageId", i."alt" AS "imageAlt", i."width" AS "imageWidth", i."height" AS "imageHeight",
      i."widths" AS "imageWidths",
      ${highlight}
    FROM page
    JOIN "Shop" s ON s."id" = page."shopId"
    LEFT JOIN "Image" i ON i."id" = page."coverImageId"
    CROSS JOIN q
    ORDER BY ${before ? Prisma.sql`page."sortKey" ASC, page."id" DESC` : Prisma.sql`page."sortKey" DESC, page."id" ASC`}`;
}

export function toResult(row: ResultRow, viewer: Viewer): SearchResult {
  return {
    id: row.id,
    slug: row.slug,
    type: row.type,
    title: row.title,
    tagline: row.tagline,
    aiModels: row.aiModels,
    category: row.category,
    language: row.language,
    shop: { handle: row.shopHandle, name: row.shopName },
    coverImage:
      row.imageId && row.imageWidths && row.imageWidths.length > 0
        ? {
            id: row.imageId,
            alt: row.imageAlt ?? "",
            width: row.imageWidth ?? 0,
            height: row.imageHeight ?? 0,
            widths: row.imageWidths,
          }
        : null,
    rating: row.ratingCount > 0 ? { average: row.ratingSum / row.ratingCount, count: row.ratingCount } : null,
    viewerPrice: row.viewerAmount === null ? null : { amount: row.viewerAmount, currency: viewer.currency },
    listedPrice: { amount: row.priceAmount, currency: row.currency },
    highlight:
      row.titleHighlight === null
        ? null
        : {
            title: row.titleHighlight,
            tagline: row.taglineHighlight ?? "",
            // Without a match in it, the description's first words say nothing about the search.
            excerpt: row.excerptHighlight?.includes(HIGHLIGHT_START) ? row.excerptHighlight : "",
          },
  };
}

/**
 * Facet counts, each with every filter but its own applied (so picking a value shows exactly the
/**
 * Best-selling this week: paid order items of the last 7 days per visible listing (refunded and
/**
 * The two statements a search page runs, for EXPLAIN in docs/performance.md and the bench: the

/**
 * Facet counts, each with every filter but its own applied (so picking a value shows exactly the
 * count it had), in one statement over the matched set.
 */
export function facetsSql(search: CatalogSearch, viewer: Viewer, query: Prisma.Sql | null): Prisma.Sql {
  const where = filters(search);
  const all = [where.type, where.model, where.category, where.price, where.rating, where.language];
  const others = (skip: Prisma.Sql) =>
    Prisma.join(
      all.filter((condition) => condition !== skip),
      " AND ",
    );
  const bucket = Prisma.join(
    PRICE_RANGE_IDS.map((id) => {
      const [from, below] = PRICE_RANGES[id];
      return below === null
        ? Prisma.sql`WHEN l."viewerAmount" >= ${from} THEN ${id}`
        : Prisma.sql`WHEN l."viewerAmount" >= ${from} AND l."viewerAmount" < ${below} THEN ${id}`;
    }),
    " ",
  );
  // With words, count the first SEARCH_MATCH_CAP + 1 matches ("sample" says whether there were more)
  // and the total only up to one past the cap; without words the counts are exact (and remembered).
  const bound = query !== null ? Prisma.sql`LIMIT ${SEARCH_MATCH_CAP + 1}` : Prisma.empty;
  const total =
    query !== null
      ? Prisma.sql`SELECT 'total', '', count(*)::int FROM (
          SELECT 1 FROM (${candidates(query, viewer, "facets")}) l WHERE ${Prisma.join(all, " AND ")}
          LIMIT ${SEARCH_MATCH_CAP + 1}) bounded
        UNION ALL
        SELECT 'sample', '', count(*)::int FROM l`
      : Prisma.sql`SELECT 'total', '', count(*)::int FROM l WHERE ${Prisma.join(all, " AND ")}`;
  return Prisma.sql`
    ${withQuery(query)},
    l AS (SELECT * FROM (${candidates(query, viewer, "facets")}) c ${bound})
    SELECT 'type' AS facet, l."type"::text AS value, count(*)::int AS count FROM l
      WHERE ${others(where.type)} GROUP BY 2
    UNION ALL
    SELECT 'model', model, count(*)::int FROM l, unnest(l."aiModels") AS model
      WHERE ${others(where.model)} GROUP BY 2
    UNION ALL
    SELECT 'category', l."category", count(*)::int FROM l WHERE ${others(where.category)} GROUP BY 2
    UNION ALL
    SELECT 'price', CASE ${bucket} END, count(*)::int FROM l
      WHERE ${others(where.price)} AND l."viewerAmount" IS NOT NULL GROUP BY 2
    UNION ALL
    SELECT 'rating', stars::text, count(*)::int FROM l, (VALUES (4), (3), (2), (1)) AS r(stars)
      WHERE ${others(where.rating)} AND l."ratingCount" > 0 AND l."ratingSum" >= stars * l."ratingCount"
      GROUP BY 2
    UNION ALL
    SELECT 'language', l."language", count(*)::int FROM l WHERE ${others(where.language)} GROUP BY 2
    UNION ALL
    ${total}`;
}
