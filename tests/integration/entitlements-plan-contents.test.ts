// A plan's contents change while people subscribe to it: listings that join are granted to current
// subscribers at once, listings that leave are revoked with the reason, through the durable job the
// change enqueues in its own transaction. Subscriptions that no longer grant access get nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import {
  enqueuePlanGrantSync,
  enqueueShopGrantSync,
  syncPlanGrants,
} from "~/modules/billing/subscriptions/plan-grants.server.ts";
import { hasActiveEntitlement } from "~/modules/delivery/entitlements.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser } from "../support/fixtures.ts";
import { addListing, createPlanForSale, storedSubscription, subscribe } from "../support/subscriptions.ts";
import { runWebhookJobs, settleWebhooks } from "../support/webhooks.ts";

// Each test drives the sandbox through many Stripe calls, webhooks and jobs: slow on a busy machine.
let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

async function subscriber(sale: Awaited<ReturnType<typeof createPlanForSale>>) {
  const user = await createUser();
  const { stripeSubscriptionId } = await subscribe(user, sale.price.id);
  await settleWebhooks(app.sandbox);
  return { user, stripeSubscriptionId };
}

const grantOf = async (stripeSubscriptionId: string, listingId: string) =>
  (await storedSubscription(stripeSubscriptionId)).entitlements.find((e) => e.listingId === listingId);

describe("a plan's contents change", { timeout: 60_000 }, () => {
  it("grants a listing added to the plan and revokes one removed, for every current subscriber", async () => {
    const sale = await createPlanForSale();
    const [a, b] = [await subscriber(sale), await subscriber(sale)];
    const added = await addListing(sale.shop.id);

    await prisma.$transaction(async (tx) => {
      await tx.planListing.create({ data: { planId: sale.plan.id, listingId: added.id } });
      await tx.planListing.delete({
        where: { planId_listingId: { planId: sale.plan.id, listingId: sale.second.id } },
      });
      await enqueuePlanGrantSync(tx, sale.plan.id);
    });
    await runWebhookJobs();

    for (const { user, stripeSubscriptionId } of [a, b]) {
      expect(await hasActiveEntitlement(user.id, added.id)).toBe(true);
      expect(await grantOf(stripeSubscriptionId, added.id)).toMatchObject({
        status: "ACTIVE",
        source: "SUBSCRIPTION",
        // Listings granted by a plan carry no key: the subscription has one (unchanged here).
        licenseKey: null,
      });
      expect(await grantOf(stripeSubscriptionId, sale.second.id)).toMatchObject({
        status: "REVOKED",
        revokeReason: "REMOVED_FROM_PLAN",
      });
      expect(
        await prisma.licenseKey.findFirst({ where: { subscription: { stripeSubscriptionId } } }),
      ).toMatchObject({ status: "ACTIVE", planId: sale.plan.id, listingId: null });
      expect(await hasActiveEntitlement(user.id, sale.listing.id)).toBe(true);
    }
    // Nothing left to do: a second run changes nothing.
    expect(await syncPlanGrants(sale.plan.id)).toEqual({ subscriptions: 2, granted: 0, revoked: 0 });
  });

  it("follows what an 'everything in my shop' plan covers as listings are published and unpublished", async () => {
    const sale = await createPlanForSale({ everything: true });
    const { user, stripeSubscriptionId } = await subscriber(sale);
    const draft = await addListing(sale.shop.id, { status: "DRAFT" });
    expect(await hasActiveEntitlement(user.id, draft.id)).toBe(false);

    const publish = (status: "PUBLISHED" | "ARCHIVED") =>
      prisma.$transaction(async (tx) => {
        await tx.listing.update({ where: { id: draft.id }, data: { status, publishedAt: new Date() } });
        await enqueueShopGrantSync(tx, sale.shop.id);
      });
    await publish("PUBLISHED");
    await runWebhookJobs();
    const granted = await grantOf(stripeSubscriptionId, draft.id);
    expect(granted).toMatchObject({ status: "ACTIVE" });

    await publish("ARCHIVED");
    await runWebhookJobs();
    expect(await grantOf(stripeSubscriptionId, draft.id)).toMatchObject({
      status: "REVOKED",
      revokeReason: "UNPUBLISHED",
    });
    expect(await hasActiveEntitlement(user.id, draft.id)).toBe(false);

    // Published again: the same entitlement comes back.
    await publish("PUBLISHED");
    await runWebhookJobs();
    const again = await grantOf(stripeSubscriptionId, draft.id);
    expect(again).toMatchObject({ id: granted?.id, status: "ACTIVE", revokeReason: null });
  });

  it("covers a whole category, now and later", async () => {
    const sale = await createPlanForSale({ categories: ["Research"] });
    const { user } = await subscriber(sale);
    expect(await hasActiveEntitlement(user.id, sale.listing.id)).toBe(false); // "Copywriting"
    const research = await addListing(sale.shop.id, { category: "Research" });
    await prisma.$transaction((tx) => enqueueShopGrantSync(tx, sale.shop.id));
    await runWebhookJobs();
    expect(await hasActiveEntitlement(user.id, research.id)).toBe(true);
  });

  it("grants nothing to a subscription that has ended", async () => {
    const sale = await createPlanForSale();
    const { user, stripeSubscriptionId } = await subscriber(sale);
    await stripe().subscriptions.cancel(stripeSubscriptionId);
    await settleWebhooks(app.sandbox);
    const added = await addListing(sale.shop.id);
    await prisma.$transaction(async (tx) => {
      await tx.planListing.create({ data: { planId: sale.plan.id, listingId: added.id } });
      await enqueuePlanGrantSync(tx, sale.plan.id);
    });
    await runWebhookJobs();
    expect(await hasActiveEntitlement(user.id, added.id)).toBe(false);
    expect(await prisma.entitlement.count({ where: { userId: user.id, status: "ACTIVE" } })).toBe(0);
  });
});
