import type { Task } from "graphile-worker";
import { z } from "zod";
import { enqueueJob } from "~/modules/jobs/queue.server.ts";
import { prisma, type Tx } from "~/utils/db.server.ts";
import { refreshSubscriptionAccess, stripeNowFor } from "./access.server.ts";
import { WAITING_TRANSACTION } from "./transactions.ts";

export type PlanGrantSyncResult = { subscriptions: number; granted: number; revoked: number };

/**
 * A plan's contents changed (listings chosen or removed, categories, "everything in my shop"), or
 * a listing of its shop was published or unpublished: every subscription of the plan that may hold
 * access gets its entitlements re-synced at once. Listings that joined are granted, listings that
 * left are revoked (REMOVED_FROM_PLAN, UNPUBLISHED) unless bought separately. Each subscription is
 * synced in its own transaction; running it twice changes nothing.
 */
export async function syncPlanGrants(planId: string): Promise<PlanGrantSyncResult> {
  const subscriptions = await prisma.subscription.findMany({
    where: {
      planId,
      OR: [{ grantsAccess: true }, { entitlements: { some: { status: "ACTIVE" } } }],
    },
    select: { id: true, stripeTestClockId: true },
    orderBy: { createdAt: "asc" },
  });
  const result: PlanGrantSyncResult = { subscriptions: subscriptions.length, granted: 0, revoked: 0 };
  for (const subscription of subscriptions) {
    const now = await stripeNowFor(subscription.stripeTestClockId);
    const sync = await prisma.$transaction(
      (tx) => refreshSubscriptionAccess(tx, subscription.id, now),
      WAITING_TRANSACTION,
    );
    result.granted += sync.granted.length;
    result.revoked += sync.revoked.length;
  }
  return result;
}

/** Every plan of a shop: for a listing published, unpublished or moved to another category. */
export async function syncShopGrants(shopId: string): Promise<PlanGrantSyncResult> {
  const plans = await prisma.plan.findMany({ where: { shopId }, select: { id: true } });
  const total: PlanGrantSyncResult = { subscriptions: 0, granted: 0, revoked: 0 };
  for (const plan of plans) {
    const result = await syncPlanGrants(plan.id);
    total.subscriptions += result.subscriptions;
    total.granted += result.granted;
    total.revoked += result.revoked;
  }
  return total;
}

/**
 * The durable way to ask for `syncPlanGrants`: a job added in the caller's transaction (the one that
 * changed the plan), so the re-sync happens exactly when the change was committed, with retries.
 * Several changes in a row coalesce into one pending job per plan.
 */
export async function enqueuePlanGrantSync(tx: Tx, planId: string): Promise<void> {
  await enqueueJob(tx, "sync-plan-grants", { planId }, { jobKey: `plan-grants:${planId}`, mode: "replace" });
}

/** The same for every plan of a shop: a listing was published, unpublished or recategorised. */
export async function enqueueShopGrantSync(tx: Tx, shopId: string): Promise<void> {
  await enqueueJob(tx, "sync-shop-grants", { shopId }, { jobKey: `shop-grants:${shopId}`, mode: "replace" });
}

export const syncPlanGrantsTask: Task = async (payload) => {
  await syncPlanGrants(z.object({ planId: z.string() }).parse(payload).planId);
};

export const syncShopGrantsTask: Task = async (payload) => {
  await syncShopGrants(z.object({ shopId: z.string() }).parse(payload).shopId);
};
