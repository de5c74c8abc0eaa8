import type { SubscriptionStatus } from "~/generated/prisma/enums.ts";
import { idOf, type SubscriptionObject } from "../stripe-event-objects.ts";

/** What Stapel keeps of a Stripe subscription, read from the object alone (pure). */
export type SubscriptionSnapshot = {
  stripeSubscriptionId: string;
  stripeCustomerId: string | null;
  status: SubscriptionStatus;
  /** The price of its (first) item: which PlanPrice, and so which plan, it is on now. */
  stripePriceId: string | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  /** Cancellation is scheduled: at the period's end, or at a set time (`cancel_at`). */
  cancelAtPeriodEnd: boolean;
  /** When a scheduled cancellation takes effect. */
  cancelsAt: Date | null;
  canceledAt: Date | null;
  endedAt: Date | null;
  trialEnd: Date | null;
  stripeTestClockId: string | null;
  /** subscription_data.metadata from the Checkout Session that started it. */
  metadata: { userId?: string; planId?: string; planPriceId?: string };
};

const statuses: Record<string, SubscriptionStatus> = {
  incomplete: "INCOMPLETE",
  incomplete_expired: "INCOMPLETE_EXPIRED",
  trialing: "TRIALING",
  active: "ACTIVE",
  past_due: "PAST_DUE",
  canceled: "CANCELED",
  unpaid: "UNPAID",
  paused: "PAUSED",
};

const date = (seconds: number | null | undefined) => (seconds == null ? null : new Date(seconds * 1000));

/** Null for a status Stripe added after this code was written. */
export function readSubscription(object: SubscriptionObject): SubscriptionSnapshot | null {
  const status = statuses[object.status];
  if (!status) return null;
  const item = object.items.data[0];
  const metadata = object.metadata ?? {};
  const currentPeriodEnd = date(item?.current_period_end ?? object.current_period_end);
  return {
    stripeSubscriptionId: object.id,
    stripeCustomerId: idOf(object.customer) ?? null,
    status,
    stripePriceId: item?.price?.id ?? null,
    currentPeriodStart: date(item?.current_period_start ?? object.current_period_start),
    currentPeriodEnd,
    cancelAtPeriodEnd: object.cancel_at_period_end || object.cancel_at != null,
    cancelsAt: date(object.cancel_at) ?? (object.cancel_at_period_end ? currentPeriodEnd : null),
    canceledAt: date(object.canceled_at),
    endedAt: date(object.ended_at),
    trialEnd: date(object.trial_end),
    stripeTestClockId: idOf(object.test_clock) ?? null,
    metadata: {
      ...(metadata.userId && { userId: metadata.userId }),
      ...(metadata.planId && { planId: metadata.planId }),
      ...(metadata.planPriceId && { planPriceId: metadata.planPriceId }),
    },
  };
}
