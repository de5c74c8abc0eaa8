// A plan subscription's one licence key: issued with access, expired when access ends, active again
// if it comes back; the seller's DISABLED outlasts any change of access. Checked through the
// subscription grant sync and the public verify and validate endpoints (the plan's id is the product).
import { describe, expect, it } from "vitest";
import { syncSubscriptionGrants } from "~/modules/delivery/grants.server.ts";
import { licenseKeyPrefixFor } from "~/modules/licensing/license-keys.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createUser } from "../support/fixtures.ts";
import { testEnv } from "../support/test-env.ts";
import { callLicenseApi } from "./licensing-api-fixtures.ts";

Object.assign(process.env, testEnv);

const DAY_MS = 24 * 3600 * 1000;

async function planSubscription() {
  const seller = await createUser();
  const handle = `saas-${seller.id.slice(-8)}`;
  const shop = await prisma.shop.create({
    data: { ownerId: seller.id, handle, name: "SaaS", licenseKeyPrefix: licenseKeyPrefixFor(handle) },
  });
  const plan = await prisma.plan.create({
    data: {
      shopId: shop.id,
      name: "Team seat",
      includesAllListings: true,
      prices: { create: { amount: 1500, currency: "USD", interval: "MONTH" } },
    },
    include: { prices: true },
  });
  const user = await prisma.user.create({ data: { email: `member-${seller.id}@example.com` } });
  const subscription = await prisma.subscription.create({
    data: {
      userId: user.id,
      planId: plan.id,
      planPriceId: plan.prices[0]?.id,
      stripeSubscriptionId: `sub_test_${seller.id}`,
      status: "ACTIVE",
      currentPeriodStart: new Date(),
      currentPeriodEnd: new Date(Date.now() + 30 * DAY_MS),
    },
  });
  const setStatus = async (status: "ACTIVE" | "CANCELED", endedAt: Date | null = null) => {
    await prisma.subscription.update({ where: { id: subscription.id }, data: { status, endedAt } });
    await prisma.$transaction((tx) =>
      syncSubscriptionGrants(tx, subscription.id, { now: new Date(), graceDays: 7 }),
    );
    return prisma.licenseKey.findUnique({ where: { subscriptionId: subscription.id } });
  };
  return { shop, plan, user, subscription, setStatus };
}

describe("a plan subscription's licence key", () => {
  it("follows access: active, expired when it ends, active again when it recovers", async () => {
    const { shop, plan, user, subscription, setStatus } = await planSubscription();
    const key = await setStatus("ACTIVE");
    expect(key).toMatchObject({
      status: "ACTIVE",
      planId: plan.id,
      shopId: shop.id,
      listingId: null,
      entitlementId: null,
      maxActivations: 3,
    });
    if (!key) throw new Error("no plan key");
    expect(key.key.startsWith(`${licenseKeyPrefixFor(shop.handle)}-`)).toBe(true);
    // Syncing again issues nothing new.
    await setStatus("ACTIVE");
    expect(await prisma.licenseKey.count({ where: { userId: user.id } })).toBe(1);

    const verified = await callLicenseApi("verify", { product_id: plan.id, license_key: key.key });
    expect(verified).toMatchObject({
      status: 200,
      body: {
        success: true,
        uses: 1,
        purchase: {
          product_id: plan.id,
          product_name: "Team seat",
          permalink: plan.id,
          product_permalink: `http://stapel.test/s/${shop.handle}/plans/${plan.id}`,
          price: 1500,
          currency: "usd",
          subscription_id: subscription.id,
          recurrence: "monthly",
          variants: "",
          subscription_ended_at: null,
        },
      },
    });
    const seat = await callLicenseApi("activate", { license_key: key.key, instance_name: "seat 1" });
    expect(seat.body).toMatchObject({
      activated: true,
      meta: { product_id: plan.id, product_name: "Team seat", order_id: null, variant_name: "Monthly" },
    });

    const endedAt = new Date();
    expect(await setStatus("CANCELED", endedAt)).toMatchObject({ status: "EXPIRED" });
    expect(await callLicenseApi("verify", { product_id: plan.id, license_key: key.key })).toMatchObject({
      status: 404,
      body: { success: false, message: "Access to the purchase associated with this license has expired." },
    });
    expect(await callLicenseApi("validate", { license_key: key.key })).toMatchObject({
      status: 400,
      body: { valid: false, error: "This license key has expired.", license_key: { status: "expired" } },
    });

    expect(await setStatus("ACTIVE")).toMatchObject({ status: "ACTIVE", key: key.key });
    expect((await callLicenseApi("validate", { license_key: key.key })).body).toMatchObject({
      valid: true,
      license_key: { status: "active", activation_usage: 1 },
    });
  });

  it("stays disabled through access changes once the seller disabled it", async () => {
    const { plan, setStatus } = await planSubscription();
    const key = await setStatus("ACTIVE");
    if (!key) throw new Error("no plan key");
    await prisma.licenseKey.update({ where: { id: key.id }, data: { status: "DISABLED" } });
    expect(await setStatus("CANCELED", new Date())).toMatchObject({ status: "DISABLED" });
    expect(await setStatus("ACTIVE")).toMatchObject({ status: "DISABLED" });
    expect(await callLicenseApi("verify", { product_id: plan.id, license_key: key.key })).toMatchObject({
      status: 404,
      body: { message: "This license key has been disabled." },
    });
  });

  it("issues no key to a subscription that never granted access", async () => {
    const { subscription, setStatus } = await planSubscription();
    await prisma.subscription.update({ where: { id: subscription.id }, data: { status: "INCOMPLETE" } });
    await prisma.$transaction((tx) =>
      syncSubscriptionGrants(tx, subscription.id, { now: new Date(), graceDays: 7 }),
    );
    expect(await prisma.licenseKey.count({ where: { subscriptionId: subscription.id } })).toBe(0);
    expect(await setStatus("ACTIVE")).toMatchObject({ status: "ACTIVE" });
  });
});
