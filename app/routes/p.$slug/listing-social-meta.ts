import type { MetaDescriptor } from "@remix-run/node";
import type { listingTypeLabel } from "~/modules/catalog/search.ts";
import { canonicalLink, socialCardMeta } from "~/utils/seo.ts";

/**
 * The types' English names (`listingTypeLabel` in catalog/search.ts, which the OG picture uses too),
 * written out here: `meta` runs in the browser as well, and importing them took the search module's
 * shared chunk onto the product page (ADR 36). tests/unit/js-budget-words.test.ts keeps them equal.
 */
export const SOCIAL_TYPE_LABEL: typeof listingTypeLabel = {
  PROMPT: "Prompt",
  TEMPLATE: "Template",
  AGENT: "Agent",
  BUNDLE: "Bundle",
};

/** Canonical, Open Graph and Twitter tags for a listing page, with its generated picture. */
export function listingSocialMeta(data: {
  canonicalUrl: string;
  listing: {
    slug: string;
    title: string;
    tagline: string;
    type: keyof typeof listingTypeLabel;
    language?: string;
    shop: { name: string };
  };
}): MetaDescriptor[] {
  const { listing, canonicalUrl } = data;
  const origin = new URL(canonicalUrl).origin;
  return [
    canonicalLink(canonicalUrl),
    ...socialCardMeta({
      title: `${listing.title} · ${SOCIAL_TYPE_LABEL[listing.type]} by ${listing.shop.name}`,
      description: listing.tagline,
      canonicalUrl,
      imageUrl: `${origin}/og/p/${listing.slug}.png`,
      imageAlt: `${listing.title}, a ${SOCIAL_TYPE_LABEL[listing.type].toLowerCase()} by ${listing.shop.name} on Stapel`,
      type: "product",
      language: listing.language === "de" ? "de" : "en",
    }),
  ];
}
