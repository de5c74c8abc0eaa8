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

/** The storefront's query string. Unknown values fall back to defaults instead of erroring. */
export const ListingSearchSchema = z.object({
  q: z.preprocess(emptyToUndefined, queryText(100)),
  type: z.preprocess(emptyToUndefined, z.enum(LISTING_TYPES).optional()).catch(undefined),
  model: z.preprocess(emptyToUndefined, queryText(40)),
  category: z.preprocess(emptyToUndefined, queryText(60)),
  sort: z.enum(["newest", "price-asc", "price-desc"]).catch("newest"),
});

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

export type ListingSearch = z.infer<typeof ListingSearchSchema>;

export function parseListingSearch(params: URLSearchParams): ListingSearch {
  return ListingSearchSchema.parse(Object.fromEntries(params));
}
