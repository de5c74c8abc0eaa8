import { Prisma } from "~/generated/prisma/client.ts";
import { resolveViewer } from "~/modules/i18n/viewer.server.ts";
import type { PublicImage } from "~/modules/media/image-urls.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  type CatalogSearch,
  effectiveSort,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  LISTING_TYPES,
  type ListingLanguage,
  PRICE_RANGE_IDS,
  PRICE_RANGES,
  type PriceRange,
  SEARCH_PAGE_SIZE,
  type SearchSort,
  type ViewerCurrency,
} from "./search.ts";

/**
 * The storefront search (ADR 28). PostgreSQL full-text search over each listing's
 * `searchDocument` (kept by a trigger: title A; tagline, tags, AI models, category B; description C;
 * stemmed in the listing's language), with every query word matched in English OR German, so
 * "emails" finds "email" and "Vorlagen" finds "Vorlage" whatever language the buyer types in. A word
 * that matches nothing is corrected against the vocabulary of titles and tags through pg_trgm
 * ("lgo" → "logo"). One query reads a page, one counts the facets; both only ever see published
 * listings that were not taken down, and only public columns.
 */

export type Viewer = { currency: ViewerCurrency; language: ListingLanguage };

/**
 * `?currency=` and `?lang=` first, then the switchers' cookies, then the browser's languages
 * (de → EUR, en-US → USD, else EUR): one rule for every page (`app/modules/i18n/viewer.server.ts`).
 */
export function viewerFrom(request: Request, search: Pick<CatalogSearch, "currency" | "lang">): Viewer {
  const { language, currency } = resolveViewer(request, search);
  return { currency, language };
}

export type SearchResult = {
  id: string;
  slug: string;
  type: (typeof LISTING_TYPES)[number];
  title: string;
  tagline: string;
  aiModels: string[];
  category: string;
  language: string;
  shop: { handle: string; name: string };
  coverImage: PublicImage | null;
  rating: { average: number; count: number } | null;
  /** The first tier's price in the viewer's currency, or null when the seller set none. */
  viewerPrice: { amount: number; currency: string } | null;
  /** The listing's own price (its first tier's, in the currency the seller chose). */
  listedPrice: { amount: number; currency: string };
  /** Title, tagline and a description excerpt with matches between HIGHLIGHT_START/END markers. */
  highlight: { title: string; tagline: string; excerpt: string } | null;
};

export type FacetCount = { value: string; count: number };
export type SearchFacets = {
  type: FacetCount[];
  model: FacetCount[];
  category: FacetCount[];
  price: FacetCount[];
  rating: FacetCount[];
  language: FacetCount[];
};

export type SearchPage = {
  results: SearchResult[];
  total: number;
  facets: SearchFacets;
  sort: SearchSort;
  /** Cursors for the next and previous pages; null at either end. */
  next: string | null;
  previous: string | null;
  /** Query words that matched nothing, and what they were read as instead. */
  corrections: { word: string; suggestions: string[] }[];
};

const MAX_WORDS = 6;
/** pg_trgm similarity at which a word counts as a typo of a known one ("lgo" ~ "logo" is 0.29). */
const TYPO_SIMILARITY = 0.25;

/** The words of a query, lower case, as typed (PostgreSQL stems them per language). */
export function queryWords(q: string | undefined): string[] {
  if (!q) return [];
  const words = q
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((word) => word.length > 0 && word.length <= 40);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

const visible = Prisma.sql`l."status" = 'PUBLISHED' AND l."takenDownAt" IS NULL`;

function wordQuery(word: string): Prisma.Sql {
  return Prisma.sql`(plainto_tsquery('english', ${word}) || plainto_tsquery('german', ${word}))`;
}

/**
 * Words that no visible listing contains (in either language), each with up to two known words
 * that look like it. Runs only when the search has words; one statement, the trigram index on
 * "SearchWord" finds the candidates.
 */
async function correctWords(words: string[]): Promise<{ word: string; suggestions: string[] }[]> {
  if (words.length === 0) return [];
  // The threshold is set for this one statement (set_config local to its own transaction) in a
  // lateral join, so it applies before the trigram index is scanned; an interactive transaction
  // would wait for a pooled connection and time out under load.
  const rows = await prisma.$queryRaw<{ word: string; suggestions: string[] | null }[]>`
    SELECT t.word, (
      SELECT array_agg(s.word ORDER BY s.score DESC, s.word)
      FROM (
        SELECT w."word", similarity(w."word", t.word) AS score
        FROM "SearchWord" w
        WHERE threshold.applied IS NOT NULL AND w."word" % t.word AND w."word" <> t.word
        ORDER BY score DESC, w."word"
        LIMIT 2
      ) s
    ) AS suggestions
    FROM (SELECT set_config('pg_trgm.similarity_threshold', ${String(TYPO_SIMILARITY)}, true) AS applied) threshold
    CROSS JOIN LATERAL unnest(${words}::text[]) AS t(word)
    WHERE length(t.word) >= 3
      AND numnode(plainto_tsquery('english', t.word)) > 0
      AND numnode(plainto_tsquery('german', t.word)) > 0
      AND NOT EXISTS (
        SELECT 1 FROM "Listing" l
        WHERE ${visible}
          AND l."searchDocument" @@ (plainto_tsquery('english', t.word) || plainto_tsquery('german', t.word))
      )`;
  return rows.map((row) => ({ word: row.word, suggestions: row.suggestions ?? [] }));
}

/**
 * The tsquery for the words: every word must match (in English or German, or as one of its
 * corrections). Stop words of either language are left out, since the other language's index of
 * an English "the" or a German "die" holds nothing to match.
 */
function textQuery(words: string[], corrections: Map<string, string[]>): Prisma.Sql | null {
  if (words.length === 0) return null;
  const parts = words.map((word) => {
    const alternatives = [wordQuery(word), ...(corrections.get(word) ?? []).map(wordQuery)];
    return Prisma.sql`(CASE WHEN numnode(plainto_tsquery('english', ${word})) = 0
        OR numnode(plainto_tsquery('german', ${word})) = 0
      THEN ''::tsquery ELSE ${Prisma.join(alternatives, " || ")} END)`;
  });
  return Prisma.join(parts, " && ");
}

/** The first tier's price in the viewer's currency: the listing's own price when it is in it. */
function viewerAmount(currency: ViewerCurrency): Prisma.Sql {
  return Prisma.sql`CASE WHEN l."currency" = ${currency} THEN l."priceAmount" ELSE (
      SELECT p."amount" FROM "TierPrice" p
      WHERE p."currency" = ${currency} AND p."tierId" = (
        SELECT t."id" FROM "LicenseTier" t
        WHERE t."listingId" = l."id" AND t."archivedAt" IS NULL
        ORDER BY t."position" LIMIT 1)
    ) END`;
}

/**
 * Every sort as one integer key, ordered descending with the id ascending as the tie-break, so one
 * keyset cursor `(key, id)` pages every sort, stable even when many listings share a key.
 * Listings without a price in the viewer's currency come last in both price orders.
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

/**
 * The visible listings that match the words, each with its price in the viewer's currency: the
 * set that results and facets both filter further. The tsquery is written out in the WHERE clause
 * (stable functions of parameters), so the planner can match it against the GIN index; the CTE `q`
 * holds the same value for ranking and headlines.
 */
/** Columns facets count by (narrow rows: the facet statement reads every match). */
const FACET_COLUMNS = Prisma.sql`l."type", l."aiModels", l."category", l."language", l."ratingCount", l."ratingSum"`;
/** Columns a page of results shows and sorts by (never the paid content: it is in another table). */
const PAGE_COLUMNS = Prisma.sql`l."id", l."slug", l."type", l."title", l."tagline", l."description", l."aiModels",
  l."category", l."language", l."priceAmount", l."currency", l."ratingCount", l."ratingSum", l."salesCount",
  l."shopId", l."coverImageId", l."publishedAt", l."createdAt", l."searchDocument"`;

function candidates(
  query: Prisma.Sql | null,
  viewer: Viewer,
  columns: "page" | "facets" = "page",
): Prisma.Sql {
  return Prisma.sql`
    SELECT ${columns === "page" ? PAGE_COLUMNS : FACET_COLUMNS}, ${viewerAmount(viewer.currency)} AS "viewerAmount"
    FROM "Listing" l, q
    WHERE ${visible}${query ? Prisma.sql` AND l."searchDocument" @@ (${query})` : Prisma.empty}`;
}

function withQuery(query: Prisma.Sql | null): Prisma.Sql {
  return query
    ? Prisma.sql`WITH q AS (SELECT ${query} AS query)`
    : Prisma.sql`WITH q AS (SELECT NULL::tsquery AS query)`;
}

type Cursor = { key: string; id: string; direction: "after" | "before" };

/**
 * Cursors are opaque to the buyer: base64url of the sort, its key and the id of the last row
 * shown. A cursor for another sort, or anything that does not decode to that, is ignored (the
 * first page is shown), never an error.
 */
export function encodeCursor(sort: SearchSort, key: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString("base64url");
}

export function decodeCursor(
  token: string | undefined,
  sort: SearchSort,
): { key: string; id: string } | null {
  if (!token) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [cursorSort, key, id] = value;
    if (cursorSort !== sort || typeof key !== "string" || typeof id !== "string") return null;
    if (!/^-?\d{1,19}$/.test(key) || !/^[a-z0-9]{1,40}$/.test(id)) return null;
    // Inside bigint; a forged 19-digit key would otherwise be a database error.
    if (BigInt(key) > 9223372036854775807n || BigInt(key) < -9223372036854775808n) return null;
    return { key, id };
  } catch {
    return null;
  }
}

type ResultRow = {
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

type PageOptions = {
  search: CatalogSearch;
  viewer: Viewer;
  query: Prisma.Sql | null;
  sort: SearchSort;
  cursor: Cursor | null;
  limit: number;
};

function readPage(options: PageOptions): Promise<ResultRow[]> {
  return prisma.$queryRaw<ResultRow[]>(pageSql(options));
}

function pageSql(options: PageOptions): Prisma.Sql {
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
  return Prisma.sql`
    ${withQuery(query)},
    matched AS (
      SELECT l."id", l."slug", l."type"::text AS "type", l."title", l."tagline", l."description",
        l."aiModels", l."category", l."language", l."priceAmount", l."currency", l."viewerAmount",
        l."ratingCount", l."ratingSum", l."shopId", l."coverImageId", ${key} AS "sortKey"
      FROM (${candidates(query, viewer)}) l, q
      WHERE ${where.type} AND ${where.model} AND ${where.category} AND ${where.price}
        AND ${where.rating} AND ${where.language}
    ),
    page AS (
      SELECT m.* FROM matched m WHERE TRUE ${seek} ORDER BY ${order} LIMIT ${limit}
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

function toResult(row: ResultRow, viewer: Viewer): SearchResult {
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
 * count it had), in one statement over the matched set.
 */
function facetsSql(search: CatalogSearch, viewer: Viewer, query: Prisma.Sql | null): Prisma.Sql {
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
  return Prisma.sql`
    ${withQuery(query)},
    l AS (${candidates(query, viewer, "facets")})
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
    SELECT 'total', '', count(*)::int FROM l WHERE ${Prisma.join(all, " AND ")}`;
}

async function readFacets(search: CatalogSearch, viewer: Viewer, query: Prisma.Sql | null) {
  const rows = await prisma.$queryRaw<{ facet: string; value: string; count: number }[]>(
    facetsSql(search, viewer, query),
  );
  const facets: SearchFacets = { type: [], model: [], category: [], price: [], rating: [], language: [] };
  let total = 0;
  for (const row of rows) {
    if (row.facet === "total") total = row.count;
    else facets[row.facet as keyof SearchFacets]?.push({ value: row.value, count: row.count });
  }
  const byCount = (a: FacetCount, b: FacetCount) => b.count - a.count || a.value.localeCompare(b.value);
  facets.model.sort(byCount);
  facets.category.sort((a, b) => a.value.localeCompare(b.value));
  facets.type.sort(
    (a, b) => LISTING_TYPES.indexOf(a.value as never) - LISTING_TYPES.indexOf(b.value as never),
  );
  facets.price.sort(
    (a, b) => PRICE_RANGE_IDS.indexOf(a.value as PriceRange) - PRICE_RANGE_IDS.indexOf(b.value as PriceRange),
  );
  facets.rating.sort((a, b) => Number(b.value) - Number(a.value));
  facets.language.sort(byCount);
  return { facets, total };
}

async function prepareText(q: string | undefined) {
  const words = queryWords(q);
  const corrections = await correctWords(words);
  const query = textQuery(
    words,
    new Map(corrections.map((correction) => [correction.word, correction.suggestions])),
  );
  return { query, corrections: corrections.filter((correction) => correction.suggestions.length > 0) };
}

/** A page of results with facets, total and cursors: what /search and the landing pages show. */
export async function searchCatalog(search: CatalogSearch, viewer: Viewer): Promise<SearchPage> {
  const sort = effectiveSort(search);
  const { query, corrections } = await prepareText(search.q);
  const after = decodeCursor(search.after, sort);
  const before = after ? null : decodeCursor(search.before, sort);
  const cursor: Cursor | null = after
    ? { ...after, direction: "after" }
    : before
      ? { ...before, direction: "before" }
      : null;
  const [rows, { facets, total }] = await Promise.all([
    readPage({ search, viewer, query, sort, cursor, limit: SEARCH_PAGE_SIZE + 1 }),
    readFacets(search, viewer, query),
  ]);
  const more = rows.length > SEARCH_PAGE_SIZE;
  const shown = rows.slice(0, SEARCH_PAGE_SIZE);
  if (cursor?.direction === "before") shown.reverse();
  const first = shown[0];
  const last = shown.at(-1);
  const hasNext = cursor?.direction === "before" ? true : more;
  const hasPrevious = cursor?.direction === "before" ? more : cursor !== null;
  return {
    results: shown.map((row) => toResult(row, viewer)),
    total,
    facets,
    sort,
    next: hasNext && last ? encodeCursor(sort, String(last.sortKey), last.id) : null,
    previous: hasPrevious && first ? encodeCursor(sort, String(first.sortKey), first.id) : null,
    corrections,
  };
}

/** The first listings of a search, without facets or cursors (the home page's rows). */
export async function topListings(
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
 * Best-selling this week: paid order items of the last 7 days per visible listing (refunded and
 * pending orders do not count), then all-time sales as the tie-break.
 */
export async function bestSellingThisWeek(viewer: Viewer, limit: number): Promise<SearchResult[]> {
  const ids = await prisma.$queryRaw<{ id: string }[]>`
    SELECT l."id"
    FROM "Listing" l
    LEFT JOIN (
      SELECT i."listingId", sum(i."quantity")::int AS sold
      FROM "OrderItem" i JOIN "Order" o ON o."id" = i."orderId"
      WHERE o."status" IN ('PAID', 'PARTIALLY_REFUNDED') AND o."paidAt" > now() - interval '7 days'
      GROUP BY i."listingId"
    ) week ON week."listingId" = l."id"
    WHERE ${visible} AND (week.sold > 0 OR l."salesCount" > 0)
    ORDER BY coalesce(week.sold, 0) DESC, l."salesCount" DESC, l."id"
    LIMIT ${limit}`;
  if (ids.length === 0) return [];
  const rank = new Map(ids.map((row, index) => [row.id, index]));
  const rows = await prisma.$queryRaw<ResultRow[]>`
    WITH q AS (SELECT NULL::tsquery AS query)
    SELECT l."id", l."slug", l."type"::text AS "type", l."title", l."tagline", l."aiModels", l."category",
      l."language", l."priceAmount", l."currency", l."viewerAmount", l."ratingCount", l."ratingSum",
      0::bigint AS "sortKey", s."handle" AS "shopHandle", s."name" AS "shopName",
      i."id" AS "imageId", i."alt" AS "imageAlt", i."width" AS "imageWidth", i."height" AS "imageHeight",
      i."widths" AS "imageWidths",
      NULL AS "titleHighlight", NULL AS "taglineHighlight", NULL AS "excerptHighlight"
    FROM (${candidates(null, viewer)}) l
    JOIN "Shop" s ON s."id" = l."shopId"
    LEFT JOIN "Image" i ON i."id" = l."coverImageId"
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

/**
 * The two statements a search page runs, for EXPLAIN in docs/performance.md and the bench: the
 * page of results and the facet counts, exactly as `searchCatalog` sends them.
 */
export async function searchStatements(search: CatalogSearch, viewer: Viewer): Promise<Prisma.Sql[]> {
  const sort = effectiveSort(search);
  const { query } = await prepareText(search.q);
  return [
    pageSql({ search, viewer, query, sort, cursor: null, limit: SEARCH_PAGE_SIZE + 1 }),
    facetsSql(search, viewer, query),
  ];
}
