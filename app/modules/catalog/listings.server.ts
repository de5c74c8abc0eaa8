import type { Prisma } from "~/generated/prisma/client.ts";
import type { PublicImage } from "~/modules/media/image-urls.ts";
import type { PlanPriceView } from "~/modules/plans/storefront.server.ts";
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

type ShopPageRow = {
  handle: string;
  name: string;
  bio: string;
  links: string[];
  avatarImage: PublicImage | null;
  listings: (Omit<ListingCard, "shop"> & { tiers: { prices: { currency: string; amount: number }[] }[] })[];
  plans: {
    id: string;
    name: string;
    description: string;
    trialDays: number;
    includesAllListings: boolean;
    includedCategories: string[];
    prices: PlanPriceView[] | null;
    listingCount: number;
  }[];
};

const SHOP_IMAGE = `json_build_object('id', i.id, 'alt', i.alt, 'width', i.width, 'height', i.height, 'widths', i.widths)`;

// $1: the handle. Listings newest first, each with its first live tier's prices (the card shows the
// one in the viewer's currency); the plans on sale with their live prices and how many listings each
// includes now (the rule of planListingsWhere, minus taken-down listings: ADR 0027).
export const SHOP_PAGE_SQL = `
SELECT json_build_object(
  'handle', s.handle, 'name', s.name, 'bio', s.bio, 'links', s.links,
  'avatarImage', (SELECT ${SHOP_IMAGE} FROM "Image" i WHERE i.id = s."avatarImageId"),
  'listings', COALESCE((
    SELECT json_agg(json_build_object(
      'id', l.id, 'slug', l.slug, 'type', l.type, 'title', l.title, 'tagline', l.tagline,
      'aiModels', l."aiModels", 'category', l.category, 'priceAmount', l."priceAmount",
      'currency', l.currency,
      'tiers', COALESCE((
        SELECT json_agg(json_build_object('prices', COALESCE((
          SELECT json_agg(json_build_object('currency', p.currency, 'amount', p.amount) ORDER BY p.currency)
          FROM "TierPrice" p WHERE p."tierId" = t.id), '[]')))
        FROM (SELECT t.id FROM "LicenseTier" t WHERE t."listingId" = l.id AND t."archivedAt" IS NULL
              ORDER BY t.position LIMIT 1) t), '[]'))
      ORDER BY l."publishedAt" DESC, l.id)
    FROM "Listing" l
    WHERE l."shopId" = s.id AND l.status = 'PUBLISHED' AND l."takenDownAt" IS NULL), '[]'),
  'plans', COALESCE((
    SELECT json_agg(json_build_object(
      'id', pl.id, 'name', pl.name, 'description', pl.description, 'trialDays', pl."trialDays",
      'includesAllListings', pl."includesAllListings", 'includedCategories', pl."includedCategories",
      'prices', (SELECT json_agg(json_build_object('id', pp.id, 'amount', pp.amount, 'currency', pp.currency,
                                                   'interval', pp.interval) ORDER BY pp.interval, pp.currency)
                 FROM "PlanPrice" pp WHERE pp."planId" = pl.id AND pp."archivedAt" IS NULL),
      'listingCount', (
        SELECT count(*) FROM "Listing" x
        WHERE x."shopId" = pl."shopId" AND x.status = 'PUBLISHED' AND x."takenDownAt" IS NULL
          AND (pl."includesAllListings" OR x.category = ANY (pl."includedCategories")
               OR EXISTS (SELECT 1 FROM "PlanListing" pi WHERE pi."planId" = pl.id AND pi."listingId" = x.id))))
      ORDER BY pl."createdAt")
    FROM "Plan" pl
    WHERE pl."shopId" = s.id AND pl."archivedAt" IS NULL
      AND EXISTS (SELECT 1 FROM "PlanPrice" pp WHERE pp."planId" = pl.id AND pp."archivedAt" IS NULL)), '[]')
)::text AS page
FROM "Shop" s WHERE s.handle = $1`;

/**
 * The shop page in one statement (ADR 33): the shop, its live listings as cards and its plans on
 * sale. Explicit columns, never the paid content.
 */
export async function getShopPage(handle: string) {
  const rows = await prisma.$queryRawUnsafe<{ page: string }[]>(SHOP_PAGE_SQL, handle);
  const row = rows[0];
  if (!row) return null;
  const { plans, listings, ...shop } = JSON.parse(row.page) as ShopPageRow;
  const owner = { handle: shop.handle, name: shop.name };
  return {
    shop: { ...shop, listings: listings.map((listing) => ({ ...listing, shop: owner })) },
    plans: plans.map((plan) => ({ ...plan, prices: plan.prices ?? [] })),
  };
}
