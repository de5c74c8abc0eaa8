import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { planListingsWhere } from "./contents.server.ts";
import { LIVE_SUBSCRIPTION_STATUSES } from "./subscription-status.ts";

/**
 * Public reads of plans: a plan's own page, and the price the listing page shows for a plan that
 * includes it (the shop and listing pages read their plans in their own statement, ADR 33).
 * Explicit selects that never touch paid content, as in the catalogue.
 */

const currentPrices = {
  where: { archivedAt: null },
  orderBy: [{ interval: "asc" }, { currency: "asc" }],
  select: { id: true, amount: true, currency: true, interval: true },
} satisfies Prisma.Plan$pricesArgs;

export type PlanPriceView = { id: string; amount: number; currency: string; interval: "MONTH" | "YEAR" };

const includedListingSelect = {
  id: true,
  slug: true,
  type: true,
  title: true,
  tagline: true,
  aiModels: true,
  category: true,
  priceAmount: true,
  currency: true,
  // The first live tier's prices: the card shows the one in the viewer's currency.
  tiers: {
    where: { archivedAt: null },
    orderBy: { position: "asc" },
    take: 1,
    select: { prices: { select: { currency: true, amount: true } } },
  },
} satisfies Prisma.ListingSelect;

/** A plan's page: the plan, its shop, current prices, and every listing it includes now. */
export async function getStorefrontPlan(handle: string, planId: string) {
  const plan = await prisma.plan.findFirst({
    where: { id: planId, shop: { handle } },
    select: {
      id: true,
      shopId: true,
      name: true,
      description: true,
      trialDays: true,
      archivedAt: true,
      includesAllListings: true,
      includedCategories: true,
      shop: { select: { handle: true, name: true } },
      prices: currentPrices,
    },
  });
  if (!plan) return null;
  const listings = await prisma.listing.findMany({
    where: { AND: [planListingsWhere(plan), { takenDownAt: null }] },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    select: includedListingSelect,
  });
  const { shopId: _shopId, ...view } = plan;
  return { ...view, archived: plan.archivedAt !== null, listings };
}

/**
 * The price to show next to a listing's own for a plan (the listing page; its plans come with the
 * page's one statement, ADR 33): monthly in the listing's currency if there is one, else the first
 * monthly, else the first yearly.
 */
export function headlinePrice<T extends PlanPriceView>(prices: T[], currency: string): T | null {
  const monthly = prices.filter((price) => price.interval === "MONTH");
  return (
    monthly.find((price) => price.currency === currency) ??
    monthly[0] ??
    prices.find((price) => price.currency === currency) ??
    prices[0] ??
    null
  );
}

/** The user's live subscription to a plan, if any: the page then shows it instead of Subscribe. */
export async function findLiveSubscription(userId: string, planId: string) {
  return prisma.subscription.findFirst({
    where: { userId, planId, status: { in: [...LIVE_SUBSCRIPTION_STATUSES] } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      cancelAtPeriodEnd: true,
      currentPeriodEnd: true,
      trialEnd: true,
      planPrice: { select: { amount: true, currency: true, interval: true } },
    },
  });
}

/** What a subscriber sees about one of their own subscriptions (the success page); null for others'. */
export async function getSubscriberSummary(subscriptionId: string, userId: string) {
  return prisma.subscription.findFirst({
    where: { id: subscriptionId, userId },
    select: {
      id: true,
      status: true,
      trialEnd: true,
      currentPeriodEnd: true,
      plan: { select: { id: true, name: true, shop: { select: { handle: true, name: true } } } },
      planPrice: { select: { amount: true, currency: true, interval: true } },
    },
  });
}
