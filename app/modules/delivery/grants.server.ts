import type { RevokeReason } from "~/generated/prisma/client.ts";
import { generateLicenseKey } from "~/modules/licensing/license-keys.server.ts";
import type { Tx } from "~/utils/db.server.ts";

type OrderForGrant = {
  buyerId: string;
  items: { id: string; listingId: string }[];
};

/**
 * Grants the buyer every listing in a paid order (a bundle also grants what it contains) and issues
 * one licence key per purchased item. grantKey and (orderItemId, listingId) are unique, so a
 * repeated call adds nothing. Returns listingId → licence key for the receipt.
 */
export async function grantOrderEntitlements(tx: Tx, order: OrderForGrant): Promise<Map<string, string>> {
  const bundled = await tx.bundleItem.findMany({
    where: { bundleId: { in: order.items.map((item) => item.listingId) } },
    select: { bundleId: true, listingId: true },
  });

  const grants = order.items.flatMap((item) => [
    { item, listingId: item.listingId, source: "ORDER_ITEM" as const },
    ...bundled
      .filter((entry) => entry.bundleId === item.listingId)
      .map((entry) => ({ item, listingId: entry.listingId, source: "BUNDLE" as const })),
  ]);

  await tx.entitlement.createMany({
    skipDuplicates: true,
    data: grants.map(({ item, listingId, source }) => ({
      userId: order.buyerId,
      listingId,
      source,
      orderItemId: item.id,
      grantKey: `order-item:${item.id}:listing:${listingId}`,
    })),
  });

  const purchased = await tx.entitlement.findMany({
    where: { orderItemId: { in: order.items.map((item) => item.id) }, source: "ORDER_ITEM" },
    select: { id: true, listingId: true, userId: true },
  });
  await tx.licenseKey.createMany({
    skipDuplicates: true,
    data: purchased.map((entitlement) => ({
      key: generateLicenseKey(),
      entitlementId: entitlement.id,
      userId: entitlement.userId,
      listingId: entitlement.listingId,
    })),
  });
  const keys = await tx.licenseKey.findMany({
    where: { entitlementId: { in: purchased.map((entitlement) => entitlement.id) } },
    select: { listingId: true, key: true },
  });
  return new Map(keys.map((row) => [row.listingId, row.key]));
}

/** Ends access granted by an order: refunds and disputes. Licence keys stop verifying at once. */
export async function revokeOrderEntitlements(
  tx: Tx,
  orderId: string,
  reason: RevokeReason,
): Promise<number> {
  const entitlements = await tx.entitlement.findMany({
    where: { orderItem: { orderId }, status: "ACTIVE" },
    select: { id: true },
  });
  const ids = entitlements.map((entitlement) => entitlement.id);
  if (ids.length === 0) return 0;
  await tx.entitlement.updateMany({
    where: { id: { in: ids } },
    data: { status: "REVOKED", revokedAt: new Date(), revokeReason: reason },
  });
  await tx.licenseKey.updateMany({ where: { entitlementId: { in: ids } }, data: { status: "REVOKED" } });
  return ids.length;
}
