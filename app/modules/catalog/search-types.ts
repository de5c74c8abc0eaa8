import type { PublicImage } from "~/modules/media/image-urls.ts";
import type { LISTING_TYPES, ListingLanguage, SearchSort, ViewerCurrency } from "./search.ts";

/** Who is looking: the currency prices are shown and sorted in, the language ranked first. */
export type Viewer = { currency: ViewerCurrency; language: ListingLanguage };

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
  /**
   * A search whose words match more listings than it reads (SEARCH_MATCH_CAP): `total` is then a
   * lower bound ("1,000+") and the facet counts come from the first matches only (approximate).
   */
  capped: { total: boolean; facets: boolean };
  sort: SearchSort;
  /** Cursors for the next and previous pages; null at either end. */
  next: string | null;
  previous: string | null;
  /** Query words that matched nothing, and what they were read as instead. */
  corrections: { word: string; suggestions: string[] }[];
};
