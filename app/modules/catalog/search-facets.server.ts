import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { type CatalogSearch, LISTING_TYPES, PRICE_RANGE_IDS, type PriceRange } from "./search.ts";
import { facetsSql } from "./search-statements.server.ts";
import type { FacetCount, SearchFacets, Viewer } from "./search-types.ts";

/**
 * Facet counts and the total of a search, each facet counted with every filter but its own (so
 * picking a value shows exactly the count it had).
 */
export async function readFacets(search: CatalogSearch, viewer: Viewer, query: Prisma.Sql | null) {
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
