import type { Tx } from "~/utils/db.server.ts";
import { generateLicenseKey, PLAN_KEY_ACTIVATION_LIMIT } from "./license-keys.server.ts";

type PlanSubscription = { id: string; userId: string; planId: string };

/**
 * A plan subscription's one licence key, kept in step with its access inside the subscription grant
 * sync: issued the first time the subscription grants access, EXPIRED when access ends and ACTIVE
 * again if it comes back. A key the seller DISABLED, or one REVOKED, is left as it is (the seller's
 * switch and a revoke outlast any change of access). Returns the key's status afterwards, or null
 * while the subscription never granted access.
 */
export async function syncPlanLicenseKey(
  tx: Tx,
  subscription: PlanSubscription,
  grants: boolean,
): Promise<string | null> {
  const existing = await tx.licenseKey.findUnique({
    where: { subscriptionId: subscription.id },
    select: { id: true, status: true },
  });
  if (!existing) {
    if (!grants) return null;
    const plan = await tx.plan.findUniqueOrThrow({
      where: { id: subscription.planId },
      select: { shopId: true, shop: { select: { licenseKeyPrefix: true } } },
    });
    await tx.licenseKey.createMany({
      skipDuplicates: true,
      data: [
        {
          key: generateLicenseKey(plan.shop.licenseKeyPrefix),
          subscriptionId: subscription.id,
          userId: subscription.userId,
          shopId: plan.shopId,
          planId: subscription.planId,
          maxActivations: PLAN_KEY_ACTIVATION_LIMIT,
        },
      ],
    });
    return "ACTIVE";
  }
  const next = grants ? "ACTIVE" : "EXPIRED";
  const from = grants ? "EXPIRED" : "ACTIVE";
  if (existing.status !== from) return existing.status;
  await tx.licenseKey.updateMany({ where: { id: existing.id, status: from }, data: { status: next } });
  return next;
}
