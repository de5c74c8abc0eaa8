import type { Task } from "graphile-worker";
import { z } from "zod";
import { isStripeResourceMissing, stripe } from "~/integrations/stripe.server.ts";
import { type SubscriptionGrantSync, syncSubscriptionGrants } from "~/modules/delivery/grants.server.ts";
import { enqueueJob } from "~/modules/jobs/queue.server.ts";
import { prisma, type Tx } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { queueAccessEndedEmail, queueWelcomeEmail } from "./emails.server.ts";
import { WAITING_TRANSACTION } from "./transactions.ts";

/**
 * Brings a subscription's entitlements in line with its stored state (the grants module decides
 * what that means) and sends what a change of access calls for: the welcome email when access
 * begins, the access-ended email when it ends. While a past-due subscription is in its grace
 * period, a durable job is due at the grace period's end to run this again, so access ends on time
 * without any event from Stripe (the hourly reconcile catches it too).
 */
export async function refreshSubscriptionAccess(
  tx: Tx,
  subscriptionId: string,
  now: Date,
): Promise<SubscriptionGrantSync> {
  const sync = await syncSubscriptionGrants(tx, subscriptionId, {
    now,
    graceDays: env().SUBSCRIPTION_GRACE_DAYS,
  });
  if (!sync.grantedBefore && sync.access.grants) await queueWelcomeEmail(tx, subscriptionId, sync.access);
  if (sync.grantedBefore && !sync.access.grants)
    await queueAccessEndedEmail(tx, subscriptionId, sync.access, now);
  if (sync.access.grants && sync.access.reason === "past-due-grace" && sync.access.endsAt) {
    // On a test clock the grace period ends in the clock's time, which only moves when the clock is
    // advanced; test_helpers.test_clock.ready re-decides it then (a job would be due at once, forever).
    const { stripeTestClockId } = await tx.subscription.findUniqueOrThrow({
      where: { id: subscriptionId },
      select: { stripeTestClockId: true },
    });
    if (stripeTestClockId) return sync;
    await enqueueJob(
      tx,
      "sync-subscription-access",
      { subscriptionId },
      { jobKey: `subscription-access:${subscriptionId}`, runAt: sync.access.endsAt, mode: "replace" },
    );
  }
  return sync;
}

/**
 * "Now" for a subscription. In Stripe test mode a subscription may run on a test clock, whose
 * frozen time is the subscription's present (renewals and retries happen when the clock is
 * advanced); the grace period is then counted on that clock, not on this server's.
 */
export async function stripeNowFor(stripeTestClockId: string | null): Promise<Date> {
  if (!stripeTestClockId) return new Date();
  try {
    const clock = await stripe().testHelpers.testClocks.retrieve(stripeTestClockId);
    return new Date(clock.frozen_time * 1000);
  } catch (error) {
    // A deleted test clock takes its subscriptions with it; the server's time is as good as any.
    if (isStripeResourceMissing(error)) return new Date();
    throw error;
  }
}

/** Re-decides one subscription's access now: the grace period's end, a test clock moved. */
export async function resyncSubscriptionAccess(
  subscriptionId: string,
): Promise<SubscriptionGrantSync | null> {
  const subscription = await prisma.subscription.findUnique({
    where: { id: subscriptionId },
    select: { id: true, stripeTestClockId: true },
  });
  if (!subscription) return null;
  const now = await stripeNowFor(subscription.stripeTestClockId);
  return prisma.$transaction(
    (tx) => refreshSubscriptionAccess(tx, subscription.id, now),
    WAITING_TRANSACTION,
  );
}

const SubscriptionJobPayload = z.object({ subscriptionId: z.string() });

export const syncSubscriptionAccessTask: Task = async (payload) => {
  await resyncSubscriptionAccess(SubscriptionJobPayload.parse(payload).subscriptionId);
};
