// Webhooks that never arrive: `npm run stripe:reconcile` (and the hourly job) compares Stapel with
// Stripe and repairs what they would have done, saying what it changed; a second run finds nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileStripe } from "~/modules/billing/reconcile.server.ts";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import { hasActiveEntitlement } from "~/modules/delivery/entitlements.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { startWebhookReceiver } from "../../stripe-sandbox/testing.ts";
import { payHostedCheckout, startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser } from "../support/fixtures.ts";
import {
  advanceClock,
  createPlanForSale,
  emailsTo,
  putOnTestClock,
  storedSubscription,
  subscribe,
} from "../support/subscriptions.ts";
import { settleWebhooks } from "../support/webhooks.ts";

// Each test drives the sandbox through many Stripe calls, webhooks and jobs: slow on a busy machine.
let app: Awaited<ReturnType<typeof startTestApp>>;
let lost: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  app = await startTestApp();
  lost = await startWebhookReceiver(); // answers 200 and does nothing: the deliveries are lost
});
afterAll(async () => {
  await app.stop();
  await lost.close();
});

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0) / 1000;
// Test clocks date their objects in simulated time (2026-01): look back far enough to see them.
const DAYS = 400;

async function losingWebhooks(flow: () => Promise<unknown>) {
  app.sandbox.setWebhookUrl(lost.url);
  try {
    await flow();
    await app.sandbox.deliveries();
  } finally {
    app.sandbox.setWebhookUrl(app.webhookUrl);
  }
}

describe("stripe:reconcile", { timeout: 60_000 }, () => {
  it("repairs a lost invoice.paid: stores the invoice, sends its receipt and extends the subscription", async () => {
    const { price } = await createPlanForSale();
    const user = await createUser();
    const { clock } = await putOnTestClock(user, T0);
    const { stripeSubscriptionId } = await subscribe(user, price.id);
    await settleWebhooks(app.sandbox);
    await reconcileStripe({ days: DAYS }); // whatever other tests left behind
    const before = await storedSubscription(stripeSubscriptionId);
    const periodEnd = before.currentPeriodEnd?.getTime() ?? 0;

    await losingWebhooks(() => advanceClock(clock.id, periodEnd / 1000 + 2 * 3600));
    expect(await prisma.invoice.count({ where: { subscriptionId: before.id } })).toBe(1);
    expect((await storedSubscription(stripeSubscriptionId)).currentPeriodEnd?.getTime()).toBe(periodEnd);

    const report = await reconcileStripe({ days: DAYS });
    expect(report.repairs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^subscription ${stripeSubscriptionId}: period ends 2026-03-15`)),
        expect.stringMatching(new RegExp(`^invoice in_\\w+ \\(${stripeSubscriptionId}\\): stored as PAID`)),
      ]),
    );
    const after = await storedSubscription(stripeSubscriptionId);
    expect(after.currentPeriodEnd?.getTime()).toBe(Date.UTC(2026, 2, 15, 12, 0, 0));
    expect(await prisma.invoice.count({ where: { subscriptionId: after.id, status: "PAID" } })).toBe(2);
    expect(await emailsTo(user.email, "subscription-receipt")).toHaveLength(2);

    expect((await reconcileStripe({ days: DAYS })).repairs).toEqual([]);
  });

  it("records a subscription whose checkout's webhooks were all lost and whose buyer never saw the success page", async () => {
    const { price, listing } = await createPlanForSale();
    const user = await createUser();
    let stripeSubscriptionId = "";
    await losingWebhooks(async () => {
      ({ stripeSubscriptionId } = await subscribe(user, price.id));
    });
    expect(await prisma.subscription.count({ where: { userId: user.id } })).toBe(0);

    const report = await reconcileStripe({ days: DAYS });
    expect(report.repairs.join("\n")).toContain(stripeSubscriptionId);
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({
      status: "ACTIVE",
      grantsAccess: true,
    });
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(true);
    expect(
      (await emailsTo(user.email, "subscription-")).map((email) => email.idempotencyKey.split(":")[0]),
    ).toEqual(["subscription-welcome", "subscription-receipt"]);
    expect((await reconcileStripe({ days: DAYS })).repairs).toEqual([]);
  });

  it("ends a subscription Stripe cancelled while the webhook was lost", async () => {
    const { price, listing } = await createPlanForSale();
    const user = await createUser();
    const { stripeSubscriptionId } = await subscribe(user, price.id);
    await settleWebhooks(app.sandbox);
    const { stripe } = await import("~/integrations/stripe.server.ts");
    await losingWebhooks(() => stripe().subscriptions.cancel(stripeSubscriptionId));
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(true);

    const report = await reconcileStripe({ days: DAYS });
    expect(report.repairs).toContain(
      `subscription ${stripeSubscriptionId}: status ACTIVE → CANCELED, access ended, 2 listing(s) revoked`,
    );
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(false);
  });

  it("fulfils a one-off purchase whose checkout.session.completed was lost", async () => {
    const { listing } = await createListingForSale();
    const buyer = await createUser();
    await losingWebhooks(async () => {
      const started = await startCheckout(buyer, listing.id);
      if (started.kind !== "redirect-to-stripe") throw new Error(started.kind);
      await payHostedCheckout(started.url, "4242424242424242", buyer.email);
    });
    const order = await prisma.order.findFirstOrThrow({ where: { buyerId: buyer.id } });
    expect(order.status).toBe("PENDING");

    const report = await reconcileStripe({ days: DAYS });
    expect(report.repairs).toContain(
      `checkout ${order.stripeCheckoutSessionId}: order ${order.id} paid and fulfilled`,
    );
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PAID",
    });
    expect(await hasActiveEntitlement(buyer.id, listing.id)).toBe(true);
  });
});
