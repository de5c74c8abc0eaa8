import type { SubscriptionStatus } from "~/generated/prisma/enums.ts";
import { isStripeResourceMissing } from "~/integrations/stripe.server.ts";
import { createBillingPortalSession, setCancelAtPeriodEnd } from "~/integrations/stripe-billing.server.ts";
import { describeStripeFailure } from "~/integrations/stripe-catalog.server.ts";
import { syncSubscriptionFromStripe } from "~/modules/billing/subscriptions/apply.server.ts";
import { graceEndsAt } from "~/modules/delivery/subscription-access.ts";
import { LIVE_SUBSCRIPTION_STATUSES, subscriptionStatusLabel } from "~/modules/plans/subscription-status.ts";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";

/** Where a subscription stands, in the words the account page uses. */
export type SubscriptionStanding =
  | { kind: "renews"; on: string | null }
  | { kind: "trial"; until: string | null }
  | { kind: "ends"; on: string | null }
  | { kind: "past-due"; accessUntil: string }
  | { kind: "ended"; on: string | null }
  | { kind: "no-access" };

const CANCELLABLE: readonly SubscriptionStatus[] = ["ACTIVE", "TRIALING", "PAST_DUE"];
const CHANGEABLE: readonly SubscriptionStatus[] = ["ACTIVE", "TRIALING"];
const SHOWN = 50;

const subscriptionSelect = {
  id: true,
  status: true,
  cancelAtPeriodEnd: true,
  currentPeriodEnd: true,
  trialEnd: true,
  pastDueSince: true,
  endedAt: true,
  canceledAt: true,
  grantsAccess: true,
  stripeCustomerId: true,
  createdAt: true,
  plan: { select: { id: true, name: true, shop: { select: { name: true, handle: true } } } },
  planPrice: { select: { amount: true, currency: true, interval: true } },
} as const;

/**
 * The subscriber's subscriptions as the account page shows them: live ones first, then ended ones,
 * newest first. Never-completed checkouts (incomplete, expired) are left out: nothing was bought.
 */
export async function listAccountSubscriptions(userId: string) {
  const rows = await prisma.subscription.findMany({
    where: { userId, status: { notIn: ["INCOMPLETE", "INCOMPLETE_EXPIRED"] } },
    orderBy: { createdAt: "desc" },
    take: SHOWN,
    select: subscriptionSelect,
  });
  const live = new Set<SubscriptionStatus>(LIVE_SUBSCRIPTION_STATUSES);
  const views = rows.map((row) => ({
    id: row.id,
    plan: row.plan,
    price: row.planPrice,
    status: row.status,
    statusLabel:
      row.cancelAtPeriodEnd && live.has(row.status) ? "Cancelling" : subscriptionStatusLabel[row.status],
    standing: standingOf(row),
    grantsAccess: row.grantsAccess,
    can: {
      cancel: CANCELLABLE.includes(row.status) && !row.cancelAtPeriodEnd,
      resume: CANCELLABLE.includes(row.status) && row.cancelAtPeriodEnd,
      change: CHANGEABLE.includes(row.status) && !row.cancelAtPeriodEnd,
      manageBilling: row.stripeCustomerId !== null && live.has(row.status),
    },
  }));
  return views.sort((a, b) => Number(live.has(b.status)) - Number(live.has(a.status)));
}

export type AccountSubscription = Awaited<ReturnType<typeof listAccountSubscriptions>>[number];

type StandingInput = {
  status: SubscriptionStatus;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date | null;
  trialEnd: Date | null;
  pastDueSince: Date | null;
  endedAt: Date | null;
  canceledAt: Date | null;
  grantsAccess: boolean;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

function standingOf(row: StandingInput): SubscriptionStanding {
  switch (row.status) {
    case "ACTIVE":
      return row.cancelAtPeriodEnd
        ? { kind: "ends", on: iso(row.currentPeriodEnd) }
        : { kind: "renews", on: iso(row.currentPeriodEnd) };
    case "TRIALING":
      return row.cancelAtPeriodEnd
        ? { kind: "ends", on: iso(row.trialEnd ?? row.currentPeriodEnd) }
        : { kind: "trial", until: iso(row.trialEnd ?? row.currentPeriodEnd) };
    case "PAST_DUE":
      // Access was decided at the last sync; the grace period's end is when it stops.
      return row.grantsAccess && row.pastDueSince
        ? {
            kind: "past-due",
            accessUntil: graceEndsAt(row.pastDueSince, env().SUBSCRIPTION_GRACE_DAYS).toISOString(),
          }
        : { kind: "no-access" };
    case "CANCELED":
    case "INCOMPLETE_EXPIRED":
      return { kind: "ended", on: iso(row.endedAt ?? row.canceledAt) };
    default:
      return { kind: "no-access" };
  }
}

export type SubscriptionActionOutcome =
  | { kind: "cancelled"; planName: string; accessUntil: Date | null }
  | { kind: "resumed"; planName: string; renewsOn: Date | null }
  | { kind: "billing-portal"; url: string }
  | { kind: "not-found" }
  /** Ended (or never started) at Stripe: nothing left to cancel, resume or pay for. */
  | { kind: "ended" }
  | { kind: "payments-unavailable" };

async function findOwnSubscription(userId: string, subscriptionId: string) {
  return prisma.subscription.findFirst({
    where: { id: subscriptionId, userId },
    select: {
      id: true,
      status: true,
      cancelAtPeriodEnd: true,
      stripeSubscriptionId: true,
      stripeCustomerId: true,
      plan: { select: { name: true } },
    },
  });
}

/**
 * Schedules the subscription's cancellation at the period's end, or withdraws it. Stripe is told
 * first; what it answers is applied at once (the account page and access show it before the
 * webhook arrives, which then changes nothing). Asking twice is the same as asking once.
 */
export async function setSubscriptionCancellation(
  userId: string,
  subscriptionId: string,
  cancel: boolean,
): Promise<SubscriptionActionOutcome> {
  const subscription = await findOwnSubscription(userId, subscriptionId);
  if (!subscription) return { kind: "not-found" };
  if (!CANCELLABLE.includes(subscription.status)) return { kind: "ended" };
  if (subscription.cancelAtPeriodEnd !== cancel) {
    const changed = await callStripe(subscription.stripeSubscriptionId, () =>
      setCancelAtPeriodEnd(subscription.stripeSubscriptionId, cancel),
    );
    if (changed !== "ok") return { kind: changed };
  }
  const now = await prisma.subscription.findUniqueOrThrow({
    where: { id: subscription.id },
    select: { status: true, cancelAtPeriodEnd: true, currentPeriodEnd: true, trialEnd: true },
  });
  if (!CANCELLABLE.includes(now.status)) return { kind: "ended" };
  const periodEnd = now.status === "TRIALING" ? (now.trialEnd ?? now.currentPeriodEnd) : now.currentPeriodEnd;
  return cancel
    ? { kind: "cancelled", planName: subscription.plan.name, accessUntil: periodEnd }
    : { kind: "resumed", planName: subscription.plan.name, renewsOn: periodEnd };
}

/** A link into Stripe's billing portal (payment method, invoices) for the subscription's customer. */
export async function openBillingPortal(
  userId: string,
  subscriptionId: string,
): Promise<SubscriptionActionOutcome> {
  const subscription = await findOwnSubscription(userId, subscriptionId);
  if (!subscription) return { kind: "not-found" };
  if (!subscription.stripeCustomerId) return { kind: "ended" };
  try {
    const url = await createBillingPortalSession(subscription.stripeCustomerId, `${env().APP_URL}/account`);
    return { kind: "billing-portal", url };
  } catch (error) {
    console.warn(
      `Stripe refused a billing portal session for ${subscription.id}: ${describeStripeFailure(error)}`,
    );
    return { kind: "payments-unavailable" };
  }
}

/**
 * Runs a Stripe call that changes a subscription, then applies Stripe's state of it here.
 */
export async function callStripe(
  stripeSubscriptionId: string,
  call: () => Promise<unknown>,
): Promise<"ok" | "ended" | "payments-unavailable"> {
  try {
    await call();
  } catch (error) {
    if (isStripeResourceMissing(error)) return "ended";
    console.warn(`Stripe refused a change to ${stripeSubscriptionId}: ${describeStripeFailure(error)}`);
    return "payments-unavailable";
  }
  await syncSubscriptionFromStripe(stripeSubscriptionId);
  return "ok";
}
