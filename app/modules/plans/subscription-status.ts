import type { SubscriptionStatus } from "~/generated/prisma/enums.ts";

/**
 * Subscriptions that still exist at Stripe and may bill again: someone holding one is "already
 * subscribed" and is sent to their account to manage it rather than subscribing twice. Whether a
 * live subscription grants access right now (a past-due grace period, a trial) is the entitlement
 * module's decision, not this list's.
 */
export const LIVE_SUBSCRIPTION_STATUSES = [
  "INCOMPLETE",
  "TRIALING",
  "ACTIVE",
  "PAST_DUE",
  "UNPAID",
  "PAUSED",
] as const satisfies readonly SubscriptionStatus[];

export const subscriptionStatusLabel: Record<SubscriptionStatus, string> = {
  INCOMPLETE: "Payment pending",
  INCOMPLETE_EXPIRED: "Payment never completed",
  TRIALING: "On trial",
  ACTIVE: "Active",
  PAST_DUE: "Payment overdue",
  CANCELED: "Cancelled",
  UNPAID: "Unpaid",
  PAUSED: "Paused",
};
