import type { Prisma } from "~/generated/prisma/client.ts";
import { resolveViewer } from "~/modules/i18n/viewer.server.ts";
import { type CatalogSearch, effectiveSort, SEARCH_PAGE_SIZE } from "./search.ts";
import { type Cursor, decodeCursor, encodeCursor } from "./search-cursor.server.ts";
import { readFacets } from "./search-facets.server.ts";
import { facetsSql, pageSql, readPage, toResult } from "./search-statements.server.ts";
import type { SearchPage, Viewer } from "./search-types.ts";
import { prepareText } from "./search-words.server.ts";

/**
 * The storefront search (ADR 28, ADR 32). PostgreSQL full-text search over each listing's
 * `searchDocument` (kept by a trigger: title A; tagline, tags, AI models, category B; description C;
 * stemmed in the listing's language), with every query word matched in English OR German, so
 * "emails" finds "email" and "Vorlagen" finds "Vorlage" whatever language the buyer types in. A word
 * that matches nothing is corrected against the vocabulary of titles and tags through pg_trgm
 * ("lgo" → "logo"). One query reads a page, one counts the facets; both only ever see published
 * listings that were not taken down, and only public columns.
 *
 * The parts, by job: search-words (query words → tsquery), search-typos (corrections),
 * search-statements (the SQL), search-facets (counts), search-cursor (paging), search-home (the
 * home page's rows and the catalogue's vocabulary).
 */

export { decodeCursor, encodeCursor } from "./search-cursor.server.ts";
export { bestSellingThisWeek, catalogVocabulary, topListings } from "./search-home.server.ts";
export type { FacetCount, SearchFacets, SearchPage, SearchResult, Viewer } from "./search-types.ts";
export { queryWords } from "./search-words.server.ts";

/**
 * `?currency=` and `?lang=` first, then the switchers' cookies, then the browser's languages
 * (de → EUR, en-US → USD, else EUR): one rule for every page (`app/modules/i18n/viewer.server.ts`).
 */
export function viewerFrom(request: Request, search: Pick<CatalogSearch, "currency" | "lang">): Viewer {
  const { language, currency } = resolveViewer(request, search);
  return { currency, language };
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
  const [rows, { facets, total, capped }] = await Promise.all([
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
    capped,
    sort,
    next: hasNext && last ? encodeCursor(sort, String(last.sortKey), last.id) : null,
    previous: hasPrevious && first ? encodeCursor(sort, String(first.sortKey), first.id) : null,
    corrections,
  };
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
