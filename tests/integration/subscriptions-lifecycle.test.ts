// A subscription's life against the Stripe sandbox, through its real webhooks and the job queue:
// subscribe, renew, fail to renew, cancel at the period's end, change plan. Access follows each step.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { fulfilSubscriptionCheckout } from "~/modules/billing/subscriptions/checkout.server.ts";
import { hasActiveEntitlement, listLibrary } from "~/modules/delivery/entitlements.server.ts";
import { grantOrderEntitlements } from "~/modules/delivery/grants.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser } from "../support/fixtures.ts";
import {
  advanceClock,
  createOtherPlan,
  createPlanForSale,
  DAY,
  emailsTo,
  putOnTestClock,
  storedSubscription,
  subscribe,
} from "../support/subscriptions.ts";
import { deliverEvent, runWebhookJobs, settleWebhooks } from "../support/webhooks.ts";

// Each test drives the sandbox through many Stripe calls, webhooks and jobs: slow on a busy machine.
let app: Awaited<ReturnType<typeof startTestApp>>;
let webhookUrl: string;
beforeAll(async () => {
  app = await startTestApp();
  webhookUrl = app.webhookUrl;
});
afterAll(async () => {
  await app.stop();
});

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0) / 1000;

describe("subscribing", { timeout: 60_000 }, () => {
  it("grants what the plan includes once Stripe activates the subscription, with a licence key and a welcome", async () => {
    const { plan, price, listing, second } = await createPlanForSale();
    const user = await createUser();
    const { stripeSubscriptionId } = await subscribe(user, price.id);
    await settleWebhooks(app.sandbox);

    const subscription = await storedSubscription(stripeSubscriptionId);
    expect(subscription).toMatchObject({
      userId: user.id,
      planId: plan.id,
      planPriceId: price.id,
      status: "ACTIVE",
      grantsAccess: true,
      pastDueSince: null,
    });
    expect(
      subscription.entitlements.map((e) => [e.listingId, e.source, e.status, e.grantKey]).sort(),
    ).toEqual(
      [listing.id, second.id]
        .map((id) => [id, "SUBSCRIPTION", "ACTIVE", `subscription:${subscription.id}:listing:${id}`])
        .sort(),
    );
    // One licence key for the subscription (for the plan), none per listing.
    expect(subscription.entitlements.every((e) => e.licenseKey === null)).toBe(true);
    expect(await prisma.licenseKey.findMany({ where: { userId: user.id } })).toEqual([
      expect.objectContaining({ subscriptionId: subscription.id, status: "ACTIVE", listingId: null }),
    ]);
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).stripeCustomerId).toMatch(
      /^cus_/,
    );

    const emails = await emailsTo(user.email, "subscription-");
    expect(emails.map((email) => email.idempotencyKey.split(":")[0])).toEqual([
      "subscription-welcome",
      "subscription-receipt",
    ]);
    expect(emails[0]?.text).toContain(plan.name);
    expect(emails[1]?.text).toContain("€9.00");
    const invoices = await prisma.invoice.findMany({ where: { subscriptionId: subscription.id } });
    expect(invoices).toEqual([
      expect.objectContaining({
        status: "PAID",
        totalAmount: 900,
        amountPaid: 900,
        currency: "EUR",
        userId: user.id,
      }),
    ]);
  });

  it("fulfils from the success page before any webhook, any number of times, and the webhooks add nothing", async () => {
    const { price, listing } = await createPlanForSale({ trialDays: 14 });
    const user = await createUser();
    app.sandbox.setWebhookUrl("http://127.0.0.1:9/nowhere");
    const { sessionId, stripeSubscriptionId } = await subscribe(user, price.id);

    const results = await Promise.all([
      fulfilSubscriptionCheckout(sessionId),
      fulfilSubscriptionCheckout(sessionId),
    ]);
    expect(results).toEqual([
      expect.objectContaining({ status: "fulfilled", userId: user.id, grantsAccess: true }),
      expect.objectContaining({ status: "fulfilled", userId: user.id, grantsAccess: true }),
    ]);
    // A trial grants at once.
    const trialing = await storedSubscription(stripeSubscriptionId);
    expect(trialing).toMatchObject({ status: "TRIALING", grantsAccess: true });
    expect(trialing.trialEnd?.getTime()).toBeGreaterThan(Date.now() + 13 * DAY * 1000);
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(true);

    // Now every webhook of that checkout arrives (each twice), and changes nothing.
    const events = app.sandbox
      .events()
      .filter((event) => JSON.stringify(event.data.object).includes(stripeSubscriptionId));
    expect(events.map((event) => event.type)).toContain("checkout.session.completed");
    for (const event of [...events, ...events]) expect((await deliverEvent(event)).status).toBe(200);
    await runWebhookJobs();
    app.sandbox.setWebhookUrl(webhookUrl);

    const after = await storedSubscription(stripeSubscriptionId);
    expect(after.entitlements).toHaveLength(2);
    expect(after.entitlements.every((e) => e.status === "ACTIVE")).toBe(true);
    const welcome = await emailsTo(user.email, "subscription-welcome");
    expect(welcome).toHaveLength(1);
    expect(welcome[0]?.text).toMatch(/free trial runs until/);
    expect(await emailsTo(user.email, "subscription-receipt")).toEqual([]); // the trial's invoice is €0
  });
});

describe("renewing and cancelling, on a test clock", { timeout: 60_000 }, () => {
  async function subscribedOnClock(options: { trialDays?: number } = {}) {
    const sale = await createPlanForSale(options);
    const user = await createUser();
    const { clock } = await putOnTestClock(user, T0);
    const { stripeSubscriptionId } = await subscribe(user, sale.price.id);
    await settleWebhooks(app.sandbox);
    const subscription = await storedSubscription(stripeSubscriptionId);
    return { ...sale, user, clock, stripeSubscriptionId, subscription };
  }

  it("extends access with each paid renewal and sends a receipt for it", async () => {
    const { user, clock, stripeSubscriptionId, subscription } = await subscribedOnClock();
    const periodEnd = subscription.currentPeriodEnd?.getTime() ?? 0;
    expect(periodEnd).toBe(Date.UTC(2026, 1, 15, 12, 0, 0));
    expect(subscription.stripeTestClockId).toBe(clock.id);

    await advanceClock(clock.id, periodEnd / 1000 + 2 * 3600);
    await settleWebhooks(app.sandbox);
    const renewed = await storedSubscription(stripeSubscriptionId);
    expect(renewed).toMatchObject({ status: "ACTIVE", grantsAccess: true });
    expect(renewed.currentPeriodEnd?.getTime()).toBe(Date.UTC(2026, 2, 15, 12, 0, 0));
    expect(renewed.entitlements.every((e) => e.status === "ACTIVE")).toBe(true);
    const invoices = await prisma.invoice.findMany({
      where: { subscriptionId: renewed.id },
      orderBy: { periodStart: "asc" },
    });
    expect(invoices.map((invoice) => [invoice.status, invoice.amountPaid])).toEqual([
      ["PAID", 900],
      ["PAID", 900],
    ]);
    // Each receipt states the month it pays for (its line's period; Stripe's top-level period of a
    // renewal invoice is the month before).
    expect(invoices.map((invoice) => [invoice.periodStart?.getTime(), invoice.periodEnd?.getTime()])).toEqual(
      [
        [Date.UTC(2026, 0, 15, 12, 0, 0), periodEnd],
        [periodEnd, Date.UTC(2026, 2, 15, 12, 0, 0)],
      ],
    );
    const receipts = await emailsTo(user.email, "subscription-receipt");
    expect(receipts).toHaveLength(2);
    expect(receipts[1]?.text).toContain("15 February 2026 – 15 March 2026");
  });

  it("keeps access after cancelling at the period's end until Stripe ends the subscription", async () => {
    const { user, clock, stripeSubscriptionId, subscription, listing } = await subscribedOnClock();
    await stripe().subscriptions.update(stripeSubscriptionId, { cancel_at_period_end: true });
    await settleWebhooks(app.sandbox);
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({
      status: "ACTIVE",
      cancelAtPeriodEnd: true,
      grantsAccess: true,
    });
    const cancelled = await emailsTo(user.email, "subscription-cancelled");
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]?.text).toContain("15 February 2026");
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(true);

    const periodEnd = (subscription.currentPeriodEnd?.getTime() ?? 0) / 1000;
    await advanceClock(clock.id, periodEnd - 3600);
    await settleWebhooks(app.sandbox);
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(true);

    await advanceClock(clock.id, periodEnd + 3600);
    await settleWebhooks(app.sandbox);
    const ended = await storedSubscription(stripeSubscriptionId);
    expect(ended).toMatchObject({ status: "CANCELED", grantsAccess: false });
    expect(ended.entitlements.map((e) => [e.status, e.revokeReason])).toEqual([
      ["REVOKED", "SUBSCRIPTION_ENDED"],
      ["REVOKED", "SUBSCRIPTION_ENDED"],
    ]);
    // The plan's key expires with access (it would come back if the subscription did).
    expect(await prisma.licenseKey.findUniqueOrThrow({ where: { subscriptionId: ended.id } })).toMatchObject({
      status: "EXPIRED",
    });
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(false);
    expect(await emailsTo(user.email, "subscription-access-ended")).toHaveLength(1);
    expect(await prisma.invoice.count({ where: { subscriptionId: ended.id } })).toBe(1); // no renewal invoice
  });

  it("reminds before a trial ends, then the first paid period continues access", async () => {
    const { user, clock, stripeSubscriptionId, listing } = await subscribedOnClock({ trialDays: 7 });
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({
      status: "TRIALING",
      grantsAccess: true,
    });
    await advanceClock(clock.id, T0 + 5 * DAY);
    await settleWebhooks(app.sandbox);
    const reminders = await emailsTo(user.email, "subscription-trial-ending");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.text).toContain("22 January 2026");
    expect(reminders[0]?.text).toContain("€9.00 per month");

    await advanceClock(clock.id, T0 + 7 * DAY + 2 * 3600);
    await settleWebhooks(app.sandbox);
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({
      status: "ACTIVE",
      grantsAccess: true,
    });
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(true);
    expect(await emailsTo(user.email, "subscription-receipt")).toHaveLength(1);
    expect(await emailsTo(user.email, "subscription-welcome")).toHaveLength(1);
  });
});

describe("changing plans", { timeout: 60_000 }, () => {
  it("moves access to what the new plan includes", async () => {
    const { shop, price, listing, second } = await createPlanForSale();
    const third = await prisma.listing.findFirstOrThrow({ where: { id: second.id } });
    const pro = await createOtherPlan(shop.id, [third.id]);
    const user = await createUser();
    const { stripeSubscriptionId } = await subscribe(user, price.id);
    await settleWebhooks(app.sandbox);
    const before = await storedSubscription(stripeSubscriptionId);
    expect(before.entitlements).toHaveLength(2);

    const current = await stripe().subscriptions.retrieve(stripeSubscriptionId);
    await stripe().subscriptions.update(stripeSubscriptionId, {
      items: [{ id: current.items.data[0]?.id, price: pro.price.stripePriceId ?? "" }],
      proration_behavior: "create_prorations",
    });
    await settleWebhooks(app.sandbox);
    const after = await storedSubscription(stripeSubscriptionId);
    expect(after).toMatchObject({ planId: pro.plan.id, planPriceId: pro.price.id, status: "ACTIVE" });
    const byListing = Object.fromEntries(
      after.entitlements.map((e) => [e.listingId, [e.status, e.revokeReason]]),
    );
    expect(byListing).toEqual({
      [listing.id]: ["REVOKED", "REMOVED_FROM_PLAN"],
      [second.id]: ["ACTIVE", null],
    });
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(false);
  });

  it("keeps a listing bought separately when the plan stops granting it", async () => {
    const { shop, price, listing, second } = await createPlanForSale();
    const pro = await createOtherPlan(shop.id, [second.id]);
    const user = await createUser();
    const { stripeSubscriptionId } = await subscribe(user, price.id);
    await settleWebhooks(app.sandbox);
    // Bought one-off as well (a subscriber may: the purchase outlives the plan).
    await prisma.listing.update({ where: { id: listing.id }, data: { priceAmount: 500 } });
    const order = await prisma.order.create({
      data: {
        shopId: shop.id,
        buyerId: user.id,
        email: user.email,
        currency: "EUR",
        subtotalAmount: 500,
        totalAmount: 500,
        status: "PENDING",
        items: { create: { listingId: listing.id, title: listing.title, unitAmount: 500, currency: "EUR" } },
      },
      include: { items: true },
    });
    await prisma.$transaction((tx) => grantOrderEntitlements(tx, { buyerId: user.id, items: order.items }));

    const current = await stripe().subscriptions.retrieve(stripeSubscriptionId);
    await stripe().subscriptions.update(stripeSubscriptionId, {
      items: [{ id: current.items.data[0]?.id, price: pro.price.stripePriceId ?? "" }],
    });
    await settleWebhooks(app.sandbox);
    const revoked = await prisma.entitlement.findFirstOrThrow({
      where: { userId: user.id, listingId: listing.id, source: "SUBSCRIPTION" },
    });
    expect(revoked).toMatchObject({ status: "REVOKED", revokeReason: "REMOVED_FROM_PLAN" });
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(true);
    const library = await listLibrary(user.id);
    expect(library.filter((item) => item.listingId === listing.id)).toEqual([
      expect.objectContaining({ source: "ORDER_ITEM", status: "ACTIVE", planName: null }),
    ]);
    expect(library.find((item) => item.listingId === second.id)).toMatchObject({
      source: "SUBSCRIPTION",
      planName: pro.plan.name,
    });
  });
});
