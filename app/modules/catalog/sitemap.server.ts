import { prisma } from "~/utils/db.server.ts";
import { slugify } from "./search.ts";

/**
 * The sitemap, paged the way search engines accept it: `/sitemap.xml` is an index naming
 * `/sitemaps/pages.xml` (home, search, shops, plans, category and model pages) and one
 * `/sitemaps/listings-<n>.xml` per 10,000 listings (the protocol allows 50,000; smaller files are
 * cheaper to build and re-fetch). Only what a visitor can open is listed: published listings that
 * were not taken down, shops that sell one, plans on sale.
 */
export const LISTINGS_PER_SITEMAP = 10_000;

export type SitemapEntry = { path: string; lastModified: Date | null };

const visibleListing = { status: "PUBLISHED", takenDownAt: null } as const;

/** How many listing sitemaps there are (at least one, possibly empty) and when the catalogue last changed. */
export async function sitemapIndex(
  perPage = LISTINGS_PER_SITEMAP,
): Promise<{ listingPages: number; lastModified: Date | null }> {
  const [count, latest] = await Promise.all([
    prisma.listing.count({ where: visibleListing }),
    prisma.listing.aggregate({ where: visibleListing, _max: { updatedAt: true } }),
  ]);
  return {
    listingPages: Math.max(1, Math.ceil(count / perPage)),
    lastModified: latest._max.updatedAt,
  };
}

/** The n-th (from 1) page of listings, oldest id first so a page keeps its listings; null past the end. */
export async function listingSitemapPage(
  page: number,
  perPage = LISTINGS_PER_SITEMAP,
): Promise<SitemapEntry[] | null> {
  if (!Number.isInteger(page) || page < 1) return null;
  const listings = await prisma.listing.findMany({
    where: visibleListing,
    orderBy: { id: "asc" },
    skip: (page - 1) * perPage,
    take: perPage,
    select: { slug: true, updatedAt: true },
  });
  if (listings.length === 0 && page > 1) return null;
  return listings.map((listing) => ({ path: `/p/${listing.slug}`, lastModified: listing.updatedAt }));
}

/** Everything that is not a listing: home, search, shops, plans on sale, category and model pages. */
export async function pagesSitemap(): Promise<SitemapEntry[]> {
  const [shops, plans, categories, models] = await Promise.all([
    prisma.shop.findMany({
      where: { listings: { some: visibleListing } },
      select: { handle: true, updatedAt: true },
      orderBy: { handle: "asc" },
    }),
    // Plans on sale; an archived plan's page stays up for its subscribers but is not advertised.
    prisma.plan.findMany({
      where: { archivedAt: null, prices: { some: { archivedAt: null } } },
      select: { id: true, updatedAt: true, shop: { select: { handle: true } } },
      orderBy: { id: "asc" },
    }),
    prisma.listing.findMany({ where: visibleListing, distinct: ["category"], select: { category: true } }),
    prisma.$queryRaw<Array<{ model: string }>>`
      SELECT DISTINCT unnest("aiModels") AS model FROM "Listing"
      WHERE "status" = 'PUBLISHED' AND "takenDownAt" IS NULL`,
  ]);
  const landing = (prefix: string, names: string[]) =>
    [...new Set(names.map(slugify).filter(Boolean))]
      .sort()
      .map((slug) => ({ path: `${prefix}${slug}`, lastModified: null }));
  return [
    { path: "/", lastModified: null },
    { path: "/search", lastModified: null },
    ...shops.map((shop) => ({ path: `/s/${shop.handle}`, lastModified: shop.updatedAt })),
    ...plans.map((plan) => ({
      path: `/s/${plan.shop.handle}/plans/${plan.id}`,
      lastModified: plan.updatedAt,
    })),
    ...landing(
      "/c/",
      categories.map((row) => row.category),
    ),
    ...landing(
      "/m/",
      models.map((row) => row.model),
    ),
  ];
}
