import type { RevokeReason } from "~/generated/prisma/enums.ts";
import type { Tx } from "~/utils/db.server.ts";
import { type GrantRequest, grantEntitlements, revokeEntitlements } from "./core.server.ts";
import { grantKeys } from "./sources.ts";

type OrderForGrant = {
  buyerId: string;
  items: { id: string; listingId: string }[];
};

/**
 * The order sources: every listing in a paid order (ORDER_ITEM), and what a bundle in it contains
 * (BUNDLE). Repeated calls add nothing. Returns listingId → licence key of each purchased item, for
 * the receipt.
 */
export async function grantOrderEntitlements(tx: Tx, order: OrderForGrant): Promise<Map<string, string>> {
  const bundled = await tx.bundleItem.findMany({
    where: { bundleId: { in: order.items.map((item) => item.listingId) } },
    select: { bundleId: true, listingId: true },
  });
  const requests: GrantRequest[] = order.items.flatMap((item) => [
    {
      userId: order.buyerId,
      listingId: item.listingId,
      source: "ORDER_ITEM" as const,
      orderItemId: item.id,
      grantKey: grantKeys.orderItem(item.id, item.listingId),
    },
    ...bundled
      .filter((entry) => entry.bundleId === item.listingId)
      .map((entry) => ({
        userId: order.buyerId,
        listingId: entry.listingId,
        source: "BUNDLE" as const,
        orderItemId: item.id,
        grantKey: grantKeys.orderItem(item.id, entry.listingId),
      })),
  ]);
  await grantEntitlements(tx, requests);

  const keys = await tx.licenseKey.findMany({
    where: { entitlement: { orderItemId: { in: order.items.map((item) => item.id) }, source: "ORDER_ITEM" } },
    select: { listingId: true, key: true },
  });
  return new Map(keys.flatMap((row) => (row.listingId ? [[row.listingId, row.key] as const] : [])));
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
  const revoked = await revokeEntitlements(
    tx,
    entitlements.map((entitlement) => entitlement.id),
    reason,
  );
  return revoked.length;
}
