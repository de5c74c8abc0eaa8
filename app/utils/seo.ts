/**
 * Tags that tell search engines and link previews what a public page is: the canonical address
 * and Open Graph / Twitter card fields with a picture. Pages return these from `meta`; any public
 * page can use them (home, search, landing pages), not only listings and shops.
 */
import type { MetaDescriptor } from "@remix-run/node";

export const SITE_NAME = "Stapel";
export type PageLanguage = "en" | "de";

/**
 * `<link rel="canonical">`: the address without `?lang=`/`?currency=`. The hreflang alternates
 * (en, de, x-default) are added to every page by the root layout (`languageAlternates` in
 * app/modules/i18n/alternates.ts), so pages do not repeat them here.
 */
export function canonicalLink(canonicalUrl: string): MetaDescriptor {
  return { tagName: "link", rel: "canonical", href: canonicalUrl };
}

export interface SocialCard {
  title: string;
  description: string;
  canonicalUrl: string;
  /** Absolute URL of a 1200×630 picture. */
  imageUrl: string;
  imageAlt: string;
  /** "product" for a listing, "profile" for a shop, "website" otherwise. */
  type?: "website" | "product" | "profile";
  /** The language the page is shown in, for og:locale. */
  language?: PageLanguage;
}

/** Open Graph and Twitter "summary_large_image" tags for one page. */
export function socialCardMeta(card: SocialCard): MetaDescriptor[] {
  const description = card.description.length > 200 ? `${card.description.slice(0, 197)}…` : card.description;
  return [
    { property: "og:site_name", content: SITE_NAME },
    { property: "og:type", content: card.type ?? "website" },
    { property: "og:title", content: card.title },
    { property: "og:description", content: description },
    { property: "og:url", content: card.canonicalUrl },
    { property: "og:image", content: card.imageUrl },
    { property: "og:image:width", content: "1200" },
    { property: "og:image:height", content: "630" },
    { property: "og:image:alt", content: card.imageAlt },
    { property: "og:locale", content: card.language === "de" ? "de_DE" : "en_US" },
    { property: "og:locale:alternate", content: card.language === "de" ? "en_US" : "de_DE" },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: card.title },
    { name: "twitter:description", content: description },
    { name: "twitter:image", content: card.imageUrl },
    { name: "twitter:image:alt", content: card.imageAlt },
  ];
}
