import type { SubscriptionStatus } from "~/generated/prisma/enums.ts";

/**
 * Whether a subscription grants access right now, decided from Stripe's state alone. Pure: the
 * caller passes "now" (the subscription's test clock time in Stripe test mode) and the grace period.
 *
 * - `active` and `trialing` grant. `cancel_at_period_end` changes nothing until Stripe ends the
 *   subscription at the period's end (customer.subscription.deleted, status `canceled`).
 * - `past_due` keeps access for the grace period, counted from when it became past due.
 * - `canceled`, `unpaid`, `incomplete`, `incomplete_expired` and `paused` (a trial that ended without
 *   a payment method) do not grant. Pausing payment *collection* leaves the status `active`, and
 *   with it access, as Stripe documents for it.
 */
export type SubscriptionAccessInput = {
  status: SubscriptionStatus;
  pastDueSince: Date | null;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date | null;
  trialEnd: Date | null;
};

export type SubscriptionAccess =
  | {
      grants: true;
      reason: "active" | "trialing" | "ends-at-period-end" | "past-due-grace";
      /** When access ends unless something changes: the grace period's or the period's end. */
      endsAt: Date | null;
    }
  | {
      grants: false;
      reason:
        | "canceled"
        | "unpaid"
        | "incomplete"
        | "incomplete-expired"
        | "paused"
        | "grace-over"
        /** A paid invoice was fully refunded or disputed: access ended for good, the plan key REVOKED. */
        | "refunded-or-disputed";
      endsAt: null;
    };

const DAY_MS = 24 * 60 * 60 * 1000;

export function graceEndsAt(pastDueSince: Date, graceDays: number): Date {
  return new Date(pastDueSince.getTime() + graceDays * DAY_MS);
}

export function decideSubscriptionAccess(
  subscription: SubscriptionAccessInput,
  now: Date,
  graceDays: number,
): SubscriptionAccess {
  const denied = (reason: Extract<SubscriptionAccess, { grants: false }>["reason"]): SubscriptionAccess => ({
    grants: false,
    reason,
    endsAt: null,
  });
  switch (subscription.status) {
    case "ACTIVE":
      return subscription.cancelAtPeriodEnd
        ? { grants: true, reason: "ends-at-period-end", endsAt: subscription.currentPeriodEnd }
        : { grants: true, reason: "active", endsAt: null };
    case "TRIALING":
      return subscription.cancelAtPeriodEnd
        ? {
            grants: true,
            reason: "ends-at-period-end",
            endsAt: subscription.trialEnd ?? subscription.currentPeriodEnd,
          }
        : { grants: true, reason: "trialing", endsAt: null };
    case "PAST_DUE": {
      // Unknown start (not yet recorded): the grace period starts now rather than never ending.
      const endsAt = graceEndsAt(subscription.pastDueSince ?? now, graceDays);
      return now < endsAt ? { grants: true, reason: "past-due-grace", endsAt } : denied("grace-over");
    }
    case "CANCELED":
      return denied("canceled");
    case "UNPAID":
      return denied("unpaid");
    case "INCOMPLETE":
      return denied("incomplete");
    case "INCOMPLETE_EXPIRED":
      return denied("incomplete-expired");
    case "PAUSED":
      return denied("paused");
  }
}
