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
    where: { status: "PUBLISHED" },
    distinct: ["category"],
    select: { category: true },
    orderBy: { category: "asc" },
  });
  return rows.map((row) => row.category);
}

export async function getPublishedListing(slug: string) {
  const listing = await prisma.listing.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      ...listingCardSelect,
      description: true,
      teaser: true,
      publishedAt: true,
      shop: { select: { handle: true, name: true, bio: true } },
      examples: { orderBy: { position: "asc" }, select: { id: true, input: true, output: true } },
      files: { select: { id: true, fileName: true, sizeBytes: true } },
      bundleItems: { select: { listing: { select: { slug: true, title: true, type: true } } } },
      reviews: {
        orderBy: { createdAt: "desc" },
        take: 10,
        select: {
          id: true,
          rating: true,
          body: true,
          createdAt: true,
          // A deleted account's reviews stay, signed "Deleted user" (ADR 0026).
          user: { select: { name: true, deletedAt: true } },
        },
      },
    },
  });
  if (!listing) return null;
  const ratings = await prisma.review.aggregate({
    where: { listingId: listing.id },
    _avg: { rating: true },
    _count: { rating: true },
  });
  return { ...listing, rating: { average: ratings._avg.rating, count: ratings._count.rating } };
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
        where: { status: "PUBLISHED" },
        orderBy: { publishedAt: "desc" },
        select: listingCardSelect,
      },
    },
  });
}
