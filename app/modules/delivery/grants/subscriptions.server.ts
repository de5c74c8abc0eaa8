import type { RevokeReason } from "~/generated/prisma/enums.ts";
import { syncPlanLicenseKey } from "~/modules/licensing/plan-keys.server.ts";
import { resolvePlanListingIds } from "~/modules/plans/contents.server.ts";
import type { Tx } from "~/utils/db.server.ts";
import { decideSubscriptionAccess, type SubscriptionAccess } from "../subscription-access.ts";
import { grantEntitlements, revokeEntitlements } from "./core.server.ts";
import { grantKeys } from "./sources.ts";

export type SubscriptionGrantSync = {
  subscriptionId: string;
  userId: string;
  access: SubscriptionAccess;
  /** Whether the subscription granted access before this sync (Subscription.grantsAccess). */
  grantedBefore: boolean;
  /** Listings that became available through the subscription in this sync. */
  granted: string[];
  /** Listings whose access through the subscription ended in this sync, and why. */
  revoked: { listingId: string; reason: RevokeReason }[];
};

/**
 * The subscription source. Makes the subscription's entitlements match what it should grant right
 * now: while access lasts, one entitlement per listing the plan covers (and what a covered bundle
 * contains), under the key `subscription:<id>:listing:<listingId>`; otherwise none. Missing ones
 * are granted (or re-granted; never a listing taken down that it did not hold), extra ones revoked:
 * REMOVED_FROM_PLAN, UNPUBLISHED, or all of them
 * with SUBSCRIPTION_ENDED. The subscription's one licence key follows access (active while it
 * lasts, expired after). Entitlements from other sources (a listing also bought) are never
 * touched. Locks the subscription row, so syncs of one subscription run one after another; a
 * repeated sync changes nothing.
 */
export async function syncSubscriptionGrants(
  tx: Tx,
  subscriptionId: string,
  options: { now: Date; graceDays: number },
): Promise<SubscriptionGrantSync> {
  await tx.$executeRaw`SELECT id FROM "Subscription" WHERE id = ${subscriptionId} FOR UPDATE`;
  const subscription = await tx.subscription.findUniqueOrThrow({
    where: { id: subscriptionId },
    select: {
      id: true,
      userId: true,
      planId: true,
      status: true,
      pastDueSince: true,
      cancelAtPeriodEnd: true,
      currentPeriodEnd: true,
      trialEnd: true,
      grantsAccess: true,
    },
  });
  // A refunded or disputed invoice revoked the plan key: that ends access for good (ADR 0024).
  const revokedKey = await tx.licenseKey.findFirst({
    where: { subscriptionId: subscription.id, status: "REVOKED" },
    select: { id: true },
  });
  const access: SubscriptionAccess = revokedKey
    ? { grants: false, reason: "refunded-or-disputed", endsAt: null }
    : decideSubscriptionAccess(subscription, options.now, options.graceDays);
  const existing = await tx.entitlement.findMany({
    where: { subscriptionId: subscription.id },
    select: { id: true, listingId: true, status: true, listing: { select: { status: true } } },
  });
  const activeListings = new Set(
    existing.filter((row) => row.status === "ACTIVE").map((row) => row.listingId),
  );
  const desired = new Set(
    access.grants ? await coveredListings(tx, subscription.planId, activeListings) : [],
  );

  const missing = [...desired].filter((listingId) => !activeListings.has(listingId));
  await grantEntitlements(
    tx,
    missing.map((listingId) => ({
      userId: subscription.userId,
      listingId,
      source: "SUBSCRIPTION" as const,
      subscriptionId: subscription.id,
      grantKey: grantKeys.subscription(subscription.id, listingId),
    })),
  );

  const revoked: SubscriptionGrantSync["revoked"] = [];
  const extra = existing.filter((row) => row.status === "ACTIVE" && !desired.has(row.listingId));
  const reasonFor = (row: (typeof extra)[number]): RevokeReason =>
    !access.grants
      ? "SUBSCRIPTION_ENDED"
      : row.listing.status !== "PUBLISHED"
        ? "UNPUBLISHED"
        : "REMOVED_FROM_PLAN";
  for (const reason of ["SUBSCRIPTION_ENDED", "UNPUBLISHED", "REMOVED_FROM_PLAN"] as const) {
    const rows = extra.filter((row) => reasonFor(row) === reason);
    const done = await revokeEntitlements(
      tx,
      rows.map((row) => row.id),
      reason,
    );
    revoked.push(...done.map((entitlement) => ({ listingId: entitlement.listingId, reason })));
  }

  await syncPlanLicenseKey(tx, subscription, access.grants);

  if (subscription.grantsAccess !== access.grants) {
    await tx.subscription.update({ where: { id: subscription.id }, data: { grantsAccess: access.grants } });
  }
  return {
    subscriptionId: subscription.id,
    userId: subscription.userId,
    access,
    grantedBefore: subscription.grantsAccess,
    granted: missing,
    revoked,
  };
}

/**
 * The listings a plan covers now for this subscription, and what the covered bundles contain. A
 * listing taken down by an admin (ADR 0027) is no longer offered: a subscription that did not hold
 * it at that moment does not get it (nor a taken-down bundle's contents through it), while one
 * that holds it (`held`, its active entitlements) keeps it, as buyers keep theirs. Held means held
 * without a break: a subscription whose access ended and came back after the takedown does not get
 * it back. A restore offers it again (the restore re-syncs the shop's plans).
 */
async function coveredListings(tx: Tx, planId: string, held: ReadonlySet<string>): Promise<string[]> {
  const planned = await resolvePlanListingIds(planId, tx);
  const takenDown = new Set(
    (
      await tx.listing.findMany({
        where: { id: { in: planned }, takenDownAt: { not: null } },
        select: { id: true },
      })
    ).map((listing) => listing.id),
  );
  const offered = (listingId: string) => !takenDown.has(listingId) || held.has(listingId);
  const listingIds = planned.filter(offered);
  const bundled = await tx.bundleItem.findMany({
    where: { bundleId: { in: listingIds } },
    select: { listingId: true, listing: { select: { takenDownAt: true } } },
  });
  const contents = bundled
    .filter((entry) => entry.listing.takenDownAt === null || held.has(entry.listingId))
    .map((entry) => entry.listingId);
  return [...new Set([...listingIds, ...contents])];
}

/**
 * A plan's paid invoice was fully refunded or disputed (charge.refunded, charge.dispute.created on
 * the invoice's charge): access through the subscription ends now, with that reason on every
 * entitlement, and the plan key is REVOKED, which no later sync, renewal or seller's "enable"
 * undoes (ADR 0024's rule for refunded and disputed keys). Listings also bought separately are not
 * touched. Repeating it changes nothing.
 */
export async function revokeSubscriptionForPayment(
  tx: Tx,
  subscriptionId: string,
  reason: "REFUNDED" | "DISPUTED",
): Promise<{ revoked: number }> {
  await tx.$executeRaw`SELECT id FROM "Subscription" WHERE id = ${subscriptionId} FOR UPDATE`;
  const subscription = await tx.subscription.findUniqueOrThrow({
    where: { id: subscriptionId },
    select: { id: true, userId: true, planId: true },
  });
  const active = await tx.entitlement.findMany({
    where: { subscriptionId, status: "ACTIVE" },
    select: { id: true },
  });
  const done = await revokeEntitlements(
    tx,
    active.map((row) => row.id),
    reason,
  );
  // The key is the lasting mark: made first if the subscription never had one, then REVOKED.
  await syncPlanLicenseKey(tx, subscription, true);
  await tx.licenseKey.updateMany({
    where: { subscriptionId, status: { not: "REVOKED" } },
    data: { status: "REVOKED" },
  });
  await tx.subscription.update({ where: { id: subscriptionId }, data: { grantsAccess: false } });
  return { revoked: done.length };
}
