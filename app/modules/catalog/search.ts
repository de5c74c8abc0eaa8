import { z } from "zod";

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
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()).catch(undefined),
  type: z.preprocess(emptyToUndefined, z.enum(LISTING_TYPES).optional()).catch(undefined),
  model: z.preprocess(emptyToUndefined, z.string().max(40).optional()).catch(undefined),
  category: z.preprocess(emptyToUndefined, z.string().max(60).optional()).catch(undefined),
  sort: z.enum(["newest", "price-asc", "price-desc"]).catch("newest"),
});

export type ListingSearch = z.infer<typeof ListingSearchSchema>;

export function parseListingSearch(params: URLSearchParams): ListingSearch {
  return ListingSearchSchema.parse(Object.fromEntries(params));
}
