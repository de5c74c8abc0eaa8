// A purchase paid by a delayed method (SEPA Direct Debit): the session completes unpaid and grants
// nothing; access comes with checkout.session.async_payment_succeeded, never after async_payment_failed.
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { fulfilCheckoutSession } from "~/modules/checkout/fulfilment.server.ts";
import { hasActiveEntitlement } from "~/modules/delivery/entitlements.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { submitForm } from "../../stripe-sandbox/testing.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser } from "../support/fixtures.ts";
import { settleWebhooks } from "../support/webhooks.ts";

// Each test waits for the sandbox to settle a debit (seconds) and for the webhooks' jobs.
let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

/** An order opened the way startCheckout opens one, in a session that also offers SEPA Direct Debit. */
async function sepaCheckout() {
  const { shop, listing } = await createListingForSale();
  const buyer = await createUser();
  const order = await prisma.order.create({
    data: {
      shopId: shop.id,
      buyerId: buyer.id,
      email: buyer.email,
      currency: "EUR",
      subtotalAmount: listing.priceAmount,
      totalAmount: listing.priceAmount,
      items: {
        create: {
          listingId: listing.id,
          title: listing.title,
          unitAmount: listing.priceAmount,
          currency: "EUR",
        },
      },
    },
  });
  const session = await stripe().checkout.sessions.create({
    mode: "payment",
    allowed_payment_method_types: ["card", "sepa_debit"],
    client_reference_id: order.id,
    metadata: { orderId: order.id },
    payment_intent_data: { metadata: { orderId: order.id } },
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: "eur",
          unit_amount: listing.priceAmount,
          product_data: { name: listing.title },
        },
      },
    ],
    success_url: "http://stapel.test/checkout/success?session_id={CHECKOUT_SESSION_ID}",
  } as Stripe.Checkout.SessionCreateParams);
  await prisma.order.update({ where: { id: order.id }, data: { stripeCheckoutSessionId: session.id } });
  return { listing, buyer, order, session };
}

async function payByDebit(url: string, iban: string) {
  const submitted = await submitForm(url, {
    method: "sepa_debit",
    email: "debit@example.com",
    name: "Erika Mustermann",
    iban,
  });
  expect(submitted.status).toBe(303);
}

/** Waits until the sandbox has emitted `type` for the session, then handles every webhook. */
async function settledWith(sessionId: string, type: string) {
  for (let i = 0; i < 200; i++) {
    const emitted = app.sandbox
      .events()
      .some((event) => event.type === type && (event.data.object as { id?: string }).id === sessionId);
    if (emitted) return settleWebhooks(app.sandbox);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the sandbox sent no ${type} for ${sessionId}`);
}

describe("a purchase paid by SEPA Direct Debit", { timeout: 60_000 }, () => {
  it("grants nothing while the debit is processing, then grants once it succeeds", async () => {
    const { listing, buyer, order, session } = await sepaCheckout();
    await payByDebit(session.url ?? "", "DE89 3704 0044 0532 0130 00");
    // The success page, at once (the debit settles seconds later): completed, but not paid yet.
    expect(await fulfilCheckoutSession(session.id)).toEqual({ status: "unpaid", orderId: order.id });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PENDING",
    });
    expect(await hasActiveEntitlement(buyer.id, listing.id)).toBe(false);

    await settledWith(session.id, "checkout.session.async_payment_succeeded");
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PAID",
    });
    expect(await hasActiveEntitlement(buyer.id, listing.id)).toBe(true);
    expect(await prisma.emailMessage.count({ where: { idempotencyKey: `receipt:order:${order.id}` } })).toBe(
      1,
    );
  });

  it("closes the order and grants nothing when the debit fails", async () => {
    const { listing, buyer, order, session } = await sepaCheckout();
    await payByDebit(session.url ?? "", "DE62 3704 0044 0532 0130 01");
    await settledWith(session.id, "checkout.session.async_payment_failed");
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "EXPIRED",
    });
    expect(await hasActiveEntitlement(buyer.id, listing.id)).toBe(false);
    const failed = await prisma.stripeEvent.findFirstOrThrow({
      where: {
        type: "checkout.session.async_payment_failed",
        payload: { path: ["data", "object", "id"], equals: session.id },
      },
    });
    expect(failed).toMatchObject({ status: "HANDLED" });
  });
});
