// A plan's invoice fully refunded or disputed, through the Stripe sandbox and the real webhook route:
// the charge.refunded / charge.dispute.created of an invoice's charge lead (PaymentIntent →
// InvoicePayment → invoice → subscription) to the subscription; access ends, the plan key is
// REVOKED and stays so through later syncs; a partial refund keeps access.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { refreshSubscriptionAccess } from "~/modules/billing/subscriptions/access.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser } from "../support/fixtures.ts";
import { createPlanForSale, storedSubscription, subscribe } from "../support/subscriptions.ts";
import { settleWebhooks } from "../support/webhooks.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

async function subscribed(card?: string) {
  const { price } = await createPlanForSale();
  const user = await createUser();
  const { stripeSubscriptionId } = await subscribe(user, price.id, card);
  await settleWebhooks(app.sandbox);
  const stored = await storedSubscription(stripeSubscriptionId);
  // A disputed card's dispute arrives with the payment's events: access may already have ended.
  if (!card) expect(stored.grantsAccess).toBe(true);
  return { user, stripeSubscriptionId, stored };
}

/** The PaymentIntent that paid the subscription's first invoice, found as the app finds it. */
async function firstInvoicePayment(stripeSubscriptionId: string) {
  const subscription = await stripe().subscriptions.retrieve(stripeSubscriptionId);
  const payments = await stripe().invoicePayments.list({ invoice: String(subscription.latest_invoice) });
  const payment = payments.data[0];
  expect(payment?.payment.type).toBe("payment_intent");
  return String(payment?.payment.payment_intent);
}

async function planAccess(subscriptionId: string) {
  const [entitlements, key] = await Promise.all([
    prisma.entitlement.findMany({ where: { subscriptionId }, select: { status: true, revokeReason: true } }),
    prisma.licenseKey.findUniqueOrThrow({ where: { subscriptionId }, select: { status: true } }),
  ]);
  return { entitlements, key: key.status };
}

describe("a plan's invoice refunded or disputed", { timeout: 90_000 }, () => {
  it("ends access and revokes the plan key on a full refund; a later sync does not bring it back", async () => {
    const { stored, user } = await subscribed();
    const paymentIntent = await firstInvoicePayment(stored.stripeSubscriptionId);
    expect((await planAccess(stored.id)).key).toBe("ACTIVE");

    await stripe().refunds.create({ payment_intent: paymentIntent });
    await settleWebhooks(app.sandbox);
    const after = await planAccess(stored.id);
    expect(after.key).toBe("REVOKED");
    expect(after.entitlements.length).toBeGreaterThan(0);
    expect(
      after.entitlements.every((row) => row.status === "REVOKED" && row.revokeReason === "REFUNDED"),
    ).toBe(true);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: stored.id } })).grantsAccess).toBe(
      false,
    );

    // Cancelled at Stripe, so no renewal charges for access the subscriber no longer has; a sync
    // after that does not re-grant.
    expect((await stripe().subscriptions.retrieve(stored.stripeSubscriptionId)).status).toBe("canceled");
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: stored.id } })).status).toBe(
      "CANCELED",
    );
    await prisma.$transaction((tx) => refreshSubscriptionAccess(tx, stored.id, new Date()));
    expect(await planAccess(stored.id)).toEqual(after);
    const emails = await prisma.emailMessage.findMany({
      where: { to: user.email },
      select: { subject: true },
    });
    expect(emails.filter((email) => /ended|cancel/i.test(email.subject))).toHaveLength(1);
  });

  it("keeps access on a partial refund", async () => {
    const { stored } = await subscribed();
    const paymentIntent = await firstInvoicePayment(stored.stripeSubscriptionId);
    await stripe().refunds.create({ payment_intent: paymentIntent, amount: 100 });
    await settleWebhooks(app.sandbox);
    const after = await planAccess(stored.id);
    expect(after.key).toBe("ACTIVE");
    expect(after.entitlements.every((row) => row.status === "ACTIVE")).toBe(true);
    expect((await stripe().subscriptions.retrieve(stored.stripeSubscriptionId)).status).toBe("active");
  });

  it("ends access and revokes the plan key when the invoice's charge is disputed", async () => {
    // 4000 0000 0000 0259: the payment succeeds, then the cardholder disputes it.
    const { stored } = await subscribed("4000000000000259");
    await settleWebhooks(app.sandbox);
    const [charge] = (
      await stripe().charges.list({ payment_intent: await firstInvoicePayment(stored.stripeSubscriptionId) })
    ).data;
    expect(charge?.disputed).toBe(true);
    const after = await planAccess(stored.id);
    expect(after.key).toBe("REVOKED");
    expect(
      after.entitlements.every((row) => row.status === "REVOKED" && row.revokeReason === "DISPUTED"),
    ).toBe(true);
    expect((await stripe().subscriptions.retrieve(stored.stripeSubscriptionId)).status).toBe("canceled");
  });
});
