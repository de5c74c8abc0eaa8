import { prisma } from "~/utils/db.server.ts";
import type { SubscriptionObject, TestClockObject } from "../stripe-event-objects.ts";
import { type HandlerOutcome, handled, ignored } from "../stripe-event-outcomes.ts";
import { resyncSubscriptionAccess } from "./access.server.ts";
import { type SubscriptionSyncOutcome, syncSubscriptionFromStripe } from "./apply.server.ts";
import { fulfilSubscriptionCheckout } from "./checkout.server.ts";
import { queueTrialEndingEmail } from "./emails.server.ts";
import { WAITING_TRANSACTION } from "./transactions.ts";

const outcomeOf = (synced: SubscriptionSyncOutcome): HandlerOutcome =>
  synced.kind === "applied"
    ? handled
    : ignored(synced.kind === "not-ours" ? "UNKNOWN_SUBSCRIPTION" : "MALFORMED_OBJECT", synced.detail);

/**
 * customer.subscription.created, .updated (status, plan change, cancel_at_period_end, pause),
 * .deleted, .paused, .resumed: each carries the whole subscription, so all of them apply it the same
 * way; the sync decides whether the object is newer than what is stored.
 */
export async function handleSubscriptionChanged(
  subscription: SubscriptionObject,
  event: { created: number },
): Promise<HandlerOutcome> {
  return outcomeOf(
    await syncSubscriptionFromStripe(subscription.id, { object: subscription, created: event.created }),
  );
}

/**
 * customer.subscription.trial_will_end: three days before a trial ends (or at once when a trial is
 * ended early). The reminder goes out only while the subscription is still trialing, once per trial end.
 */
export async function handleTrialWillEnd(
  subscription: SubscriptionObject,
  event: { created: number },
): Promise<HandlerOutcome> {
  const synced = await syncSubscriptionFromStripe(subscription.id, {
    object: subscription,
    created: event.created,
  });
  if (synced.kind !== "applied") return outcomeOf(synced);
  await prisma.$transaction(async (tx) => {
    const stored = await tx.subscription.findUniqueOrThrow({
      where: { id: synced.subscriptionId },
      select: { status: true, trialEnd: true, cancelAtPeriodEnd: true },
    });
    if (stored.status === "TRIALING" && stored.trialEnd && !stored.cancelAtPeriodEnd)
      await queueTrialEndingEmail(tx, synced.subscriptionId, stored.trialEnd);
  }, WAITING_TRANSACTION);
  return handled;
}

/** checkout.session.completed for a subscription: the same fulfilment as the success page. */
export async function handleSubscriptionCheckoutCompleted(session: { id: string }): Promise<HandlerOutcome> {
  const result = await fulfilSubscriptionCheckout(session.id);
  if (result.status === "unknown")
    return ignored("UNKNOWN_CHECKOUT_SESSION", `${session.id} is not a subscription checkout of Stapel's`);
  // "pending": paid by a delayed method; the subscription's own events follow.
  return handled;
}

/**
 * test_helpers.test_clock.ready (Stripe test mode): a clock was advanced. Renewals and retries
 * arrive as their own events; what moves only with time (a grace period running out) is decided
 * again here for every subscription on that clock.
 */
export async function handleTestClockReady(clock: TestClockObject): Promise<HandlerOutcome> {
  const subscriptions = await prisma.subscription.findMany({
    where: { stripeTestClockId: clock.id, OR: [{ grantsAccess: true }, { status: "PAST_DUE" }] },
    select: { id: true },
  });
  for (const subscription of subscriptions) await resyncSubscriptionAccess(subscription.id);
  return handled;
}
