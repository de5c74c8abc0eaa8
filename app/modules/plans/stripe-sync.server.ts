import {
  describeStripeFailure,
  ensurePlanPrice,
  listProductPrices,
  setPriceActive,
  upsertPlanProduct,
} from "~/integrations/stripe-catalog.server.ts";
import { prisma } from "~/utils/db.server.ts";

/**
 * Stapel's database says what a plan is; Stripe mirrors it. `syncPlanToStripe` makes Stripe match:
 * the plan's Product (name, description, active unless the plan is archived), one Price per
 * current PlanPrice row (created if missing), and every other Price of the Product archived
 * (`active: false`: Stripe prices are immutable and cannot be deleted). It only ever creates what
 * is missing and flips `active`, so it is safe to run any number of times, after a failure, at
 * every start, and against real Stripe.
 */

export type PlanSyncResult = { ok: true; created: number } | { ok: false; message: string };

const intervalWord = { MONTH: "monthly", YEAR: "yearly" } as const;

export async function syncPlanToStripe(planId: string): Promise<PlanSyncResult> {
  const plan = await prisma.plan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      shopId: true,
      name: true,
      description: true,
      archivedAt: true,
      stripeProductId: true,
      prices: {
        select: {
          id: true,
          amount: true,
          currency: true,
          interval: true,
          stripePriceId: true,
          archivedAt: true,
        },
      },
    },
  });
  if (!plan) return { ok: false, message: "The plan does not exist." };
  try {
    const active = plan.archivedAt === null;
    const product = await upsertPlanProduct({
      planId: plan.id,
      shopId: plan.shopId,
      name: plan.name,
      description: plan.description,
      active,
    });
    if (plan.stripeProductId !== product.id) {
      await prisma.plan.update({ where: { id: plan.id }, data: { stripeProductId: product.id } });
    }

    let created = 0;
    const wanted = new Set<string>();
    for (const price of plan.prices.filter((row) => row.archivedAt === null)) {
      let stripePriceId = price.stripePriceId;
      if (!stripePriceId) {
        const made = await ensurePlanPrice({
          planPriceId: price.id,
          planId: plan.id,
          productId: product.id,
          amount: price.amount,
          currency: price.currency,
          interval: price.interval,
          nickname: `${plan.name}, ${intervalWord[price.interval]} ${price.currency}`.slice(0, 250),
        });
        stripePriceId = made.id;
        created++;
        await prisma.planPrice.updateMany({
          where: { id: price.id, stripePriceId: null },
          data: { stripePriceId },
        });
      }
      if (active) wanted.add(stripePriceId);
    }

    for (const price of await listProductPrices(product.id)) {
      const shouldBeActive = wanted.has(price.id);
      if (price.active !== shouldBeActive) await setPriceActive(price.id, shouldBeActive);
    }
    return { ok: true, created };
  } catch (error) {
    console.warn(`Stripe sync of plan ${plan.id} failed: ${describeStripeFailure(error)}`);
    return { ok: false, message: describeStripeFailure(error) };
  }
}

/**
 * At start-up: plans whose Product or current Prices were never created in the configured Stripe
 * (the seeded demo plans, or a save while Stripe was unreachable) get them now. Plans already in
 * Stripe are left alone, so a restart costs one query.
 */
export async function syncPlansMissingFromStripe(
  log: (line: string) => void = () => {},
): Promise<{ synced: number; failed: number }> {
  const plans = await prisma.plan.findMany({
    where: {
      OR: [{ stripeProductId: null }, { prices: { some: { archivedAt: null, stripePriceId: null } } }],
    },
    select: { id: true, name: true },
    orderBy: { createdAt: "asc" },
  });
  let synced = 0;
  let failed = 0;
  for (const plan of plans) {
    const result = await syncPlanToStripe(plan.id);
    if (result.ok) synced++;
    else {
      failed++;
      log(`plan "${plan.name}" (${plan.id}) is not in Stripe yet: ${result.message}`);
    }
  }
  if (plans.length > 0) log(`Stripe products and prices created for ${synced} of ${plans.length} plans`);
  return { synced, failed };
}
