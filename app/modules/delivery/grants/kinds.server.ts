import type { RevokeReason } from "~/generated/prisma/enums.ts";
import { generateLicenseKey, NO_ACTIVATION_LIMIT } from "~/modules/licensing/license-keys.server.ts";
import type { Tx } from "~/utils/db.server.ts";
import { type EntitlementSource, sourcePolicies } from "./sources.ts";

/** An entitlement as the kinds see it. */
export type GrantedEntitlement = { id: string; userId: string; listingId: string; source: EntitlementSource };

/**
 * One kind of thing an entitlement delivers, with what granting and revoking it takes (the model is
 * polar's benefit strategies: each benefit type implements grant and revoke). Called inside the
 * transaction that changes the entitlement's status, with every entitlement that changed, so a
 * kind that keeps state of its own (licence keys) changes exactly when access does.
 */
export interface EntitlementKind {
  readonly name: "prompt-content" | "files" | "license-key";
  /** Whether entitlements of this source carry this kind. */
  appliesTo(source: EntitlementSource): boolean;
  /** The entitlements just became active: created, or granted again after a revoke. */
  grant(tx: Tx, entitlements: GrantedEntitlement[]): Promise<void>;
  /** The entitlements were active and are now revoked. */
  revoke(tx: Tx, entitlements: GrantedEntitlement[], reason: RevokeReason): Promise<void>;
}

const nothingToStore = async () => {};

/**
 * The prompt text and instructions. Nothing is copied to the buyer: `getLibraryItem` reads them
 * only through an active entitlement, so the status change is the whole grant and revoke.
 */
const promptContent: EntitlementKind = {
  name: "prompt-content",
  appliesTo: () => true,
  grant: nothingToStore,
  revoke: nothingToStore,
};

/**
 * Downloadable files. Links are signed per entitlement and every download asks
 * `findActiveEntitlement` again, so a link handed out before a revoke stops working at once.
 */
const files: EntitlementKind = {
  name: "files",
  appliesTo: () => true,
  grant: nothingToStore,
  revoke: nothingToStore,
};

/**
 * A licence key the public API verifies, starting with the shop's prefix. Granted once per
 * entitlement (the key is unique per entitlement); a re-grant reactivates the same key. Plan
 * subscriptions do not use this kind: they have one key per subscription (`syncPlanLicenseKey`).
 */
const licenseKey: EntitlementKind = {
  name: "license-key",
  appliesTo: (source) => sourcePolicies[source].licenseKey,
  async grant(tx, entitlements) {
    const ids = entitlements.map((entitlement) => entitlement.id);
    const listings = await tx.listing.findMany({
      where: { id: { in: [...new Set(entitlements.map((entitlement) => entitlement.listingId))] } },
      select: {
        id: true,
        shopId: true,
        shop: { select: { licenseKeyPrefix: true } },
        // Gifts and free claims name no tier: they get the first tier's limit. A purchase's key
        // then takes the limit of the tier bought (`applyTierActivationLimits`).
        tiers: {
          where: { archivedAt: null },
          orderBy: { position: "asc" },
          take: 1,
          select: { activationLimit: true },
        },
      },
    });
    const shopOf = new Map(listings.map((listing) => [listing.id, listing]));
    await tx.licenseKey.createMany({
      skipDuplicates: true,
      data: entitlements.map((entitlement) => {
        const listing = shopOf.get(entitlement.listingId);
        if (!listing) throw new Error(`listing ${entitlement.listingId} of a grant is missing`);
        return {
          key: generateLicenseKey(listing.shop.licenseKeyPrefix),
          entitlementId: entitlement.id,
          userId: entitlement.userId,
          listingId: entitlement.listingId,
          shopId: listing.shopId,
          ...(listing.tiers[0] && {
            maxActivations: listing.tiers[0].activationLimit ?? NO_ACTIVATION_LIMIT,
          }),
        };
      }),
    });
    // A re-grant (a claim given back) reactivates a revoked key; a key the seller disabled stays so.
    await tx.licenseKey.updateMany({
      where: { entitlementId: { in: ids }, status: "REVOKED" },
      data: { status: "ACTIVE" },
    });
  },
  // Revoked is final for purchases (refund, dispute), whatever the key was: a disabled key too.
  async revoke(tx, entitlements) {
    await tx.licenseKey.updateMany({
      where: { entitlementId: { in: entitlements.map((entitlement) => entitlement.id) } },
      data: { status: "REVOKED" },
    });
  },
};

/** Every kind, in the order they are granted (and revoked in reverse). */
export const entitlementKinds: readonly EntitlementKind[] = [promptContent, files, licenseKey];
