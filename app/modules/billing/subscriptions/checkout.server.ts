import { isStripeResourceMissing, type Stripe, stripe } from "~/integrations/stripe.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { idOf } from "../stripe-event-objects.ts";
import { syncSubscriptionFromStripe } from "./apply.server.ts";

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
  return {
    status: "fulfilled",
    subscriptionId: subscription.id,
    userId: subscription.userId,
    planId: subscription.planId,
    grantsAccess: subscription.grantsAccess,
  };
}
