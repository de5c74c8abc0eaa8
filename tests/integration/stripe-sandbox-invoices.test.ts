import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeSandbox, startStripeSandbox } from "../../stripe-sandbox/index.ts";
import { advanceClock, payCheckout, sandboxClient, submitForm } from "../../stripe-sandbox/testing.ts";

/** Invoices: listing, paying a past-due invoice by API and on the hosted page, and the clock page. */

const T0 = Date.UTC(2026, 2, 1, 9, 0, 0) / 1000;
const PERIOD_END = Date.UTC(2026, 3, 1, 9, 0, 0) / 1000;

describe("Stripe sandbox: invoices and hosted pages", () => {
  let sandbox: StripeSandbox;
  let stripe: Stripe;
  let price: Stripe.Price;

  beforeAll(async () => {
    sandbox = await startStripeSandbox({ billing: { clockPerCheckoutCustomer: true } });
    stripe = sandboxClient(sandbox);
    price = await stripe.prices.create({
      currency: "eur",
      unit_amount: 1500,
      recurring: { interval: "month" },
      product_data: { name: "Studio" },
    });
  });

  afterAll(() => sandbox?.close());

  /** A subscription whose renewal failed: past_due with an open invoice. */
  async function pastDue() {
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const customer = await stripe.customers.create({ email: "late@example.com", test_clock: clock.id });
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
    await advanceClock(stripe, clock.id, PERIOD_END + 2 * 3600);
    const open = await stripe.invoices.list({ customer: customer.id, status: "open" });
    expect(open.data).toHaveLength(1);
    return {
      clock,
      customer,
      subscription: subscription as Stripe.Subscription,
      invoice: open.data[0] as Stripe.Invoice,
    };
  }

  it("lists invoices by customer, subscription and status", async () => {
    const { customer, subscription, invoice } = await pastDue();
    const all = await stripe.invoices.list({ customer: customer.id });
    expect(all.data.map((i) => i.status)).toEqual(["open", "paid"]);
    expect(all.data[0]?.id).toBe(invoice.id);
    expect((await stripe.invoices.list({ subscription: subscription.id, status: "paid" })).data).toHaveLength(
      1,
    );
    expect(invoice).toMatchObject({
      billing_reason: "subscription_cycle",
      attempt_count: 1,
      amount_remaining: 1500,
    });
    expect(invoice.hosted_invoice_url).toBe(`${sandbox.url}/i/${invoice.id}`);
    expect(invoice.number).toMatch(/^[A-Z0-9]+-0002$/);
    const lines = await stripe.invoices.listLineItems(invoice.id);
    expect(lines.data[0]).toMatchObject({ amount: 1500, description: "1 × Studio (at €15.00 / month)" });
  });

  it("pays a past-due invoice by API: a card error first, then a working card reactivates the subscription", async () => {
    const { customer, subscription, invoice } = await pastDue();
    const declined = await stripe.invoices.pay(invoice.id).catch((e: unknown) => e);
    expect(declined).toMatchObject({
      statusCode: 402,
      type: "StripeCardError",
      code: "card_declined",
      decline_code: "generic_decline",
    });
    expect((await stripe.invoices.retrieve(invoice.id)).attempt_count).toBe(2);

    const visa = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    const from = sandbox.events().length;
    const paid = await stripe.invoices.pay(invoice.id, { payment_method: visa.id });
    expect(paid).toMatchObject({ status: "paid", amount_paid: 1500, amount_remaining: 0 });
    const types = sandbox
      .events()
      .slice(from)
      .map((e) => e.type);
    expect(types.slice(-3)).toEqual([
      "invoice.paid",
      "invoice.payment_succeeded",
      "customer.subscription.updated",
    ]);
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({ status: "active" });
    expect(await stripe.invoices.pay(invoice.id).catch((e: unknown) => e)).toMatchObject({ statusCode: 400 });
  });

  it("pays on the hosted invoice page", async () => {
    const { subscription, invoice } = await pastDue();
    const page = await (await fetch(invoice.hosted_invoice_url ?? "")).text();
    expect(page).toContain(`Invoice ${invoice.number}`);
    expect(page).toContain("Pay €15.00");
    const card = { expiry: "12 / 34", cvc: "123", name: "Late Payer" };
    const failed = await submitForm(invoice.hosted_invoice_url ?? "", {
      ...card,
      cardNumber: "4000 0000 0000 0341",
    });
    expect(failed.status).toBe(402);
    expect(failed.html).toContain('<div role="alert">Your card was declined.</div>');
    const ok = await submitForm(invoice.hosted_invoice_url ?? "", {
      ...card,
      cardNumber: "4242 4242 4242 4242",
    });
    expect(ok.status).toBe(200);
    expect(ok.html).toContain("Your payment went through");
    expect(await stripe.invoices.retrieve(invoice.id)).toMatchObject({ status: "paid" });
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({ status: "active" });
  });

  it("advances a Checkout customer's own clock from the test clocks page", async () => {
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: "http://stapel.test/ok",
    });
    await payCheckout(session.url ?? "", { cardNumber: "4242424242424242", email: "demo@example.com" });
    const done = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ["customer", "subscription"],
    });
    const clockId = String((done.customer as Stripe.Customer).test_clock);
    expect(clockId).toMatch(/^clock_/);
    const subscription = done.subscription as Stripe.Subscription;

    const page = await (await fetch(`${sandbox.url}/test-clocks`)).text();
    expect(page).toContain("demo@example.com");
    expect(page).toContain("Advance next renewal (+1 hour)");
    const target = (subscription.items.data[0]?.current_period_end ?? 0) + 3600;
    const advanced = await submitForm(`${sandbox.url}/test-clocks/${clockId}/advance`, {
      to: String(target),
    });
    expect(advanced).toMatchObject({ status: 303, location: "/test-clocks" });
    for (
      let i = 0;
      i < 200 && (await stripe.testHelpers.testClocks.retrieve(clockId)).status !== "ready";
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const renewed = await stripe.subscriptions.retrieve(subscription.id, { expand: ["latest_invoice"] });
    expect(renewed.latest_invoice).toMatchObject({ billing_reason: "subscription_cycle", status: "paid" });
    const tooFar = await submitForm(`${sandbox.url}/test-clocks/${clockId}/advance`, {
      at: "2099-01-01T00:00",
    });
    expect(tooFar.status).toBe(400);
    expect(tooFar.html).toContain("at most two intervals");
  });
});
