import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";

/**
 * What a plan includes, decided in one place: every published listing of its shop when it
 * includes everything; otherwise the published listings of its shop in its categories plus the
 * ones chosen one by one. Listings published later join at once (they match the same rule), and
 * a listing unpublished or moved out of a category leaves at once.
 *
 * The subscription grants ask these functions; the storefront shows their answers.
 */

type PlanScope = {
  shopId: string;
  id: string;
  includesAllListings: boolean;
  includedCategories: string[];
};

type Db = Pick<Prisma.TransactionClient, "listing" | "plan">;

/** The listings a plan includes right now, as a Prisma filter. */
export function planListingsWhere(plan: PlanScope): Prisma.ListingWhereInput {
  const published: Prisma.ListingWhereInput = { shopId: plan.shopId, status: "PUBLISHED" };
  if (plan.includesAllListings) return published;
  return {
    ...published,
    OR: [
      ...(plan.includedCategories.length > 0 ? [{ category: { in: plan.includedCategories } }] : []),
      { plans: { some: { planId: plan.id } } },
    ],
  };
}

/** Ids of the published listings a plan includes now (archived plans too: their subscribers keep them). */
export async function resolvePlanListingIds(planId: string, db: Db = prisma): Promise<string[]> {
  const plan = await db.plan.findUnique({
    where: { id: planId },
    select: { id: true, shopId: true, includesAllListings: true, includedCategories: true },
  });
  if (!plan) return [];
  const listings = await db.listing.findMany({
    where: planListingsWhere(plan),
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return listings.map((listing) => listing.id);
}

/** Whether a plan includes a listing now. */
export async function planIncludesListing(planId: string, listingId: string, db: Db = prisma) {
  const plan = await db.plan.findUnique({
    where: { id: planId },
    select: { id: true, shopId: true, includesAllListings: true, includedCategories: true },
  });
  if (!plan) return false;
  const match = await db.listing.findFirst({
    where: { AND: [{ id: listingId }, planListingsWhere(plan)] },
    select: { id: true },
  });
  return match !== null;
}

/**
 * The plans that include a listing, for the listing page's "Included in …" and for granting a
 * newly published listing to current subscribers. Archived plans take no new subscribers but
 * their existing ones keep access, so `includeArchived` is for the latter.
 */
export async function plansIncludingListing(
  listingId: string,
  options: { includeArchived?: boolean } = {},
  db: Db = prisma,
): Promise<string[]> {
  const listing = await db.listing.findUnique({
    where: { id: listingId },
    select: { id: true, shopId: true, category: true, status: true },
  });
  if (listing?.status !== "PUBLISHED") return [];
  const plans = await db.plan.findMany({
    where: {
      shopId: listing.shopId,
      ...(!options.includeArchived && { archivedAt: null }),
      OR: [
        { includesAllListings: true },
        { includedCategories: { has: listing.category } },
        { listings: { some: { listingId: listing.id } } },
      ],
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return plans.map((plan) => plan.id);
}
