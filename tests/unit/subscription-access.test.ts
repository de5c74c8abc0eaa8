import { describe, expect, it } from "vitest";
import type { SubscriptionStatus } from "~/generated/prisma/enums.ts";
import { decideSubscriptionAccess, graceEndsAt } from "~/modules/delivery/subscription-access.ts";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-12-02T12:00:00Z");
const periodEnd = new Date("2026-12-20T00:00:00Z");

const subscription = (
  status: SubscriptionStatus,
  overrides: Partial<Parameters<typeof decideSubscriptionAccess>[0]> = {},
) => ({
  status,
  pastDueSince: null,
  cancelAtPeriodEnd: false,
  currentPeriodEnd: periodEnd,
  trialEnd: null,
  ...overrides,
});

describe("whether a subscription grants access", () => {
  it("grants while active or trialing", () => {
    expect(decideSubscriptionAccess(subscription("ACTIVE"), now, 7)).toEqual({
      grants: true,
      reason: "active",
      endsAt: null,
    });
    expect(decideSubscriptionAccess(subscription("TRIALING"), now, 7)).toEqual({
      grants: true,
      reason: "trialing",
      endsAt: null,
    });
  });

  it("keeps access until the period ends when cancellation is scheduled (the deletion event ends it)", () => {
    const access = decideSubscriptionAccess(subscription("ACTIVE", { cancelAtPeriodEnd: true }), now, 7);
    expect(access).toEqual({ grants: true, reason: "ends-at-period-end", endsAt: periodEnd });
    // Past the period's end, but Stripe has not ended it yet: still Stripe's state that counts.
    const later = new Date(periodEnd.getTime() + DAY);
    expect(
      decideSubscriptionAccess(subscription("ACTIVE", { cancelAtPeriodEnd: true }), later, 7).grants,
    ).toBe(true);
    const trialEnd = new Date("2026-12-10T00:00:00Z");
    expect(
      decideSubscriptionAccess(subscription("TRIALING", { cancelAtPeriodEnd: true, trialEnd }), now, 7),
    ).toEqual({ grants: true, reason: "ends-at-period-end", endsAt: trialEnd });
  });

  it("keeps a past-due subscription's access for the grace period counted from when it became past due", () => {
    const pastDueSince = new Date(now.getTime() - 3 * DAY);
    const within = decideSubscriptionAccess(subscription("PAST_DUE", { pastDueSince }), now, 7);
    expect(within).toEqual({
      grants: true,
      reason: "past-due-grace",
      endsAt: new Date(pastDueSince.getTime() + 7 * DAY),
    });

    const lastMoment = new Date(pastDueSince.getTime() + 7 * DAY - 1);
    expect(decideSubscriptionAccess(subscription("PAST_DUE", { pastDueSince }), lastMoment, 7).grants).toBe(
      true,
    );
    const atTheEnd = new Date(pastDueSince.getTime() + 7 * DAY);
    expect(decideSubscriptionAccess(subscription("PAST_DUE", { pastDueSince }), atTheEnd, 7)).toEqual({
      grants: false,
      reason: "grace-over",
      endsAt: null,
    });
  });

  it("follows the configured grace period, 0 ending access at the first failed payment", () => {
    const pastDueSince = new Date(now.getTime() - 3 * DAY);
    expect(decideSubscriptionAccess(subscription("PAST_DUE", { pastDueSince }), now, 2).grants).toBe(false);
    expect(decideSubscriptionAccess(subscription("PAST_DUE", { pastDueSince }), now, 14).grants).toBe(true);
    expect(decideSubscriptionAccess(subscription("PAST_DUE", { pastDueSince: now }), now, 0).grants).toBe(
      false,
    );
  });

  it("starts the grace period now when its start is not known yet, rather than never ending it", () => {
    expect(decideSubscriptionAccess(subscription("PAST_DUE"), now, 7)).toEqual({
      grants: true,
      reason: "past-due-grace",
      endsAt: graceEndsAt(now, 7),
    });
  });

  it("ends access when canceled, unpaid, incomplete, incomplete_expired or paused", () => {
    const cases = [
      ["CANCELED", "canceled"],
      ["UNPAID", "unpaid"],
      ["INCOMPLETE", "incomplete"],
      ["INCOMPLETE_EXPIRED", "incomplete-expired"],
      ["PAUSED", "paused"],
    ] as const;
    for (const [status, reason] of cases) {
      expect(decideSubscriptionAccess(subscription(status), now, 7), status).toEqual({
        grants: false,
        reason,
        endsAt: null,
      });
    }
  });
});
