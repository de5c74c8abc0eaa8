// The grants module's rules, per source: a grant key makes granting idempotent, a licence key is
// issued once and follows its entitlement, a refunded purchase never comes back, a subscription's
// grant does (with the same key), and a bundle's contents carry no key of their own.
import { describe, expect, it } from "vitest";
import { hasActiveEntitlement } from "~/modules/delivery/entitlements.server.ts";
import { grantEntitlements, grantKeys, revokeEntitlements } from "~/modules/delivery/grants.server.ts";
import { checkLicenseKey } from "~/modules/licensing/license-keys.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createUser } from "../support/fixtures.ts";
import { addListing } from "../support/subscriptions.ts";
import { testEnv } from "../support/test-env.ts";

Object.assign(process.env, testEnv);

async function shop() {
  const seller = await createUser();
  return prisma.shop.create({
    data: { ownerId: seller.id, handle: `grants-${seller.id}`, name: "Grants" },
  });
}

const grant = (request: Parameters<typeof grantEntitlements>[1][number]) =>
  prisma.$transaction((tx) => grantEntitlements(tx, [request]));
const revoke = (ids: string[], reason: "REFUNDED" | "SUBSCRIPTION_ENDED") =>
  prisma.$transaction((tx) => revokeEntitlements(tx, ids, reason));

describe("grants", () => {
  it("grants once per key, with one licence key, whatever the number of calls", async () => {
    const { id: shopId } = await shop();
    const listing = await addListing(shopId);
    const user = await createUser();
    const request = {
      userId: user.id,
      listingId: listing.id,
      source: "FREE_CLAIM" as const,
      grantKey: grantKeys.freeClaim(user.id, listing.id),
    };
    const [first] = await grant(request);
    const [second] = await grant(request);
    expect(second?.id).toBe(first?.id);
    expect(await prisma.entitlement.count({ where: { userId: user.id } })).toBe(1);
    expect(await prisma.licenseKey.count({ where: { userId: user.id } })).toBe(1);
  });

  it("never gives a revoked purchase back, and revokes its licence key with it", async () => {
    const { id: shopId } = await shop();
    const listing = await addListing(shopId);
    const user = await createUser();
    const order = await prisma.order.create({
      data: {
        shopId,
        buyerId: user.id,
        email: user.email,
        currency: "EUR",
        subtotalAmount: 900,
        totalAmount: 900,
        items: { create: { listingId: listing.id, title: listing.title, unitAmount: 900, currency: "EUR" } },
      },
      include: { items: true },
    });
    const item = order.items[0];
    if (!item) throw new Error("no item");
    const request = {
      userId: user.id,
      listingId: listing.id,
      source: "ORDER_ITEM" as const,
      orderItemId: item.id,
      grantKey: grantKeys.orderItem(item.id, listing.id),
    };
    const [entitlement] = await grant(request);
    const key = await prisma.licenseKey.findFirstOrThrow({ where: { entitlementId: entitlement?.id } });
    expect(await checkLicenseKey(key.key)).toMatchObject({ valid: true });

    expect(await revoke([entitlement?.id ?? ""], "REFUNDED")).toHaveLength(1);
    expect(await revoke([entitlement?.id ?? ""], "REFUNDED")).toEqual([]); // already revoked
    expect(await grant(request)).toEqual([]);
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(false);
    expect(await checkLicenseKey(key.key)).toEqual({ valid: false, reason: "revoked" });
  });

  it("gives a subscription's grant back, without a licence key of its own (the plan has one)", async () => {
    const { id: shopId } = await shop();
    const listing = await addListing(shopId);
    const user = await createUser();
    const request = {
      userId: user.id,
      listingId: listing.id,
      source: "SUBSCRIPTION" as const,
      grantKey: `subscription:test-${user.id}:listing:${listing.id}`,
    };
    const [entitlement] = await grant(request);
    await revoke([entitlement?.id ?? ""], "SUBSCRIPTION_ENDED");

    const [back] = await grant(request);
    expect(back?.id).toBe(entitlement?.id);
    expect(await prisma.entitlement.findUniqueOrThrow({ where: { id: back?.id } })).toMatchObject({
      status: "ACTIVE",
      revokedAt: null,
      revokeReason: null,
    });
    expect(await prisma.licenseKey.count({ where: { userId: user.id } })).toBe(0);
  });

  it("gives a bundle's contents access without licence keys of their own", async () => {
    const { id: shopId } = await shop();
    const listing = await addListing(shopId);
    const user = await createUser();
    await grant({
      userId: user.id,
      listingId: listing.id,
      source: "BUNDLE",
      grantKey: `bundle-test:${user.id}:listing:${listing.id}`,
    });
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(true);
    expect(await prisma.licenseKey.count({ where: { userId: user.id } })).toBe(0);
  });
});
