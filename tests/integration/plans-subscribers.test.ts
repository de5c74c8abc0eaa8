// Plans with subscribers, against the sandbox and through the webhooks' jobs: a changed price keeps
// its subscribers until the seller moves them (prorated, never twice), and a change of what a plan
// includes reaches current subscribers' access at once. Webhook deliveries and their jobs make these
// slow (seconds each), hence the longer timeouts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { hasActiveEntitlement } from "~/modules/delivery/entitlements.server.ts";
import * as editRoute from "~/routes/dashboard.plans.$planId/route.tsx";
import * as newRoute from "~/routes/dashboard.plans.new/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { subscribe } from "../support/subscriptions.ts";
import { runWebhookJobs, settleWebhooks } from "../support/webhooks.ts";
import { createShopForPlans, type FormReply, postAs } from "./plans-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

async function createPlan(cookie: string, fields: Record<string, string | string[]>) {
  const response = expectResponse(
    await callRoute(newRoute.action, postAs(cookie, "/dashboard/plans/new", fields)),
  );
  return (response.headers.get("Location") ?? "").split("/")[3]?.split("?")[0] as string;
}

const edit = (cookie: string, planId: string, fields: Record<string, string | string[]>) =>
  callRoute(editRoute.action, postAs(cookie, `/dashboard/plans/${planId}`, fields), { planId });

describe("moving subscribers to a changed price", () => {
  it("keeps subscribers on their price unless the seller moves them, then prorates the move", async () => {
    const shop = await createShopForPlans();
    const cookie = await signIn(shop.seller.id);
    const planId = await createPlan(cookie, { name: "Club", grants: "everything", priceMonthEur: "9.00" });
    const oldPrice = await prisma.planPrice.findFirstOrThrow({ where: { planId } });
    const first = await createUser();
    const second = await createUser();
    const subscriptions = [
      (await subscribe(first, oldPrice.id)).stripeSubscriptionId,
      (await subscribe(second, oldPrice.id)).stripeSubscriptionId,
    ];
    await settleWebhooks(app.sandbox);
    expect(await prisma.subscription.count({ where: { planPriceId: oldPrice.id, status: "ACTIVE" } })).toBe(
      2,
    );

    // A new price without moving anyone: both keep paying the old one.
    const raised = { intent: "save", name: "Club", grants: "everything", priceMonthEur: "12.00" };
    expectData(await edit(cookie, planId, raised));
    await settleWebhooks(app.sandbox);
    const newPrice = await prisma.planPrice.findFirstOrThrow({ where: { planId, archivedAt: null } });
    for (const id of subscriptions) {
      const subscription = await stripe().subscriptions.retrieve(id);
      expect(subscription.items.data[0]?.price.id).toBe(oldPrice.stripePriceId);
    }
    const page = expectData(
      await callRoute(editRoute.loader, requestAs(cookie, `/dashboard/plans/${planId}`), { planId }),
    );
    expect(page.data.plan.subscribersOnOldPrices).toBe(2);

    // Moving them: each subscription's item moves to the new Price with prorations.
    const moved = expectData(await edit(cookie, planId, { intent: "move-subscribers" }));
    expect(moved.data.done).toEqual({
      kind: "moved",
      moved: { ok: true, moved: 2, failed: 0, remaining: 0 },
    });
    await settleWebhooks(app.sandbox);
    for (const id of subscriptions) {
      const subscription = await stripe().subscriptions.retrieve(id);
      expect(subscription.items.data[0]?.price.id).toBe(newPrice.stripePriceId);
      expect(subscription.status).toBe("active");
    }
    expect(await prisma.subscription.findMany({ where: { planId }, select: { planPriceId: true } })).toEqual([
      { planPriceId: newPrice.id },
      { planPriceId: newPrice.id },
    ]);
    const preview = await stripe().invoices.createPreview({ subscription: subscriptions[0] as string });
    expect(preview.lines.data.some((line) => line.amount !== 1200 && line.amount !== 0)).toBe(true);

    // Pressing again moves nobody twice.
    const again = expectData(await edit(cookie, planId, { intent: "move-subscribers" }));
    expect(again.data.done).toMatchObject({ moved: { moved: 0, remaining: 0 } });

    // A price change saved with "move existing subscribers" moves them in the same step.
    const lowered = expectData(
      await edit(cookie, planId, { ...raised, priceMonthEur: "10.00", moveSubscribers: "on" }),
    );
    expect(lowered.data.done).toMatchObject({ kind: "saved", moved: { moved: 2, remaining: 0 } });
    const latest = await prisma.planPrice.findFirstOrThrow({ where: { planId, archivedAt: null } });
    expect(latest.amount).toBe(1000);
    for (const id of subscriptions) {
      expect((await stripe().subscriptions.retrieve(id)).items.data[0]?.price.id).toBe(latest.stripePriceId);
    }
  }, 60_000);

  it("refuses to move subscribers of an archived plan", async () => {
    const shop = await createShopForPlans();
    const cookie = await signIn(shop.seller.id);
    const planId = await createPlan(cookie, { name: "Club", grants: "everything", priceMonthEur: "9" });
    expectData(await edit(cookie, planId, { intent: "archive" }));
    const reply = expectData<FormReply>(await edit(cookie, planId, { intent: "move-subscribers" }));
    expect(reply.status).toBe(409);
    expect(reply.data.result.error?.[""]).toEqual([
      "This plan is archived: put it back on sale before moving subscribers.",
    ]);
  });
});

describe("changing what a plan includes", () => {
  it("grants listings that joined and revokes listings that left, for current subscribers at once", async () => {
    const shop = await createShopForPlans();
    const cookie = await signIn(shop.seller.id);
    const planId = await createPlan(cookie, {
      name: "Prompts",
      grants: "selection",
      listingIds: [shop.copywriting.id],
      priceMonthEur: "5",
    });
    const price = await prisma.planPrice.findFirstOrThrow({ where: { planId } });
    const buyer = await createUser();
    await subscribe(buyer, price.id);
    await settleWebhooks(app.sandbox);
    expect(await hasActiveEntitlement(buyer.id, shop.copywriting.id)).toBe(true);
    expect(await hasActiveEntitlement(buyer.id, shop.designA.id)).toBe(false);

    expectData(
      await edit(cookie, planId, {
        intent: "save",
        name: "Designs",
        grants: "selection",
        categories: ["Design"],
        priceMonthEur: "5",
      }),
    );
    await runWebhookJobs();
    expect(await hasActiveEntitlement(buyer.id, shop.copywriting.id)).toBe(false);
    expect(await hasActiveEntitlement(buyer.id, shop.designA.id)).toBe(true);
    expect(await hasActiveEntitlement(buyer.id, shop.designB.id)).toBe(true);
    const revoked = await prisma.entitlement.findFirstOrThrow({
      where: { userId: buyer.id, listingId: shop.copywriting.id },
    });
    expect(revoked).toMatchObject({ status: "REVOKED", revokeReason: "REMOVED_FROM_PLAN" });
  }, 60_000);
});
