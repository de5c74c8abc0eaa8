import { describeStripeFailure, moveSubscriptionToPrice } from "~/integrations/stripe-catalog.server.ts";
import { prisma } from "~/utils/db.server.ts";
import type { PlanRefusal } from "./seller-plans.server.ts";
import { LIVE_SUBSCRIPTION_STATUSES } from "./subscription-status.ts";

/**
 * When a seller changes a price, existing subscribers keep the old one unless the seller moves
 * them. A move changes each subscription's item to the current price of the same interval and
 * currency with `proration_behavior: "create_prorations"` (the difference for the rest of the
 * period lands on the next invoice).
 *
 * A bounded loop: at most `limit` subscriptions per call, each Stripe call keyed by subscription and
 * target price, so a repeat (the seller pressing again, a retry after a failure) moves only the ones
 * still on an old price and never moves anyone twice. What is left is reported, and the page
 * offers to continue.
 */

export const MOVE_BATCH_SIZE = 25;

export type MoveOutcome =
  | { ok: true; moved: number; failed: number; remaining: number }
  | { ok: false; refusal: PlanRefusal | "stripe-not-ready" };

export async function moveSubscribersToCurrentPrices(
  shopId: string,
  planId: string,
  limit = MOVE_BATCH_SIZE,
): Promise<MoveOutcome> {
  const plan = await prisma.plan.findFirst({
    where: { id: planId, shopId },
    select: {
      archivedAt: true,
      prices: {
        where: { archivedAt: null },
        select: { id: true, interval: true, currency: true, stripePriceId: true },
      },
    },
  });
  if (!plan) return { ok: false, refusal: "not-found" };
  // Archived prices cannot take subscriptions at Stripe.
  if (plan.archivedAt) return { ok: false, refusal: "archived" };
  const targets = plan.prices.filter((price) => price.stripePriceId !== null);
  if (targets.length < plan.prices.length) return { ok: false, refusal: "stripe-not-ready" };
  if (targets.length === 0) return { ok: true, moved: 0, failed: 0, remaining: 0 };

  const where = {
    planId,
    status: { in: [...LIVE_SUBSCRIPTION_STATUSES] },
    planPrice: {
      archivedAt: { not: null },
      OR: targets.map((price) => ({ interval: price.interval, currency: price.currency })),
    },
  };
  const batch = await prisma.subscription.findMany({
    where,
    select: {
      id: true,
      stripeSubscriptionId: true,
      planPrice: { select: { interval: true, currency: true } },
    },
    orderBy: { createdAt: "asc" },
    take: limit,
  });

  let moved = 0;
  let failed = 0;
  for (const subscription of batch) {
    const target = targets.find(
      (price) =>
        price.interval === subscription.planPrice?.interval &&
        price.currency === subscription.planPrice?.currency,
    );
    if (!target?.stripePriceId) continue;
    try {
      const outcome = await moveSubscriptionToPrice(subscription.stripeSubscriptionId, target.stripePriceId);
      if (outcome.kind === "moved" || outcome.kind === "already-there") {
        // Stripe's customer.subscription.updated says the same; recording it now shows it at once.
        await prisma.subscription.update({
          where: { id: subscription.id },
          data: { planPriceId: target.id },
        });
        moved++;
      }
    } catch (error) {
      failed++;
      console.warn(
        `Moving subscription ${subscription.stripeSubscriptionId} to ${target.stripePriceId} failed: ${describeStripeFailure(error)}`,
      );
    }
  }
  const remaining = await prisma.subscription.count({ where });
  return { ok: true, moved, failed, remaining };
}
