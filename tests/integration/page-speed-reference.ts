// The listing and shop pages' loader data as the Prisma reads made them before they became one
// statement each (ADR 33), kept as the tests' oracle: the new statements must give exactly this.
import { renderMarkdown } from "~/modules/markdown/render.server.ts";
import { publicImageSelect } from "~/modules/media/images.server.ts";
import { planListingsWhere } from "~/modules/plans/contents.server.ts";
import { headlinePrice } from "~/modules/plans/storefront.server.ts";
import { listingOffer } from "~/modules/pricing/offer.server.ts";
import { reviewView } from "~/modules/reviews/reviews.server.ts";
import { prisma } from "~/utils/db.server.ts";

const cardSelect = {
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
} as const;

const currentPrices = {
  where: { archivedAt: null },
  orderBy: [{ interval: "asc" as const }, { currency: "asc" as const }],
  select: { id: true, amount: true, currency: true, interval: true },
};

export async function referenceListingPage(
  slug: string,
  viewer: { id: string } | null,
  buyer: { chosenCurrency: string | null; acceptLanguage: string | null },
  canonicalUrl: string,
) {
  const found = await prisma.listing.findFirst({
    where: { slug, status: "PUBLISHED", takenDownAt: null },
    select: {
      ...cardSelect,
      language: true,
      description: true,
      teaser: true,
      publishedAt: true,
      ratingCount: true,
      ratingSum: true,
      shop: { select: { handle: true, name: true, bio: true } },
      examples: { orderBy: { position: "asc" }, select: { id: true, input: true, output: true } },
      files: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, fileName: true, sizeBytes: true },
      },
      bundleItems: {
        orderBy: { listingId: "asc" },
        select: { listing: { select: { slug: true, title: true, type: true } } },
      },
      reviews: {
        where: { hiddenAt: null },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 5,
        select: {
          id: true,
          rating: true,
          body: true,
          proofText: true,
          proofImage: { select: publicImageSelect },
          orderItemId: true,
          sellerReply: true,
          sellerRepliedAt: true,
          createdAt: true,
          user: { select: { name: true, deletedAt: true } },
        },
      },
    },
  });
  if (!found) return null;
  const { reviews: reviewRows, ...rest } = found;
  const average = rest.ratingCount > 0 ? Math.round((rest.ratingSum / rest.ratingCount) * 10) / 10 : null;
  const listing = { ...rest, rating: { average, count: rest.ratingCount } };
  const extra = await prisma.listing.findUniqueOrThrow({
    where: { id: listing.id },
    select: {
      aiGenerated: true,
      coverImage: { select: publicImageSelect },
      examples: {
        where: { imageId: { not: null } },
        select: { id: true, image: { select: publicImageSelect } },
      },
      shop: { select: { ownerId: true } },
      bundleItems: { select: { listingId: true, listing: { select: { slug: true } } } },
    },
  });
  const bundleSlugs = new Map(extra.bundleItems.map((item) => [item.listingId, item.listing.slug]));
  const ownedItems =
    viewer && bundleSlugs.size > 0
      ? await prisma.entitlement.findMany({
          where: { userId: viewer.id, status: "ACTIVE", listingId: { in: [...bundleSlugs.keys()] } },
          distinct: ["listingId"],
          orderBy: { listingId: "asc" },
          select: { listingId: true },
        })
      : [];
  const plans = await prisma.plan.findMany({
    where: {
      shopId: (await prisma.listing.findUniqueOrThrow({ where: { id: listing.id } })).shopId,
      archivedAt: null,
      prices: { some: { archivedAt: null } },
      OR: [
        { includesAllListings: true },
        { includedCategories: { has: listing.category } },
        { listings: { some: { listingId: listing.id } } },
      ],
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, prices: currentPrices },
  });
  const groups = await prisma.review.groupBy({
    by: ["rating"],
    where: { listingId: listing.id, hiddenAt: null },
    _count: { _all: true },
  });
  const own = viewer
    ? await prisma.review.findUnique({
        where: { listingId_userId: { listingId: listing.id, userId: viewer.id } },
      })
    : null;
  const owned = viewer
    ? (await prisma.entitlement.count({
        where: { userId: viewer.id, listingId: listing.id, status: "ACTIVE" },
      })) > 0
    : false;
  return {
    listing,
    descriptionHtml: renderMarkdown(listing.description),
    aiGenerated: extra.aiGenerated,
    cover: extra.coverImage,
    exampleImages: Object.fromEntries(
      extra.examples.flatMap((row) => (row.image ? [[row.id, row.image]] : [])),
    ),
    isOwnListing: viewer !== null && viewer.id === extra.shop.ownerId,
    ownedBundleItemSlugs: ownedItems.flatMap((row) => bundleSlugs.get(row.listingId) ?? []),
    plans: plans.map((plan) => ({
      id: plan.id,
      name: plan.name,
      price: headlinePrice(plan.prices, listing.currency),
    })),
    owned,
    offer: await listingOffer(listing, buyer),
    reviews: {
      distribution: [5, 4, 3, 2, 1].map((stars) => ({
        stars,
        count: groups.find((group) => group.rating === stars)?._count._all ?? 0,
      })),
      hasOwnReview: own !== null,
      shown: reviewRows.map(reviewView),
    },
    signedIn: viewer !== null,
    canonicalUrl,
  };
}

export async function referenceShopPage(handle: string, canonicalUrl: string) {
  const shop = await prisma.shop.findUnique({
    where: { handle },
    select: {
      handle: true,
      name: true,
      bio: true,
      links: true,
      avatarImage: { select: publicImageSelect },
      listings: {
        where: { status: "PUBLISHED", takenDownAt: null },
        orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
        select: {
          ...cardSelect,
          tiers: {
            where: { archivedAt: null },
            orderBy: { position: "asc" },
            take: 1,
            select: { prices: { orderBy: { currency: "asc" }, select: { currency: true, amount: true } } },
          },
        },
      },
    },
  });
  if (!shop) return null;
  const plans = await prisma.plan.findMany({
    where: { shop: { handle }, archivedAt: null, prices: { some: { archivedAt: null } } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      trialDays: true,
      includesAllListings: true,
      includedCategories: true,
      shopId: true,
      prices: currentPrices,
    },
  });
  return {
    shop,
    plans: await Promise.all(
      plans.map(async ({ shopId, ...plan }) => ({
        ...plan,
        listingCount: await prisma.listing.count({
          where: { AND: [planListingsWhere({ ...plan, shopId }), { takenDownAt: null }] },
        }),
      })),
    ),
    canonicalUrl,
  };
}
