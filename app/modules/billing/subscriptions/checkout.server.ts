import { isStripeResourceMissing, type Stripe, stripe } from "~/integrations/stripe.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { idOf } from "../stripe-event-objects.ts";
import { syncSubscriptionFromStripe } from "./apply.server.ts";
import { WAITING_TRANSACTION } from "./transactions.ts";

export type SubscriptionCheckoutResult =
  | {
      status: "fulfilled";
      subscriptionId: string;
      userId: string;
      planId: string;
      /** Whether the subscription grants access now (false while its first payment is pending). */
      grantsAccess: boolean;
    }
  /** Not completed or not paid yet (an asynchronous payment method): the webhooks follow. */
  | { status: "pending" }
  /** Not a subscription Checkout of Stapel's (or Stripe does not know it). */
  | { status: "unknown" };

/**
 * Fulfils a subscription Checkout Session: records the subscription and grants what its plan
 * includes; a trial grants at once. The success page and the checkout.session.completed webhook
 * both call it, in either order and any number of times: it asks Stripe for the session (a success
 * URL can be forged, Stripe cannot) and applies the subscription through the same locked sync as
 * every subscription event, so repeats change nothing.
 */
export async function fulfilSubscriptionCheckout(sessionId: string): Promise<SubscriptionCheckoutResult> {
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe().checkout.sessions.retrieve(sessionId);
  } catch (error) {
    if (isStripeResourceMissing(error)) return { status: "unknown" };
    throw error;
  }
  if (session.mode !== "subscription" || session.metadata?.kind !== "subscription")
    return { status: "unknown" };
  if (session.status !== "complete") return { status: "pending" };
  if (session.payment_status !== "paid" && session.payment_status !== "no_payment_required")
    return { status: "pending" };
  const stripeSubscriptionId = idOf(session.subscription);
  if (!stripeSubscriptionId) return { status: "pending" };

  const synced = await syncSubscriptionFromStripe(stripeSubscriptionId);
  if (synced.kind !== "applied") return { status: "unknown" };
  const subscription = await prisma.subscription.findUniqueOrThrow({
    where: { id: synced.subscriptionId },
    select: { id: true, userId: true, planId: true, grantsAccess: true },
  });
  await countPlanRedemption(session, stripeSubscriptionId, subscription.planId);
  return {
    status: "fulfilled",
    subscriptionId: subscription.id,
    userId: subscription.userId,
    planId: subscription.planId,
    grantsAccess: subscription.grantsAccess,
  };
}

/** Set on the Stripe subscription once its discount code's redemption is counted. */
const REDEMPTION_COUNTED = "stapel_redemption_counted";

/**
 * One redemption of the code the Checkout used (typed on our plan page or on Stripe's), once per
 * subscription. The schema has no column linking a subscription to its code, so the mark is kept on
 * the Stripe subscription's metadata, checked and set under a lock on the subscription (the success
 * page and the webhook can fulfil at the same moment): the count is incremented in a transaction
 * that commits only after Stripe has the mark, so a failed Stripe call counts nothing and the next
 * fulfilment counts again.
 */
async function countPlanRedemption(
  session: Stripe.Checkout.Session,
  stripeSubscriptionId: string,
  planId: string,
) {
  const promotion = session.discounts?.[0]?.promotion_code;
  const promotionId = typeof promotion === "string" ? promotion : (promotion?.id ?? null);
  if (!promotionId) return;
  const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId }, select: { shopId: true } });
  // A code of another shop cannot apply to this plan's prices; if one did, it is not counted here.
  const code = await prisma.discountCode.findFirst({
    where: { stripePromotionCodeId: promotionId, shopId: plan.shopId },
    select: { id: true },
  });
  if (!code) return;
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`plan-redemption:${stripeSubscriptionId}`}, 0))`;
    const subscription = await stripe().subscriptions.retrieve(stripeSubscriptionId);
    if (subscription.metadata?.[REDEMPTION_COUNTED]) return;
    await tx.discountCode.update({ where: { id: code.id }, data: { redemptionCount: { increment: 1 } } });
    await stripe().subscriptions.update(stripeSubscriptionId, {
      metadata: { [REDEMPTION_COUNTED]: code.id },
    });
  }, WAITING_TRANSACTION);
}
