import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeSandbox, startStripeSandbox } from "../../stripe-sandbox/index.ts";
import { sandboxClient, startWebhookReceiver, submitForm } from "../../stripe-sandbox/testing.ts";

/** A delayed-notification payment method in Checkout: SEPA Direct Debit with Stripe's test IBANs. */

describe("Stripe sandbox: delayed payments in Checkout", () => {
  let sandbox: StripeSandbox;
  let stripe: Stripe;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await startStripeSandbox({ webhookUrl: receiver.url, asyncPaymentDelayMs: 30 });
    stripe = sandboxClient(sandbox);
  });

  afterAll(async () => {
    await sandbox?.close();
    await receiver?.close();
  });

  function session(orderId: string) {
    return stripe.checkout.sessions.create({
      mode: "payment",
      allowed_payment_method_types: ["card", "sepa_debit"],
      client_reference_id: orderId,
      line_items: [
        { quantity: 1, price_data: { currency: "eur", unit_amount: 4900, product_data: { name: "Course" } } },
      ],
      success_url: "http://stapel.test/checkout/success?session_id={CHECKOUT_SESSION_ID}",
    });
  }

  async function settled(sessionId: string, type: string): Promise<Stripe.Event[]> {
    for (let i = 0; i < 100; i++) {
      await sandbox.deliveries();
      const events = receiver.events().filter((e) => (e.data.object as { id?: string }).id === sessionId);
      if (events.some((e) => e.type === type)) return events;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no ${type} for ${sessionId}`);
  }

  it("completes unpaid, then sends async_payment_succeeded when the debit settles", async () => {
    const created = await session("ord_sepa_ok");
    expect(created).toMatchObject({
      payment_method_types: ["card", "sepa_debit"],
      allowed_payment_method_types: ["card", "sepa_debit"],
    });
    expect(await (await fetch(created.url ?? "")).text()).toContain("Pay by SEPA Direct Debit");
    const from = sandbox.events().length;
    const submitted = await submitForm(created.url ?? "", {
      method: "sepa_debit",
      email: "debit@example.com",
      name: "Erika Mustermann",
      iban: "DE89 3704 0044 0532 0130 00",
    });
    expect(submitted).toMatchObject({
      status: 303,
      location: `http://stapel.test/checkout/success?session_id=${created.id}`,
    });
    // The state right after submitting, as the events carried it (the debit settles 30 ms later).
    const submittedEvents = sandbox.events().slice(from, from + 4);
    expect(submittedEvents.map((e) => e.type)).toEqual([
      "payment_intent.created",
      "payment_intent.processing",
      "charge.pending",
      "checkout.session.completed",
    ]);
    const [, processing, pending, completed] = submittedEvents;
    expect(completed?.data.object).toMatchObject({ status: "complete", payment_status: "unpaid" });
    const intent = processing?.data.object as Stripe.PaymentIntent;
    expect(intent.status).toBe("processing");
    expect(pending?.data.object).toMatchObject({
      status: "pending",
      payment_method_details: { type: "sepa_debit", sepa_debit: { last4: "3000", country: "DE" } },
    });

    const events = await settled(created.id, "checkout.session.async_payment_succeeded");
    expect(events.map((e) => e.type)).toEqual([
      "checkout.session.completed",
      "checkout.session.async_payment_succeeded",
    ]);
    expect(events[1]?.data.object).toMatchObject({
      payment_status: "paid",
      client_reference_id: "ord_sepa_ok",
    });
    expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({
      status: "succeeded",
      amount_received: 4900,
    });
  });

  it("sends async_payment_failed when the debit fails, and refuses other IBANs", async () => {
    const created = await session("ord_sepa_fail");
    const bad = await submitForm(created.url ?? "", {
      method: "sepa_debit",
      email: "d@example.com",
      name: "E M",
      iban: "DE00 1234",
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Use a test IBAN");
    await submitForm(created.url ?? "", {
      method: "sepa_debit",
      email: "debit@example.com",
      name: "Erika Mustermann",
      iban: "DE62370400440532013001",
    });
    const events = await settled(created.id, "checkout.session.async_payment_failed");
    expect(events.at(-1)?.data.object).toMatchObject({ payment_status: "unpaid" });
    const done = await stripe.checkout.sessions.retrieve(created.id, { expand: ["payment_intent"] });
    expect(done.payment_intent).toMatchObject({
      status: "requires_payment_method",
      last_payment_error: { code: "insufficient_funds" },
    });

    const usd = await stripe.checkout.sessions
      .create({
        mode: "payment",
        allowed_payment_method_types: ["sepa_debit"],
        line_items: [
          { quantity: 1, price_data: { currency: "usd", unit_amount: 900, product_data: { name: "x" } } },
        ],
        success_url: "http://stapel.test/ok",
      })
      .catch((e: unknown) => e);
    expect(usd).toMatchObject({ statusCode: 400, param: "allowed_payment_method_types" });
  });
});
