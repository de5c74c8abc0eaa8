// Pages that reach: Open Graph pictures, the paged sitemaps and the embeddable buy page. All
// public: everyone gets the same answer; what is not on sale (or not named right) is a 404.
import { everyone, notFound, ok, type Row } from "../support/access.ts";

export const rows: Record<string, Row> = {
  "routes/og.p.$slug": {
    probes: [
      {
        label: "shop A's listing picture",
        method: "GET",
        path: (w) => `/og/p/${w.shopA.listing.slug}.png`,
        expect: everyone(ok),
      },
      {
        label: "without .png",
        method: "GET",
        path: (w) => `/og/p/${w.shopA.listing.slug}`,
        expect: everyone(notFound),
      },
      {
        label: "a listing that does not exist",
        method: "GET",
        path: () => "/og/p/no-such-listing.png",
        expect: everyone(notFound),
      },
    ],
  },
  "routes/og.s.$handle": {
    probes: [
      {
        label: "shop A's picture",
        method: "GET",
        path: (w) => `/og/s/${w.shopA.shop.handle}.png`,
        expect: everyone(ok),
      },
      {
        label: "a shop that does not exist",
        method: "GET",
        path: () => "/og/s/no-such-shop.png",
        expect: everyone(notFound),
      },
    ],
  },
  "routes/sitemaps.$name": {
    probes: [
      { label: "the pages sitemap", method: "GET", path: () => "/sitemaps/pages.xml", expect: everyone(ok) },
      {
        label: "the first listings sitemap",
        method: "GET",
        path: () => "/sitemaps/listings-1.xml",
        expect: everyone(ok),
      },
      {
        label: "a listings sitemap past the end",
        method: "GET",
        path: () => "/sitemaps/listings-999.xml",
        expect: everyone(notFound),
      },
      {
        label: "an unknown sitemap",
        method: "GET",
        path: () => "/sitemaps/secrets.xml",
        expect: everyone(notFound),
      },
    ],
  },
  "routes/embed.p.$slug": {
    probes: [
      {
        label: "shop A's listing's buy card",
        method: "GET",
        path: (w) => `/embed/p/${w.shopA.listing.slug}`,
        expect: everyone(ok),
      },
      {
        label: "a listing that does not exist",
        method: "GET",
        path: () => "/embed/p/no-such-listing",
        expect: everyone(notFound),
      },
    ],
  },
};
