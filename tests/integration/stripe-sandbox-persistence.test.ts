import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { startStripeSandbox } from "../../stripe-sandbox/index.ts";
import { advanceClock, payCheckout, sandboxClient } from "../../stripe-sandbox/testing.ts";

/** Billing state survives a restart; card errors are replayed for a reused idempotency key. */

const T0 = Date.UTC(2026, 4, 10, 8, 0, 0) / 1000;

describe("Stripe sandbox: billing state across restarts", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("renews a subscription created before a restart, on the card saved before it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stripe-sandbox-billing-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const statePath = join(dir, "state.json");

    const first = await startStripeSandbox({ statePath });
    const stripe = sandboxClient(first);
    const price = await stripe.prices.create({
      currency: "eur",
      unit_amount: 700,
      recurring: { interval: "week" },
      product_data: { name: "Weekly" },
    });
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const customer = await stripe.customers.create({ email: "restart@example.com", test_clock: clock.id });
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: "http://stapel.test/ok",
    });
    await payCheckout(session.url ?? "", { cardNumber: "5555555555554444" });
    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id });
    await first.close();

    const second = await startStripeSandbox({ statePath });
    cleanups.push(() => second.close());
    const again = sandboxClient(second);
    const [subscription] = (await again.subscriptions.list({ customer: customer.id })).data;
    expect(subscription).toMatchObject({ status: "active", test_clock: clock.id });
    await advanceClock(again, clock.id, T0 + 7 * 24 * 3600 + 2 * 3600);
    const renewed = await again.subscriptions.retrieve(subscription?.id ?? "", {
      expand: ["latest_invoice.payments"],
    });
    const invoice = renewed.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ billing_reason: "subscription_cycle", status: "paid", amount_paid: 700 });
    const intent = await again.paymentIntents.retrieve(
      String(invoice.payments?.data[0]?.payment.payment_intent),
      {
        expand: ["latest_charge"],
      },
    );
    expect((intent.latest_charge as Stripe.Charge).payment_method_details?.card?.last4).toBe("4444");
    expect((await fetch(`${second.url}/p/session/${portal.id}`)).status).toBe(200);
  });

  it("replays a declined invoice payment for the same idempotency key instead of charging again", async () => {
    const sandbox = await startStripeSandbox();
    cleanups.push(() => sandbox.close());
    const stripe = sandboxClient(sandbox);
    const price = await stripe.prices.create({
      currency: "eur",
      unit_amount: 700,
      recurring: { interval: "week" },
      product_data: { name: "Weekly" },
    });
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const customer = await stripe.customers.create({ email: "idem@example.com", test_clock: clock.id });
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: "http://stapel.test/ok",
    });
    await payCheckout(session.url ?? "", { cardNumber: "4242424242424242" });
    const [subscription] = (await stripe.subscriptions.list({ customer: customer.id })).data;
    const failing = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", {
      customer: customer.id,
    });
    await stripe.subscriptions.update(subscription?.id ?? "", { default_payment_method: failing.id });
    await advanceClock(stripe, clock.id, T0 + 7 * 24 * 3600 + 2 * 3600);
    const [open] = (await stripe.invoices.list({ customer: customer.id, status: "open" })).data;

    const pay = () =>
      stripe.invoices.pay(open?.id ?? "", {}, { idempotencyKey: "pay-once" }).catch((e: unknown) => e);
    const firstTry = (await pay()) as Stripe.errors.StripeCardError;
    const secondTry = (await pay()) as Stripe.errors.StripeCardError;
    expect(firstTry).toMatchObject({ statusCode: 402, code: "card_declined" });
    expect(secondTry).toMatchObject({ statusCode: 402, code: "card_declined" });
    expect(secondTry.headers?.["idempotent-replayed"]).toBe("true");
    expect((await stripe.invoices.retrieve(open?.id ?? "")).attempt_count).toBe(2);
  });
});
