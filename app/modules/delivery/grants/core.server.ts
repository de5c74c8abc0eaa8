import type { RevokeReason } from "~/generated/prisma/enums.ts";
import type { Tx } from "~/utils/db.server.ts";
import { entitlementKinds, type GrantedEntitlement } from "./kinds.server.ts";
import { type EntitlementSource, sourcePolicies } from "./sources.ts";

/** One grant: who gets which listing, from which source, under which unique key. */
export type GrantRequest = {
  userId: string;
  listingId: string;
  source: EntitlementSource;
  grantKey: string;
  orderItemId?: string;
  subscriptionId?: string;
};

async function runKinds(
  entitlements: GrantedEntitlement[],
  step: (kind: (typeof entitlementKinds)[number], matching: GrantedEntitlement[]) => Promise<void>,
  order: "grant" | "revoke",
) {
  const kinds = order === "grant" ? entitlementKinds : [...entitlementKinds].reverse();
  for (const kind of kinds) {
    const matching = entitlements.filter((entitlement) => kind.appliesTo(entitlement.source));
    if (matching.length > 0) await step(kind, matching);
  }
}

/**
 * Grants each request once. A request whose key exists is not created again; if that entitlement
 * was revoked, it becomes active again only when its source allows it (a recovered subscription,
 * never a refunded purchase). Every kind is granted for the entitlements that are active afterwards
 * (idempotent: a licence key is issued once). Returns those active entitlements.
 */
export async function grantEntitlements(tx: Tx, requests: GrantRequest[]): Promise<GrantedEntitlement[]> {
  if (requests.length === 0) return [];
  // A new entitlement has seen the version it was granted at: only later versions mark it updated.
  const listings = await tx.listing.findMany({
    where: { id: { in: [...new Set(requests.map((request) => request.listingId))] } },
    select: { id: true, currentVersion: true },
  });
  const currentVersion = new Map(listings.map((listing) => [listing.id, listing.currentVersion]));
  await tx.entitlement.createMany({
    skipDuplicates: true,
    data: requests.map((request) => ({
      userId: request.userId,
      listingId: request.listingId,
      source: request.source,
      grantKey: request.grantKey,
      orderItemId: request.orderItemId ?? null,
      subscriptionId: request.subscriptionId ?? null,
      seenVersion: currentVersion.get(request.listingId) ?? 0,
    })),
  });
  const rows = await tx.entitlement.findMany({
    where: { grantKey: { in: requests.map((request) => request.grantKey) } },
    select: { id: true, userId: true, listingId: true, source: true, status: true },
  });
  const regranted = rows.filter((row) => row.status === "REVOKED" && sourcePolicies[row.source].regrantable);
  if (regranted.length > 0) {
    await tx.entitlement.updateMany({
      where: { id: { in: regranted.map((row) => row.id) }, status: "REVOKED" },
      data: { status: "ACTIVE", revokedAt: null, revokeReason: null },
    });
  }
  const active = rows
    .filter((row) => row.status === "ACTIVE" || regranted.includes(row))
    .map(({ id, userId, listingId, source }) => ({ id, userId, listingId, source }));
  await runKinds(active, (kind, matching) => kind.grant(tx, matching), "grant");
  return active;
}

/**
 * Ends access for the given entitlements that are still active, with a reason, and revokes every
 * kind they carry (licence keys stop verifying in the same transaction). Returns what was revoked.
 */
export async function revokeEntitlements(
  tx: Tx,
  entitlementIds: string[],
  reason: RevokeReason,
): Promise<GrantedEntitlement[]> {
  if (entitlementIds.length === 0) return [];
  const active = await tx.entitlement.findMany({
    where: { id: { in: entitlementIds }, status: "ACTIVE" },
    select: { id: true, userId: true, listingId: true, source: true },
  });
  if (active.length === 0) return [];
  await tx.entitlement.updateMany({
    where: { id: { in: active.map((entitlement) => entitlement.id) }, status: "ACTIVE" },
    data: { status: "REVOKED", revokedAt: new Date(), revokeReason: reason },
  });
  await runKinds(active, (kind, matching) => kind.revoke(tx, matching, reason), "revoke");
  return active;
}
