import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  type CatalogSearch,
  LISTING_TYPES,
  PRICE_RANGE_IDS,
  type PriceRange,
  SEARCH_MATCH_CAP,
} from "./search.ts";
import { searchMemo } from "./search-memo.server.ts";
import { facetsSql } from "./search-statements.server.ts";
import type { FacetCount, SearchFacets, Viewer } from "./search-types.ts";

/** Catalogue-wide counts may be this old when no notification emptied them sooner. */
const CATALOGUE_COUNTS_MAX_AGE_MS = 5 * 60_000;

/**
 * Facet counts and the total of a search, each facet counted with every filter but its own (so
 * picking a value shows exactly the count it had). Without words they count the whole catalogue
 * (100,000 listings on the large seed) and change only when a listing, price or rating does: each
 * app server remembers them per currency and filters until the page cache's notification empties
 * them (search-memo.server.ts).
 */
export function readFacets(search: CatalogSearch, viewer: Viewer, query: Prisma.Sql | null) {
  if (query !== null) return countFacets(search, viewer, query);
  const { type, model, category, price, rating, language } = search;
  const key = JSON.stringify(["facets", viewer.currency, type, model, category, price, rating, language]);
  return searchMemo.remember(key, CATALOGUE_COUNTS_MAX_AGE_MS, () => countFacets(search, viewer, null));
}

async function countFacets(search: CatalogSearch, viewer: Viewer, query: Prisma.Sql | null) {
  const rows = await prisma.$queryRaw<{ facet: string; value: string; count: number }[]>(
    facetsSql(search, viewer, query),
  );
  const facets: SearchFacets = { type: [], model: [], category: [], price: [], rating: [], language: [] };
  let total = 0;
  let sample = 0;
  for (const row of rows) {
    if (row.facet === "total") total = row.count;
    else if (row.facet === "sample") sample = row.count;
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
  // Past the cap the total is "at least SEARCH_MATCH_CAP" and the counts come from the first matches.
  const capped = { total: total > SEARCH_MATCH_CAP, facets: sample > SEARCH_MATCH_CAP };
  return { facets, total: Math.min(total, SEARCH_MATCH_CAP), capped };
}
