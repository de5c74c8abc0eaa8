import type { MetaDescriptor } from "@remix-run/node";
import { canonicalLink, socialCardMeta } from "~/utils/seo.ts";

/** Canonical, Open Graph and Twitter tags for a shop page, with its generated picture. */
export function shopSocialMeta(data: {
  canonicalUrl: string;
  shop: { handle: string; name: string; bio: string };
}): MetaDescriptor[] {
  const { shop, canonicalUrl } = data;
  return [
    canonicalLink(canonicalUrl),
    ...socialCardMeta({
      title: `${shop.name} on Stapel`,
      description: shop.bio,
      canonicalUrl,
      imageUrl: `${new URL(canonicalUrl).origin}/og/s/${shop.handle}.png`,
      imageAlt: `${shop.name}, a shop on Stapel`,
      type: "profile",
    }),
  ];
}
