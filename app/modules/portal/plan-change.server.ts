import {
  changeSubscriptionPrice,
  type PriceChange,
  type PriceChangePreview,
  previewPriceChange,
  retrieveSubscription,
} from "~/integrations/stripe-billing.server.ts";
import { describeStripeFailure } from "~/integrations/stripe-catalog.server.ts";
import { stripeNowFor } from "~/modules/billing/subscriptions/access.server.ts";
import { syncSubscriptionFromStripe } from "~/modules/billing/subscriptions/apply.server.ts";
import { prisma } from "~/utils/db.server.ts";

/**
 * Changing plan from the account page: to another price of the same plan (monthly <-> yearly) or to
 * another plan of the same shop, in the subscription's currency (Stripe keeps one currency per
 * subscription). The prorated amount is previewed with Stripe's invoices.createPreview for a fixed
 * proration date; confirming repeats that date, so what is charged is what was shown.
 */

/** A preview older than this is computed again: the proration would have moved on. */
const PREVIEW_LIFETIME_SECONDS = 60 * 60;

export type PlanChoice = {
  planPriceId: string;
  planName: string;
  amount: number;
  currency: string;
  interval: "MONTH" | "YEAR";
  current: boolean;
};

async function findChangeable(userId: string, subscriptionId: string) {
  return prisma.subscription.findFirst({
    where: { id: subscriptionId, userId },
    select: {
      id: true,
      status: true,
      cancelAtPeriodEnd: true,
      stripeSubscriptionId: true,
      stripeCustomerId: true,
      stripeTestClockId: true,
      currentPeriodStart: true,
      planPriceId: true,
      plan: { select: { id: true, name: true, shopId: true, shop: { select: { name: true } } } },
      planPrice: { select: { amount: true, currency: true, interval: true } },
    },
  });
}
type Changeable = NonNullable<Awaited<ReturnType<typeof findChangeable>>>;

/** Prices the subscription may move to (on sale, in Stripe, same shop and currency), current first. */
async function choicesFor(subscription: Changeable): Promise<PlanChoice[]> {
  const currency = subscription.planPrice?.currency;
  if (!currency) return [];
  const prices = await prisma.planPrice.findMany({
    where: {
      OR: [
        ...(subscription.planPriceId ? [{ id: subscription.planPriceId }] : []),
        {
          currency,
          archivedAt: null,
          stripePriceId: { not: null },
          plan: { shopId: subscription.plan.shopId, archivedAt: null },
        },
      ],
    },
    orderBy: [{ plan: { createdAt: "asc" } }, { interval: "asc" }, { amount: "asc" }],
    select: { id: true, amount: true, currency: true, interval: true, plan: { select: { name: true } } },
  });
  return prices
    .map((price) => ({
      planPriceId: price.id,
      planName: price.plan.name,
      amount: price.amount,
      currency: price.currency,
      interval: price.interval,
      current: price.id === subscription.planPriceId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

export type PlanChangeRefusal =
  | "not-found"
  /** Past due, cancelling, ended: the account page says what to do first. */
  | "not-changeable"
  /** Not one of the choices (another shop's, another currency, archived) or the current price. */
  | "not-offered"
  | "preview-expired"
  | "payments-unavailable";

export type PlanChangePage =
  | { ok: false; refusal: "not-found" }
  | {
      ok: true;
      subscription: {
        id: string;
        planName: string;
        shopName: string;
        price: Changeable["planPrice"];
        changeable: boolean;
      };
      choices: PlanChoice[];
    };

export async function getPlanChangePage(userId: string, subscriptionId: string): Promise<PlanChangePage> {
  const subscription = await findChangeable(userId, subscriptionId);
  if (!subscription) return { ok: false, refusal: "not-found" };
  return {
    ok: true,
    subscription: {
      id: subscription.id,
      planName: subscription.plan.name,
      shopName: subscription.plan.shop.name,
      price: subscription.planPrice,
      changeable: isChangeable(subscription),
    },
    choices: await choicesFor(subscription),
  };
}

const isChangeable = (subscription: Changeable) =>
  (subscription.status === "ACTIVE" || subscription.status === "TRIALING") && !subscription.cancelAtPeriodEnd;

type PreparedChange =
  | { ok: false; refusal: PlanChangeRefusal }
  | {
      ok: true;
      subscription: Changeable;
      target: PlanChoice;
      change: Omit<PriceChange, "prorationDate">;
      now: number;
    };

async function prepareChange(
  userId: string,
  subscriptionId: string,
  planPriceId: string,
): Promise<PreparedChange> {
  const subscription = await findChangeable(userId, subscriptionId);
  if (!subscription) return { ok: false, refusal: "not-found" };
  if (!isChangeable(subscription) || !subscription.stripeCustomerId)
    return { ok: false, refusal: "not-changeable" };
  const target = (await choicesFor(subscription)).find((choice) => choice.planPriceId === planPriceId);
  if (!target || target.current) return { ok: false, refusal: "not-offered" };
  const price = await prisma.planPrice.findUniqueOrThrow({
    where: { id: target.planPriceId },
    select: { stripePriceId: true },
  });
  try {
    const stripeSubscription = await retrieveSubscription(subscription.stripeSubscriptionId);
    const item = stripeSubscription.items.data[0];
    if (!item || !price.stripePriceId) return { ok: false, refusal: "not-changeable" };
    const now = Math.floor((await stripeNowFor(subscription.stripeTestClockId)).getTime() / 1000);
    return {
      ok: true,
      subscription,
      target,
      now,
      change: {
        stripeCustomerId: subscription.stripeCustomerId,
        stripeSubscriptionId: subscription.stripeSubscriptionId,
        stripeItemId: item.id,
        stripePriceId: price.stripePriceId,
      },
    };
  } catch (error) {
    console.warn(
      `Stripe could not prepare a plan change of ${subscription.id}: ${describeStripeFailure(error)}`,
    );
    return { ok: false, refusal: "payments-unavailable" };
  }
}

export type PlanChangePreviewResult =
  | { ok: false; refusal: PlanChangeRefusal }
  | { ok: true; target: PlanChoice; preview: PriceChangePreview; prorationDate: number };

/** What the change would cost now, as Stripe computes it. Changes nothing. */
export async function previewPlanChange(
  userId: string,
  subscriptionId: string,
  planPriceId: string,
): Promise<PlanChangePreviewResult> {
  const prepared = await prepareChange(userId, subscriptionId, planPriceId);
  if (!prepared.ok) return prepared;
  try {
    const preview = await previewPriceChange({ ...prepared.change, prorationDate: prepared.now });
    return { ok: true, target: prepared.target, preview, prorationDate: prepared.now };
  } catch (error) {
    console.warn(
      `Stripe could not preview a plan change of ${subscriptionId}: ${describeStripeFailure(error)}`,
    );
    return { ok: false, refusal: "payments-unavailable" };
  }
}

export type PlanChangeResult =
  | { ok: false; refusal: PlanChangeRefusal }
  | { ok: false; refusal: "declined"; message: string }
  | { ok: true; target: PlanChoice };

/**
 * Moves the subscription to the previewed price with the preview's proration date. The date must
 * lie in the current period and be recent (in the subscription's time: its test clock's, in test
 * mode), so a stale or edited form cannot buy a cheaper proration.
 */
export async function confirmPlanChange(
  userId: string,
  subscriptionId: string,
  planPriceId: string,
  prorationDate: number,
): Promise<PlanChangeResult> {
  const prepared = await prepareChange(userId, subscriptionId, planPriceId);
  if (!prepared.ok) return prepared;
  const periodStart = prepared.subscription.currentPeriodStart
    ? Math.floor(prepared.subscription.currentPeriodStart.getTime() / 1000)
    : 0;
  if (
    prorationDate > prepared.now ||
    prorationDate < prepared.now - PREVIEW_LIFETIME_SECONDS ||
    prorationDate < periodStart
  )
    return { ok: false, refusal: "preview-expired" };
  try {
    const outcome = await changeSubscriptionPrice({ ...prepared.change, prorationDate });
    if (outcome.kind === "declined") return { ok: false, refusal: "declined", message: outcome.message };
  } catch (error) {
    console.warn(`Stripe refused a plan change of ${subscriptionId}: ${describeStripeFailure(error)}`);
    return { ok: false, refusal: "payments-unavailable" };
  }
  await syncSubscriptionFromStripe(prepared.subscription.stripeSubscriptionId);
  return { ok: true, target: prepared.target };
}
