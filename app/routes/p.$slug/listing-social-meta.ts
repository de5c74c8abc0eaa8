import type { MetaDescriptor } from "@remix-run/node";
import { listingTypeLabel } from "~/modules/catalog/search.ts";
import { canonicalLink, socialCardMeta } from "~/utils/seo.ts";

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
      title: `${listing.title} · ${listingTypeLabel[listing.type]} by ${listing.shop.name}`,
      description: listing.tagline,
      canonicalUrl,
      imageUrl: `${origin}/og/p/${listing.slug}.png`,
      imageAlt: `${listing.title}, a ${listingTypeLabel[listing.type].toLowerCase()} by ${listing.shop.name} on Stapel`,
      type: "product",
      language: listing.language === "de" ? "de" : "en",
    }),
  ];
}
