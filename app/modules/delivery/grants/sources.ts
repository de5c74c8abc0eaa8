import type { EntitlementSource } from "~/generated/prisma/enums.ts";

/**
 * Where an entitlement comes from. Each source names its grants with a unique key derived from the
 * cause, so granting the same thing twice finds the row that is already there, and says what its
 * entitlements carry beyond access and whether a revoked one may come back.
 */
export type { EntitlementSource };

export type SourcePolicy = {
  /** Issues a licence key (the licence-key kind applies). */
  licenseKey: boolean;
  /**
   * A revoked entitlement of this source becomes active again when granted again: a subscription
   * that recovers from a failed payment. A refund or dispute of a purchase is final.
   */
  regrantable: boolean;
};

export const sourcePolicies: Record<EntitlementSource, SourcePolicy> = {
  ORDER_ITEM: { licenseKey: true, regrantable: false },
  // A bundle's contents ride on the bundle's own licence key.
  BUNDLE: { licenseKey: false, regrantable: false },
  // A plan subscription has ONE key of its own (LicenseKey.subscriptionId), kept by the
  // subscription grant sync; the listings it covers carry none.
  SUBSCRIPTION: { licenseKey: false, regrantable: true },
  FREE_CLAIM: { licenseKey: true, regrantable: true },
  GIFT: { licenseKey: true, regrantable: false },
};

export const grantKeys = {
  orderItem: (orderItemId: string, listingId: string) => `order-item:${orderItemId}:listing:${listingId}`,
  subscription: (subscriptionId: string, listingId: string) =>
    `subscription:${subscriptionId}:listing:${listingId}`,
  freeClaim: (userId: string, listingId: string) => `free-claim:${userId}:listing:${listingId}`,
  gift: (giftId: string, listingId: string) => `gift:${giftId}:listing:${listingId}`,
};
