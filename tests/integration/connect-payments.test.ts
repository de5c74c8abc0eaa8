import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import * as checkoutRoute from "~/routes/checkout/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout, startTestApp } from "../support/app-env.ts";
import { connectShop, createListingForSale, createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData } from "../support/routes.ts";
import { createPlanForSale, subscribe } from "../support/subscriptions.ts";
import { settleWebhooks } from "../support/webhooks.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

async function buy(listingId: string, buyer: { id: string; email: string }) {
  const started = await startCheckout(buyer, listingId);
  if (started.kind !== "redirect-to-stripe") throw new Error(`checkout did not start: ${started.kind}`);
  expect((await payHostedCheckout(started.url, "4242424242424242", buyer.email)).status).toBe(303);
  await settleWebhooks(app.sandbox);
  return prisma.order.findFirstOrThrow({
    where: { buyerId: buyer.id, items: { some: { listingId } } },
    orderBy: { createdAt: "desc" },
  });
}

/** The charge as Stripe holds it, with its balance transaction expanded. */
async function chargeOf(paymentIntentId: string) {
  const intent = await stripe().paymentIntents.retrieve(paymentIntentId, {
    expand: ["latest_charge.balance_transaction"],
  });
  const charge = intent.latest_charge as Stripe.Charge;
  return { charge, txn: charge.balance_transaction as Stripe.BalanceTransaction };
}

describe("destination charges to the shop's connected account", { timeout: 60_000 }, () => {
  it("records Stripe's fee, the platform fee and the seller's net from what Stripe booked", async () => {
    const { shop, listing } = await createListingForSale({ priceAmount: 1200, currency: "EUR" });
    const buyer = await createUser();
    const order = await buy(listing.id, buyer);

    const { charge, txn } = await chargeOf(order.stripePaymentIntentId ?? "");
    expect(charge.transfer_data?.destination).toBe(shop.stripeAccountId);
    expect(charge.application_fee_amount).toBe(60); // PLATFORM_FEE_BPS defaults to 500: 5% of €12.00
    expect(txn).toMatchObject({
      object: "balance_transaction",
      type: "charge",
      amount: 1200,
      source: charge.id,
    });
    expect(txn.fee_details).toEqual([expect.objectContaining({ type: "stripe_fee", amount: txn.fee })]);
    const transfer = await stripe().transfers.retrieve(String(charge.transfer));
    expect(transfer).toMatchObject({
      amount: 1140,
      destination: shop.stripeAccountId,
      source_transaction: charge.id,
    });
    const fee = await stripe().applicationFees.retrieve(String(charge.application_fee));
    expect(fee).toMatchObject({
      amount: 60,
      account: shop.stripeAccountId,
      originating_transaction: charge.id,
    });
    expect((await stripe().balanceTransactions.retrieve(txn.id)).fee).toBe(txn.fee);

    expect(order).toMatchObject({
      status: "PAID",
      totalAmount: 1200,
      stripeFeeAmount: txn.fee,
      platformFeeAmount: 60,
      taxAmount: 0,
      netAmount: transfer.amount,
      country: charge.payment_method_details?.card?.country,
      destinationAccountId: shop.stripeAccountId,
      stripeChargeId: charge.id,
      stripeTransferId: transfer.id,
    });
    // The sandbox's stated assumption for EUR: 1.5% + €0.25.
    expect(txn.fee).toBe(43);
    const types = app.sandbox.events().map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(["transfer.created", "application_fee.created"]));
  });

  it("takes a shop's own fee rate over the platform's", async () => {
    const { shop, listing } = await createListingForSale({ priceAmount: 2500, currency: "USD" });
    await prisma.shop.update({ where: { id: shop.id }, data: { platformFeeBps: 1000 } });
    const order = await buy(listing.id, await createUser());
    const { txn } = await chargeOf(order.stripePaymentIntentId ?? "");
    expect(order).toMatchObject({ platformFeeAmount: 250, netAmount: 2250, stripeFeeAmount: txn.fee });
    expect(txn.fee).toBe(103); // USD: 2.9% + 30¢
  });

  it("refunds with reverse_transfer and refund_application_fee in proportion to the refund", async () => {
    const { listing } = await createListingForSale({ priceAmount: 1200, currency: "EUR" });
    const order = await buy(listing.id, await createUser());
    const { charge } = await chargeOf(order.stripePaymentIntentId ?? "");

    const half = await stripe().refunds.create({
      payment_intent: order.stripePaymentIntentId ?? "",
      amount: 600,
      reverse_transfer: true,
      refund_application_fee: true,
    });
    expect(half.transfer_reversal).toMatch(/^trr_/);
    const refundTxn = await stripe().balanceTransactions.retrieve(String(half.balance_transaction));
    expect(refundTxn).toMatchObject({ type: "refund", amount: -600, fee: 0 });
    let transfer = await stripe().transfers.retrieve(String(charge.transfer));
    expect(transfer).toMatchObject({ amount_reversed: 570, reversed: false });
    expect(transfer.reversals.data[0]).toMatchObject({ amount: 570, source_refund: half.id });
    let fee = await stripe().applicationFees.retrieve(String(charge.application_fee));
    expect(fee).toMatchObject({ amount_refunded: 30, refunded: false });

    await stripe().refunds.create({
      payment_intent: order.stripePaymentIntentId ?? "",
      reverse_transfer: true,
      refund_application_fee: true,
    });
    transfer = await stripe().transfers.retrieve(String(charge.transfer));
    fee = await stripe().applicationFees.retrieve(String(charge.application_fee));
    expect(transfer).toMatchObject({ amount_reversed: 1140, reversed: true });
    expect(fee).toMatchObject({ amount_refunded: 60, refunded: true });
    await settleWebhooks(app.sandbox);
  });

  it("refuses a destination that does not exist or cannot receive transfers, as Stripe does", async () => {
    const session = (destination: string) =>
      stripe().checkout.sessions.create({
        mode: "payment",
        success_url: "http://stapel.test/ok",
        line_items: [
          {
            quantity: 1,
            price_data: { currency: "eur", unit_amount: 1000, product_data: { name: "Thing" } },
          },
        ],
        payment_intent_data: { application_fee_amount: 50, transfer_data: { destination } },
      });
    const missing = await session("acct_1DoesNotExist0000").catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      param: "payment_intent_data[transfer_data][destination]",
      message: "No such destination: 'acct_1DoesNotExist0000'",
    });

    const { shop } = await createListingForSale();
    const open = await prisma.shop.update({ where: { id: shop.id }, data: { stripeAccountId: null } });
    const unfinished = await createUser();
    // A fresh shop whose seller left onboarding with requirements open.
    const other = await prisma.shop.create({
      data: { ownerId: unfinished.id, handle: `open-${open.id}`, name: "Unfinished" },
    });
    const { stripeAccountId } = await connectShop(other.id, "leave-open");
    const refused = await session(stripeAccountId ?? "").catch((error: unknown) => error);
    expect(refused).toMatchObject({
      statusCode: 400,
      code: "insufficient_capabilities_for_transfer",
      message:
        "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
    });
  });

  it("answers 409 with the reason when the shop cannot take payments, and opens no order", async () => {
    const { shop, listing } = await createListingForSale();
    await prisma.shop.update({ where: { id: shop.id }, data: { stripeChargesEnabled: false } });
    const buyer = await createUser();
    const reply = expectData<{ result: { error: Record<string, string[]> } }>(
      await callRoute(
        checkoutRoute.action,
        requestAs(await signIn(buyer.id), "/checkout", {
          method: "POST",
          body: new URLSearchParams({ listingId: listing.id }),
        }),
      ),
    );
    expect(reply.status).toBe(409);
    expect(Object.values(reply.data.result.error).flat().join(" ")).toContain(
      "its seller has not finished setting up payouts",
    );
    expect(await prisma.order.count({ where: { buyerId: buyer.id } })).toBe(0);
  });

  it("a shop whose account Stripe does not know cannot be bought from: nothing charged, no open order", async () => {
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { shop, listing } = await createListingForSale();
    await prisma.shop.update({ where: { id: shop.id }, data: { stripeAccountId: "acct_1Vanished000000" } });
    const buyer = await createUser();
    expect(await startCheckout(buyer, listing.id)).toEqual({ kind: "payments-unavailable" });
    expect(await prisma.order.findMany({ where: { buyerId: buyer.id }, select: { status: true } })).toEqual([
      { status: "EXPIRED" },
    ]);
    expect(warned).toHaveBeenCalled();
    warned.mockRestore();
  });

  it("plans: the subscription pays the shop's account with the platform fee as application_fee_percent", async () => {
    const { shop, price } = await createPlanForSale();
    const buyer = await createUser();
    const { stripeSubscriptionId } = await subscribe(buyer, price.id);
    const subscription = await stripe().subscriptions.retrieve(stripeSubscriptionId);
    expect(subscription.application_fee_percent).toBe(5);
    expect(subscription.transfer_data).toMatchObject({ destination: shop.stripeAccountId });
    await settleWebhooks(app.sandbox);
  });
});
