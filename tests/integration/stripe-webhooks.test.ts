import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import * as webhookRoute from "~/routes/webhooks.stripe/route.ts";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout, startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser } from "../support/fixtures.ts";
import { callRoute, expectResponse } from "../support/routes.ts";
import { runWebhookJobs } from "../support/webhooks.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const signer = new Stripe("sk_test_signer");

async function deliver(payload: string, signature: string) {
  const request = new Request("http://stapel.test/webhooks/stripe", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Stripe-Signature": signature },
    body: payload,
  });
  return expectResponse(await callRoute(webhookRoute.action, request));
}

const sign = (payload: string, secret = process.env.STRIPE_WEBHOOK_SECRET as string) =>
  signer.webhooks.generateTestHeaderString({ payload, secret });

/** A real completed checkout whose webhook the test (not the sandbox) delivers. */
async function completedCheckoutEvent() {
  const { listing } = await createListingForSale();
  const buyer = await createUser();
  app.sandbox.setWebhookUrl("http://127.0.0.1:9/nowhere"); // keep the sandbox from delivering it first
  const started = await startCheckout(buyer, listing.id);
  if (started.kind !== "redirect-to-stripe") throw new Error(started.kind);
  await payHostedCheckout(started.url, "4242424242424242", buyer.email);
  const order = await prisma.order.findFirstOrThrow({ where: { buyerId: buyer.id } });
  const event = app.sandbox
    .events()
    .find(
      (candidate) =>
        candidate.type === "checkout.session.completed" &&
        (candidate.data.object as Stripe.Checkout.Session).id === order.stripeCheckoutSessionId,
    );
  if (!event) throw new Error("the sandbox emitted no checkout.session.completed");
  return { event, buyer, payload: JSON.stringify(event) };
}

describe("the Stripe webhook endpoint", () => {
  it("rejects a forged or missing signature with 400 and stores nothing", async () => {
    const { event, payload, buyer } = await completedCheckoutEvent();
    const forged = await deliver(payload, sign(payload, "whsec_not_the_real_secret"));
    expect(forged.status).toBe(400);
    const tampered = await deliver(payload.replace("paid", "unpaid"), sign(payload));
    expect(tampered.status).toBe(400);
    const unsigned = await deliver(payload, "");
    expect(unsigned.status).toBe(400);
    // This event only: other tests here store theirs, in any order.
    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0);
    expect(await prisma.entitlement.count({ where: { userId: buyer.id } })).toBe(0);
  });

  it("grants once when the same event arrives three times", async () => {
    const { event, payload, buyer } = await completedCheckoutEvent();
    const results = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await deliver(payload, sign(payload));
      expect(response.status).toBe(200);
      results.push(((await response.json()) as { result: string }).result);
    }
    // Stored once, one job (the same key each time), nothing handled inside the request.
    expect(results).toEqual(["queued", "queued", "queued"]);
    expect(await prisma.entitlement.count({ where: { userId: buyer.id } })).toBe(0);
    await runWebhookJobs();
    const late = await deliver(payload, sign(payload));
    expect(await late.json()).toMatchObject({ result: "duplicate" });
    await runWebhookJobs();
    expect(await prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      attempts: 4,
      status: "HANDLED",
      ignoreReason: null,
      payloadSanitised: false,
    });
    expect(await prisma.entitlement.count({ where: { userId: buyer.id } })).toBe(1);
    expect(await prisma.licenseKey.count({ where: { userId: buyer.id } })).toBe(1);
    expect(
      await prisma.emailMessage.count({
        where: { to: buyer.email, idempotencyKey: { startsWith: "receipt:" } },
      }),
    ).toBe(1);
  });

  it("grants once when the webhook and the success page race", async () => {
    const { payload, buyer, event } = await completedCheckoutEvent();
    const { fulfilCheckoutSession } = await import("~/modules/checkout/fulfilment.server.ts");
    const sessionId = (event.data.object as Stripe.Checkout.Session).id;
    await Promise.all([
      deliver(payload, sign(payload)).then(runWebhookJobs),
      fulfilCheckoutSession(sessionId),
      fulfilCheckoutSession(sessionId),
    ]);
    expect(await prisma.entitlement.count({ where: { userId: buyer.id } })).toBe(1);
    expect(await prisma.emailMessage.count({ where: { to: buyer.email } })).toBe(1);
  });

  it("acknowledges event types it does not handle", async () => {
    const payload = JSON.stringify({
      id: "evt_unhandled_1",
      object: "event",
      type: "customer.created",
      data: { object: { id: "cus_1", object: "customer" } },
      created: 1,
      livemode: false,
      api_version: Stripe.API_VERSION,
      pending_webhooks: 1,
      request: null,
    });
    const response = await deliver(payload, sign(payload));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: "ignored", reason: "UNSUPPORTED_TYPE" });
    expect(await prisma.stripeEvent.findUniqueOrThrow({ where: { id: "evt_unhandled_1" } })).toMatchObject({
      status: "IGNORED",
      ignoreReason: "UNSUPPORTED_TYPE",
      handledAt: null,
    });
  });

  it("applies a refund whose event arrives before the checkout event", async () => {
    const { event, payload, buyer } = await completedCheckoutEvent();
    const session = event.data.object as Stripe.Checkout.Session;
    const paymentIntent = session.payment_intent as string;
    const sdk = new Stripe(process.env.STRIPE_SECRET_KEY as string, {
      host: "127.0.0.1",
      port: app.sandbox.port,
      protocol: "http",
    });
    await sdk.refunds.create({ payment_intent: paymentIntent });
    const refunded = app.sandbox
      .events()
      .find(
        (candidate) =>
          candidate.type === "charge.refunded" &&
          (candidate.data.object as Stripe.Charge).payment_intent === paymentIntent,
      );
    if (!refunded) throw new Error("no charge.refunded event");
    const refundPayload = JSON.stringify(refunded);

    expect((await deliver(refundPayload, sign(refundPayload))).status).toBe(200);
    await runWebhookJobs();
    const order = await prisma.order.findFirstOrThrow({ where: { buyerId: buyer.id } });
    expect(order).toMatchObject({ status: "REFUNDED", stripePaymentIntentId: paymentIntent });
    expect(await prisma.entitlement.findMany({ where: { userId: buyer.id } })).toEqual([
      expect.objectContaining({ status: "REVOKED", revokeReason: "REFUNDED" }),
    ]);

    // The late checkout event finds the order settled and grants nothing.
    expect((await deliver(payload, sign(payload))).status).toBe(200);
    await runWebhookJobs();
    expect(await prisma.entitlement.findMany({ where: { userId: buyer.id } })).toEqual([
      expect.objectContaining({ status: "REVOKED" }),
    ]);
  });

  it("ends access when the buyer disputes the payment", async () => {
    const { event, payload, buyer } = await completedCheckoutEvent();
    await deliver(payload, sign(payload));
    await runWebhookJobs();
    const paymentIntent = (event.data.object as Stripe.Checkout.Session).payment_intent as string;
    const dispute = JSON.stringify({
      id: "evt_dispute_1",
      object: "event",
      type: "charge.dispute.created",
      api_version: Stripe.API_VERSION,
      created: 1,
      livemode: false,
      pending_webhooks: 1,
      request: null,
      data: {
        object: {
          id: "dp_1",
          object: "dispute",
          payment_intent: paymentIntent,
          amount: 1200,
          currency: "eur",
          reason: "fraudulent",
          status: "needs_response",
        },
      },
    });
    expect((await deliver(dispute, sign(dispute))).status).toBe(200);
    await runWebhookJobs();
    expect(await prisma.order.findFirstOrThrow({ where: { buyerId: buyer.id } })).toMatchObject({
      status: "DISPUTED",
    });
    expect(await prisma.entitlement.findFirstOrThrow({ where: { userId: buyer.id } })).toMatchObject({
      status: "REVOKED",
      revokeReason: "DISPUTED",
    });
    expect(await prisma.licenseKey.findFirstOrThrow({ where: { userId: buyer.id } })).toMatchObject({
      status: "REVOKED",
    });
  });
});
