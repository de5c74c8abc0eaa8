import { z } from "zod";
import { queryText } from "~/utils/schemas.ts";

export const LISTING_TYPES = ["PROMPT", "TEMPLATE", "AGENT", "BUNDLE"] as const;
export const AI_MODELS = ["ChatGPT", "Claude", "Gemini", "Midjourney"] as const;

export const listingTypeLabel: Record<(typeof LISTING_TYPES)[number], string> = {
  PROMPT: "Prompt",
  TEMPLATE: "Template",
  AGENT: "Agent",
  BUNDLE: "Bundle",
};

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/**
 * The storefront's query string. Unknown values fall back to defaults instead of erroring.
 * Built on first use, as the schemas below: a page whose browser code needs only a label or a
 * helper from this module then ships no zod (about 26 KB gzipped of the product page's budget).
 */
const listingSearchSchema = () =>
  z.object({
    q: z.preprocess(emptyToUndefined, queryText(100)),
    type: z.preprocess(emptyToUndefined, z.enum(LISTING_TYPES).optional()).catch(undefined),
    model: z.preprocess(emptyToUndefined, queryText(40)),
    category: z.preprocess(emptyToUndefined, queryText(60)),
    sort: z.enum(["newest", "price-asc", "price-desc"]).catch("newest"),
  });
let listingSearch: ReturnType<typeof listingSearchSchema> | undefined;

/**
 * The same search without empty parameters (`?q=email&type=&model=` becomes `?q=email`), or null
 * when the URL is already clean. Forms send every field; URLs that people share should not.
 */
export function withoutEmptyParams(url: URL): string | null {
  const clean = new URLSearchParams();
  for (const [name, value] of url.searchParams) if (value.trim() !== "") clean.append(name, value);
  if (clean.toString() === url.searchParams.toString()) return null;
  const query = clean.toString();
  return `${url.pathname}${query ? `?${query}` : ""}`;
}

export type ListingSearch = z.infer<ReturnType<typeof listingSearchSchema>>;

export function parseListingSearch(params: URLSearchParams): ListingSearch {
  listingSearch ??= listingSearchSchema();
  return listingSearch.parse(Object.fromEntries(params));
}

// ---------------------------------------------------------------------------------------------------
// The storefront search at /search (and the home page's sections, category and model pages).

export const SEARCH_SORTS = [
  "relevance",
  "newest",
  "best-selling",
  "rating",
  "price-asc",
  "price-desc",
] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const sortLabel: Record<SearchSort, string> = {
  relevance: "Best match",
  newest: "Newest",
  "best-selling": "Best-selling",
  rating: "Top rated",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
};

/** Price ranges in major units of the viewer's currency: [from, below) with null for open ends. */
export const PRICE_RANGES = {
  "0-5": [0, 500],
  "5-10": [500, 1000],
  "10-25": [1000, 2500],
  "25-50": [2500, 5000],
  "50-": [5000, null],
} as const satisfies Record<string, readonly [number, number | null]>;
export type PriceRange = keyof typeof PRICE_RANGES;
export const PRICE_RANGE_IDS = Object.keys(PRICE_RANGES) as PriceRange[];

export const MIN_RATINGS = ["4", "3", "2", "1"] as const;
export const LISTING_LANGUAGES = ["en", "de"] as const;
export type ListingLanguage = (typeof LISTING_LANGUAGES)[number];
export const languageLabel: Record<ListingLanguage, string> = { en: "English", de: "Deutsch" };
export const VIEWER_CURRENCIES = ["EUR", "USD"] as const;
export type ViewerCurrency = (typeof VIEWER_CURRENCIES)[number];

export const SEARCH_PAGE_SIZE = 24;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(emptyToUndefined, z.enum(values).optional()).catch(undefined);
const cursorText = () =>
  z
    .preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,300}$/)
        .optional(),
    )
    .catch(undefined);

/**
 * /search's query string. Every parameter falls back on its own (unknown values, control characters,
 * overlong text): a shared link with one bad value still shows a page instead of an error.
 * `lang` and `currency` are the viewer's (they win over Accept-Language); `language` filters
 * listings by the language they are written in.
 */
const catalogSearchSchema = () =>
  z.object({
    q: z.preprocess(emptyToUndefined, queryText(100)),
    type: optionalEnum(LISTING_TYPES),
    model: z.preprocess(emptyToUndefined, queryText(40)),
    category: z.preprocess(emptyToUndefined, queryText(60)),
    price: optionalEnum(PRICE_RANGE_IDS as [PriceRange, ...PriceRange[]]),
    rating: optionalEnum(MIN_RATINGS),
    language: optionalEnum(LISTING_LANGUAGES),
    sort: optionalEnum(SEARCH_SORTS),
    currency: z
      .preprocess(
        (value) => (typeof value === "string" && value !== "" ? value.toUpperCase() : undefined),
        z.enum(VIEWER_CURRENCIES).optional(),
      )
      .catch(undefined),
    lang: optionalEnum(LISTING_LANGUAGES),
    after: cursorText(),
    before: cursorText(),
  });
let catalogSearch: ReturnType<typeof catalogSearchSchema> | undefined;
export type CatalogSearch = z.infer<ReturnType<typeof catalogSearchSchema>>;

export function parseCatalogSearch(params: URLSearchParams): CatalogSearch {
  const entries: Record<string, string> = {};
  // The first value of a repeated parameter wins; anything not in the schema is ignored.
  for (const [name, value] of params) if (!(name in entries)) entries[name] = value;
  catalogSearch ??= catalogSearchSchema();
  return catalogSearch.parse(entries);
}

/** Relevance needs words to rank by; without them the newest listings come first. */
export function effectiveSort(search: Pick<CatalogSearch, "q" | "sort">): SearchSort {
  if (search.sort === "relevance" && !search.q) return "newest";
  return search.sort ?? (search.q ? "relevance" : "newest");
}

/** A search URL with only the parameters that say something (and never a cursor unless given). */
export function searchHref(
  pathname: string,
  params: Partial<Record<keyof CatalogSearch, string | undefined>>,
) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `${pathname}?${text}` : pathname;
}

/** "DALL·E" → "dall-e", "Stable Diffusion" → "stable-diffusion", "Copywriting" → "copywriting". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Highlight markers that ts_headline puts around matches (private-use characters, never HTML). */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_END = "\uE001";

/** Splits a highlighted snippet into plain and marked parts, for rendering as text and <mark>. */
export function highlightParts(snippet: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  let current = "";
  for (const character of snippet) {
    if (character === HIGHLIGHT_START || character === HIGHLIGHT_END) {
      if (current) parts.push({ text: current, marked });
      current = "";
      marked = character === HIGHLIGHT_START;
    } else current += character;
  }
  if (current) parts.push({ text: current, marked });
  return parts;
}

/**
 * The most matches of the words a search reads (ADR 32, "bounded"): a common word ("email" matches a
 * quarter of the large seed) would otherwise make every request read and rank every match. Best-match
 * order ranks the first this many matches that pass the filters (in the order the index yields them),
 * the total stops counting one past it ("1,000+"), and the facets count the first this many matches
 * of the words (marked approximate on the page). Smaller catalogues never reach it: every answer is
 * exact there.
 */
export const SEARCH_MATCH_CAP = 1000;
