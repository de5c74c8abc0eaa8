import type { Prisma } from "~/generated/prisma/client.ts";
import { publicImageSelect } from "~/modules/media/images.server.ts";
import { prisma } from "~/utils/db.server.ts";
import type { ListingSearch } from "./search.ts";

/**
 * Storefront reads. Every select here is explicit and never touches ListingContent or file storage
 * keys: the paid payload cannot leak through a public page by accident.
 */
const listingCardSelect = {
  id: true,
  slug: true,
  type: true,
  title: true,
  tagline: true,
  aiModels: true,
  category: true,
  priceAmount: true,
  currency: true,
  shop: { select: { handle: true, name: true } },
} satisfies Prisma.ListingSelect;

export type ListingCard = Prisma.ListingGetPayload<{ select: typeof listingCardSelect }>;

const orderBy: Record<ListingSearch["sort"], Prisma.ListingOrderByWithRelationInput[]> = {
  newest: [{ publishedAt: "desc" }, { id: "asc" }],
  "price-asc": [{ priceAmount: "asc" }, { id: "asc" }],
  "price-desc": [{ priceAmount: "desc" }, { id: "asc" }],
};

export async function searchListings(search: ListingSearch): Promise<ListingCard[]> {
  const where: Prisma.ListingWhereInput = {
    status: "PUBLISHED",
    takenDownAt: null,
    ...(search.type && { type: search.type }),
    ...(search.model && { aiModels: { has: search.model } }),
    ...(search.category && { category: search.category }),
    ...(search.q && {
      OR: [
        { title: { contains: search.q, mode: "insensitive" } },
        { tagline: { contains: search.q, mode: "insensitive" } },
        { category: { contains: search.q, mode: "insensitive" } },
      ],
    }),
  };
  return prisma.listing.findMany({
    where,
    orderBy: orderBy[search.sort],
    select: listingCardSelect,
    take: 60,
  });
}

export async function listCategories(): Promise<string[]> {
  const rows = await prisma.listing.findMany({
    where: { status: "PUBLISHED", takenDownAt: null },
    distinct: ["category"],
    select: { category: true },
    orderBy: { category: "asc" },
  });
  return rows.map((row) => row.category);
}

/** Reviews shown on the listing page before "All reviews" (newest first, hidden ones never). */
export const LISTING_PAGE_REVIEWS = 5;

/**
 * The public listing page's listing: published and not taken down by an admin. Its rating comes
 * from the kept `ratingCount`/`ratingSum` (the review module keeps them exact), so the page needs no
 * aggregate query; the first reviews come with it.
 */
export async function getPublishedListing(slug: string) {
  const listing = await prisma.listing.findFirst({
    where: { slug, status: "PUBLISHED", takenDownAt: null },
    select: {
      ...listingCardSelect,
      language: true,
      description: true,
      teaser: true,
      publishedAt: true,
      ratingCount: true,
      ratingSum: true,
      shop: { select: { handle: true, name: true, bio: true } },
      examples: { orderBy: { position: "asc" }, select: { id: true, input: true, output: true } },
      files: { select: { id: true, fileName: true, sizeBytes: true } },
      bundleItems: { select: { listing: { select: { slug: true, title: true, type: true } } } },
      reviews: {
        where: { hiddenAt: null },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: LISTING_PAGE_REVIEWS,
        select: {
          id: true,
          rating: true,
          body: true,
          proofText: true,
          orderItemId: true,
          proofImage: { select: { id: true, alt: true, width: true, height: true, widths: true } },
          sellerReply: true,
          sellerRepliedAt: true,
          createdAt: true,
          // A deleted account's reviews stay, signed "Deleted user" (ADR 0026).
          user: { select: { name: true, deletedAt: true } },
        },
      },
    },
  });
  if (!listing) return null;
  const average =
    listing.ratingCount > 0 ? Math.round((listing.ratingSum / listing.ratingCount) * 10) / 10 : null;
  return { ...listing, rating: { average, count: listing.ratingCount } };
}

export async function getShopPage(handle: string) {
  return prisma.shop.findUnique({
    where: { handle },
    select: {
      handle: true,
      name: true,
      bio: true,
      links: true,
      avatarImage: { select: publicImageSelect },
      listings: {
        where: { status: "PUBLISHED", takenDownAt: null },
        orderBy: { publishedAt: "desc" },
        select: {
          ...listingCardSelect,
          // The first live tier's prices: the card shows the one in the viewer's currency.
          tiers: {
            where: { archivedAt: null },
            orderBy: { position: "asc" },
            take: 1,
            select: { prices: { select: { currency: true, amount: true } } },
          },
        },
      },
    },
  });
}
