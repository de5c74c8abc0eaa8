// Discount codes on plans: a code entered next to Subscribe is checked by Stapel (this plan or the
// whole shop, its dates, its redemptions) and handed to the subscription's Checkout; Stripe then
// discounts the first invoice and the renewals the code lasts for, and bills full price after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { fulfilSubscriptionCheckout } from "~/modules/billing/subscriptions/checkout.server.ts";
import * as successRoute from "~/routes/checkout_.success/route.tsx";
import * as newDiscountRoute from "~/routes/dashboard.discounts.new/route.tsx";
import * as subscribeRoute from "~/routes/subscribe/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout, startTestApp } from "../support/app-env.ts";
import { createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { advanceClock, createPlanForSale, putOnTestClock } from "../support/subscriptions.ts";
import { settleWebhooks } from "../support/webhooks.ts";
import { type FormReply, postAs } from "./plans-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

let counter = 0;
const uniqueCode = (prefix: string) =>
  `${prefix}${Date.now().toString(36).toUpperCase()}${(counter++).toString(36).toUpperCase()}`;

/** Creates a code through the seller's form; returns its row. */
async function createCode(sellerId: string, fields: Record<string, string | string[]>) {
  const cookie = await signIn(sellerId);
  const response = expectResponse(
    await callRoute(newDiscountRoute.action, postAs(cookie, "/dashboard/discounts/new", fields)),
  );
  expect(response.status).toBe(302);
  const id = (response.headers.get("Location") ?? "").split("/")[3]?.split("?")[0] ?? "";
  return prisma.discountCode.findUniqueOrThrow({ where: { id } });
}

const subscribeWith = (cookie: string, planPriceId: string, code: string) =>
  callRoute(subscribeRoute.action, postAs(cookie, "/subscribe", { planPriceId, code }));

async function sessionCount() {
  return (await stripe().checkout.sessions.list({ limit: 100 })).data.length;
}

describe("discount codes on plans", { timeout: 180_000 }, () => {
  it("20% for 2 billing cycles: the first invoice and the first renewal are discounted, the third is full price", async () => {
    const { seller, plan, price } = await createPlanForSale({ amount: 1000 });
    const code = await createCode(seller.id, {
      code: uniqueCode("TWO"),
      kind: "PERCENT",
      percentOff: "20",
      scope: "selected",
      planIds: [plan.id],
      durationInMonths: "2",
    });
    expect(code.stripePromotionCodeId).not.toBeNull();

    const buyer = await createUser();
    const start = Math.floor(Date.now() / 1000);
    const { clock } = await putOnTestClock(buyer, start);
    const cookie = await signIn(buyer.id);
    const started = expectResponse(await subscribeWith(cookie, price.id, code.code.toLowerCase()));
    expect(started.status).toBe(302);
    const paid = await payHostedCheckout(
      started.headers.get("Location") ?? "",
      "4242424242424242",
      buyer.email,
    );
    expect(paid.status).toBe(303);
    await settleWebhooks(app.sandbox);

    const sessionId = new URL(paid.location ?? "", "http://stapel.test").searchParams.get("session_id") ?? "";
    const session = await stripe().checkout.sessions.retrieve(sessionId);
    expect(session.total_details?.amount_discount).toBe(200);
    const subscriptionId = String(session.subscription);
    const subscription = await stripe().subscriptions.retrieve(subscriptionId);
    expect(subscription.discounts).toHaveLength(1);

    // One redemption for the subscription, however often its Checkout is fulfilled (the webhook
    // above, the success page, the webhook again).
    expect((await prisma.discountCode.findUniqueOrThrow({ where: { id: code.id } })).redemptionCount).toBe(1);
    await callRoute(successRoute.loader, requestAs(cookie, `/checkout/success?session_id=${sessionId}`));
    await Promise.all([fulfilSubscriptionCheckout(sessionId), fulfilSubscriptionCheckout(sessionId)]);
    expect((await prisma.discountCode.findUniqueOrThrow({ where: { id: code.id } })).redemptionCount).toBe(1);

    const invoices = async () =>
      (await stripe().invoices.list({ subscription: subscriptionId, limit: 10 })).data.sort(
        (a, b) => a.created - b.created,
      );
    const [first] = await invoices();
    expect(first).toMatchObject({ subtotal: 1000, total: 800, amount_paid: 800, status: "paid" });
    expect(first?.total_discount_amounts).toEqual([{ amount: 200, discount: subscription.discounts[0] }]);
    expect(first?.lines.data[0]?.discount_amounts).toEqual([
      { amount: 200, discount: subscription.discounts[0] },
    ]);

    // Renewals: a period later (the draft is finalized and charged an hour after it is created).
    const periodEnd = subscription.items.data[0]?.current_period_end ?? 0;
    await advanceClock(clock.id, periodEnd + 2 * 60 * 60);
    const afterFirstRenewal = await invoices();
    expect(afterFirstRenewal).toHaveLength(2);
    expect(afterFirstRenewal[1]).toMatchObject({
      billing_reason: "subscription_cycle",
      total: 800,
      amount_paid: 800,
    });

    const renewed = await stripe().subscriptions.retrieve(subscriptionId);
    await advanceClock(clock.id, (renewed.items.data[0]?.current_period_end ?? 0) + 2 * 60 * 60);
    const afterSecondRenewal = await invoices();
    expect(afterSecondRenewal).toHaveLength(3);
    expect(afterSecondRenewal[2]).toMatchObject({ subtotal: 1000, total: 1000, amount_paid: 1000 });
    expect(afterSecondRenewal[2]?.total_discount_amounts).toEqual([]);
    expect((await stripe().subscriptions.retrieve(subscriptionId)).discounts).toEqual([]);
  });

  it("an expired code or another shop's code is refused with its message and opens no Checkout", async () => {
    const { seller, price } = await createPlanForSale();
    const other = await createPlanForSale();
    const expired = await createCode(seller.id, {
      code: uniqueCode("OLD"),
      kind: "PERCENT",
      percentOff: "20",
      scope: "shop",
    });
    await prisma.discountCode.update({
      where: { id: expired.id },
      data: { endsAt: new Date(Date.UTC(2026, 0, 1)) },
    });
    const foreign = await createCode(other.seller.id, {
      code: uniqueCode("THEIRS"),
      kind: "PERCENT",
      percentOff: "20",
      scope: "selected",
      planIds: [other.plan.id],
    });
    const buyer = await createUser();
    const cookie = await signIn(buyer.id);
    const before = await sessionCount();

    const old = expectData(await subscribeWith(cookie, price.id, expired.code));
    expect(old.status).toBe(409);
    expect((old.data as FormReply).result.error?.[""]).toEqual([
      `The code ${expired.code} expired: it was valid until 31 December 2025.`,
    ]);
    const theirs = expectData(await subscribeWith(cookie, price.id, foreign.code));
    expect(theirs.status).toBe(404);
    expect((theirs.data as FormReply).result.error?.[""]).toEqual([
      `There is no discount code ${foreign.code} in this shop.`,
    ]);
    expect(await sessionCount()).toBe(before);
  });
});
