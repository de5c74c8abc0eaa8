/** Shapes and fixed vocabularies for the demo catalog. Everything here is plain data: no ids, no dates. */

/** Categories a listing can be filed under. The storefront filters on exactly these strings. */
export const CATEGORIES = [
  "Copywriting",
  "Marketing",
  "Design",
  "Productivity",
  "Coding",
  "Business",
  "Education",
  "Automation",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** AI model tags. The first four are the ones the storefront features; the rest are optional extras. */
export const AI_MODELS = [
  "ChatGPT",
  "Claude",
  "Gemini",
  "Midjourney",
  "DALL·E",
  "Stable Diffusion",
  "Llama",
] as const;
export type AiModel = (typeof AI_MODELS)[number];

export const CURRENCIES = ["USD", "EUR"] as const;
export type Currency = (typeof CURRENCIES)[number];

export type ListingTypeName = "PROMPT" | "TEMPLATE" | "AGENT" | "BUNDLE";

export interface ExampleSeed {
  input: string;
  output: string;
}

/** A downloadable file whose bytes are generated in code (small and deterministic). */
export interface FileSeed {
  fileName: string;
  contentType: string;
  build: () => string;
}

export interface ListingSeed {
  slug: string;
  type: ListingTypeName;
  /** Drafts are never shown publicly; published listings need publishedDaysAgo. */
  status: "PUBLISHED" | "DRAFT";
  /** How many days before the seed ran the listing went live (0-89). */
  publishedDaysAgo?: number;
  title: string;
  tagline: string;
  description: string;
  teaser: string;
  aiModels: AiModel[];
  category: Category;
  /** Integer minor units (cents). Never a float. */
  priceAmount: number;
  currency: Currency;
  /** The paid payload: the full prompt, template or agent instructions. */
  body: string;
  instructions: string;
  examples: ExampleSeed[];
  files?: FileSeed[];
  /** For BUNDLEs: slugs of listings of the same shop that the bundle contains. */
  bundleOf?: string[];
  /** The language the listing is written in (search stems it in that language); "en" if absent. */
  language?: "en" | "de";
  /** Search keywords, lower case; listings without them take theirs from tags.ts. */
  tags?: string[];
  /**
   * Licence tiers, cheapest first; the first tier's price in `currency` must be `priceAmount`.
   * Without them the listing sells one default licence at `priceAmount`.
   */
  tiers?: TierSeed[];
}

export interface TierSeed {
  name: string;
  licenseText: string;
  /** Activations per licence key; absent for no limit. */
  activationLimit?: number;
  /** One price per currency, integer minor units. */
  prices: Array<{ amount: number; currency: Currency }>;
}

export interface PlanPriceSeed {
  /** Integer minor units (cents). */
  amount: number;
  currency: Currency;
  interval: "MONTH" | "YEAR";
}

export interface PlanSeed {
  name: string;
  description: string;
  /** At most one price per interval and currency. */
  prices: PlanPriceSeed[];
  /** Days of free access before the first charge; 0 or absent for none. */
  trialDays?: number;
  /** Every published listing of the shop, now and later. */
  includesAllListings: boolean;
  /** Whole categories of the shop's listings, now and later (only when includesAllListings is false). */
  includedCategories?: Category[];
  /** Chosen listings of the shop (only when includesAllListings is false). */
  listingSlugs?: string[];
}

export interface ShopSeed {
  owner: { email: string; name: string };
  handle: string;
  name: string;
  bio: string;
  defaultCurrency: Currency;
  listings: ListingSeed[];
  plans: PlanSeed[];
}

export interface AccountSeed {
  email: string;
  name: string;
  role: "BUYER" | "SELLER" | "ADMIN";
  /** User.locale: the language their emails are written in (unset: English). */
  locale?: "en" | "de";
}

export interface ReviewSeed {
  listingSlug: string;
  reviewerEmail: string;
  rating: 1 | 2 | 3 | 4 | 5;
  body: string;
  /** Days after the listing's publishedAt that the review was written (clamped to now). */
  daysAfterPublish: number;
  /** The seller's one reply, written a day after the review. */
  sellerReply?: string;
  /** An output the reviewer made with the prompt, shown under the review as proof. */
  proofText?: string;
}
