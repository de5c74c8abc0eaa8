import { enqueuePlanGrantSync } from "~/modules/billing/subscriptions/plan-grants.server.ts";
import { prisma, type Tx } from "~/utils/db.server.ts";
import { type PlanFormValue, PRICE_SLOTS, type ShopChoices } from "./forms.ts";
import { type PlanSyncResult, syncPlanToStripe } from "./stripe-sync.server.ts";
import { LIVE_SUBSCRIPTION_STATUSES } from "./subscription-status.ts";

/**
 * Sellers' plans: create, edit, archive, restore. The database is written first, in one
 * transaction; Stripe is then brought to match (`syncPlanToStripe`), and a Stripe failure leaves a
 * saved plan that is synced again on the next save, on the next subscribe and at start-up.
 *
 * When an edit changes what a plan includes, the same transaction queues the re-sync of its
 * subscribers' grants (a durable job): listings that joined are granted at once, listings that left
 * are revoked unless bought separately.
 */

export type PlanRefusal = "not-found" | "archived";

/** The shop's published listings and their categories: what a plan can include. */
export async function shopPlanChoices(shopId: string) {
  const listings = await prisma.listing.findMany({
    where: { shopId, status: "PUBLISHED" },
    select: { id: true, title: true, slug: true, category: true },
    orderBy: [{ category: "asc" }, { title: "asc" }],
  });
  const categories = [...new Set(listings.map((listing) => listing.category))];
  return { listings, categories };
}

export function choicesForValidation(choices: Awaited<ReturnType<typeof shopPlanChoices>>): ShopChoices {
  return {
    listingIds: new Set(choices.listings.map((listing) => listing.id)),
    categories: new Set(choices.categories),
  };
}

const liveSubscription = { status: { in: [...LIVE_SUBSCRIPTION_STATUSES] } };

/** The dashboard's list: every plan of the shop, newest first, with current prices and subscribers. */
export async function listSellerPlans(shopId: string) {
  const plans = await prisma.plan.findMany({
    where: { shopId },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      archivedAt: true,
      trialDays: true,
      includesAllListings: true,
      stripeProductId: true,
      prices: {
        where: { archivedAt: null },
        orderBy: [{ interval: "asc" }, { currency: "asc" }],
        select: { id: true, amount: true, currency: true, interval: true, stripePriceId: true },
      },
      _count: { select: { subscriptions: { where: liveSubscription } } },
    },
  });
  return plans.map(({ _count, ...plan }) => ({
    ...plan,
    subscriberCount: _count.subscriptions,
    inStripe: plan.stripeProductId !== null && plan.prices.every((price) => price.stripePriceId !== null),
  }));
}

/** One plan of the shop for its edit page; null for another shop's plan or none. */
export async function getSellerPlan(shopId: string, planId: string) {
  const plan = await prisma.plan.findFirst({
    where: { id: planId, shopId },
    select: {
      id: true,
      name: true,
      description: true,
      includesAllListings: true,
      includedCategories: true,
      trialDays: true,
      archivedAt: true,
      stripeProductId: true,
      listings: { select: { listingId: true } },
      prices: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          amount: true,
          currency: true,
          interval: true,
          stripePriceId: true,
          archivedAt: true,
          createdAt: true,
          _count: { select: { subscriptions: { where: liveSubscription } } },
        },
      },
    },
  });
  if (!plan) return null;
  const { listings, prices, ...rest } = plan;
  return {
    ...rest,
    listingIds: listings.map((row) => row.listingId),
    prices: prices.map(({ _count, ...price }) => ({ ...price, subscriberCount: _count.subscriptions })),
    subscribersOnOldPrices: await countSubscribersToMove(plan.id),
  };
}

/** Subscribers on a replaced price whose interval and currency still have a current price. */
export async function countSubscribersToMove(planId: string): Promise<number> {
  const current = await prisma.planPrice.findMany({
    where: { planId, archivedAt: null },
    select: { interval: true, currency: true },
  });
  if (current.length === 0) return 0;
  return prisma.subscription.count({
    where: {
      planId,
      ...liveSubscription,
      planPrice: {
        archivedAt: { not: null },
        OR: current.map((slot) => ({ interval: slot.interval, currency: slot.currency })),
      },
    },
  });
}

export type PriceChange = {
  interval: "MONTH" | "YEAR";
  currency: string;
  from: number | null;
  to: number | null;
};

export type SavedPlan = {
  ok: true;
  planId: string;
  priceChanges: PriceChange[];
  contentsChanged: boolean;
  stripe: PlanSyncResult;
};

/** A new plan, then its Product and Prices in Stripe. */
export async function createPlan(shopId: string, value: PlanFormValue): Promise<SavedPlan> {
  const planId = await prisma.$transaction(async (tx) => {
    const plan = await tx.plan.create({ data: { shopId, ...planColumns(value) }, select: { id: true } });
    await writeChosenListings(tx, plan.id, value);
    await tx.planPrice.createMany({
      data: PRICE_SLOTS.flatMap((slot) => {
        const amount = value[slot.field];
        return amount === null
          ? []
          : [{ planId: plan.id, amount, currency: slot.currency, interval: slot.interval }];
      }),
    });
    return plan.id;
  });
  const stripe = await syncPlanToStripe(planId);
  return {
    ok: true,
    planId,
    priceChanges: PRICE_SLOTS.filter((slot) => value[slot.field] !== null).map((slot) => ({
      interval: slot.interval,
      currency: slot.currency,
      from: null,
      to: value[slot.field],
    })),
    contentsChanged: true,
    stripe,
  };
}

/**
 * Saves an edit. A changed amount archives the old PlanPrice (its subscribers keep paying it) and
 * adds a new one; Stripe gets a new Price and the old one is archived there too.
 */
export async function updatePlan(
  shopId: string,
  planId: string,
  value: PlanFormValue,
): Promise<SavedPlan | { ok: false; refusal: PlanRefusal }> {
  const saved = await prisma.$transaction(async (tx) => {
    // One edit at a time per plan: two saves must not both replace the same price.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Plan" WHERE id = ${planId} AND "shopId" = ${shopId} FOR UPDATE`;
    if (locked.length === 0) return null;
    const before = await tx.plan.findUniqueOrThrow({
      where: { id: planId },
      select: {
        includesAllListings: true,
        includedCategories: true,
        listings: { select: { listingId: true } },
        prices: {
          where: { archivedAt: null },
          select: { id: true, amount: true, currency: true, interval: true },
        },
      },
    });
    await tx.plan.update({ where: { id: planId }, data: planColumns(value) });
    await writeChosenListings(tx, planId, value);

    const now = new Date();
    const priceChanges: PriceChange[] = [];
    for (const slot of PRICE_SLOTS) {
      const amount = value[slot.field];
      const current = before.prices.filter(
        (price) => price.interval === slot.interval && price.currency === slot.currency,
      );
      const keep = current.find((price) => price.amount === amount);
      const replaced = current.filter((price) => price !== keep);
      if (replaced.length > 0) {
        await tx.planPrice.updateMany({
          where: { id: { in: replaced.map((price) => price.id) } },
          data: { archivedAt: now },
        });
      }
      if (amount !== null && !keep) {
        await tx.planPrice.create({
          data: { planId, amount, currency: slot.currency, interval: slot.interval },
        });
      }
      if (!keep && (amount !== null || replaced.length > 0)) {
        priceChanges.push({
          interval: slot.interval,
          currency: slot.currency,
          from: replaced[0]?.amount ?? null,
          to: amount,
        });
      }
    }

    const after = normalisedContents(value);
    const contentsChanged =
      before.includesAllListings !== after.includesAllListings ||
      !sameSet(before.includedCategories, after.includedCategories) ||
      !sameSet(
        before.listings.map((row) => row.listingId),
        after.listingIds,
      );
    if (contentsChanged) await enqueuePlanGrantSync(tx, planId);
    return { priceChanges, contentsChanged };
  });
  if (!saved) return { ok: false, refusal: "not-found" };
  const stripe = await syncPlanToStripe(planId);
  return { ok: true, planId, ...saved, stripe };
}

/** Archived plans take no new subscribers (their Stripe Prices and Product are archived too). */
export async function setPlanArchived(
  shopId: string,
  planId: string,
  archived: boolean,
): Promise<{ ok: true; stripe: PlanSyncResult } | { ok: false; refusal: PlanRefusal }> {
  const updated = await prisma.plan.updateMany({
    where: { id: planId, shopId },
    data: { archivedAt: archived ? new Date() : null },
  });
  if (updated.count === 0) return { ok: false, refusal: "not-found" };
  return { ok: true, stripe: await syncPlanToStripe(planId) };
}

function normalisedContents(value: PlanFormValue) {
  const everything = value.grants === "everything";
  return {
    includesAllListings: everything,
    includedCategories: everything ? [] : [...value.categories].sort(),
    listingIds: everything ? [] : value.listingIds,
  };
}

function planColumns(value: PlanFormValue) {
  const { includesAllListings, includedCategories } = normalisedContents(value);
  return {
    name: value.name,
    description: value.description,
    includesAllListings,
    includedCategories,
    trialDays: value.trialDays,
  };
}

async function writeChosenListings(tx: Tx, planId: string, value: PlanFormValue) {
  const { listingIds } = normalisedContents(value);
  await tx.planListing.deleteMany({ where: { planId, listingId: { notIn: listingIds } } });
  if (listingIds.length > 0) {
    await tx.planListing.createMany({
      data: listingIds.map((listingId) => ({ planId, listingId })),
      skipDuplicates: true,
    });
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}
