import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeSandbox, startStripeSandbox } from "../../stripe-sandbox/index.ts";
import {
  payCheckout,
  sandboxClient,
  startWebhookReceiver,
  submitForm,
} from "../../stripe-sandbox/testing.ts";

/** Subscription-mode Checkout through the SDK and the hosted page, with Stripe's sequence of events. */

const SUCCESS_URL = "http://stapel.test/plans/success?session_id={CHECKOUT_SESSION_ID}";
const DAY = 24 * 60 * 60;

describe("Stripe sandbox: subscriptions through Checkout", () => {
  let sandbox: StripeSandbox;
  let stripe: Stripe;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let monthly: Stripe.Price;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await startStripeSandbox({ webhookUrl: receiver.url });
    stripe = sandboxClient(sandbox);
    monthly = await stripe.prices.create({
      currency: "eur",
      unit_amount: 900,
      recurring: { interval: "month" },
      product_data: { name: "Pro" },
    });
  });

  afterAll(async () => {
    await sandbox?.close();
    await receiver?.close();
  });

  /** Events since `from` (an index into sandbox.events()), as the webhook endpoint received them. */
  async function deliveredSince(from: number): Promise<Stripe.Event[]> {
    await sandbox.deliveries();
    const ids = new Set(
      sandbox
        .events()
        .slice(from)
        .map((e) => e.id),
    );
    return receiver.events().filter((e) => ids.has(e.id));
  }

  it("creates the customer, an incomplete subscription, pays its first invoice, then activates it", async () => {
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: monthly.id, quantity: 1 }],
      customer_email: "sub@example.com",
      client_reference_id: "user_1",
      metadata: { userId: "user_1" },
      subscription_data: { metadata: { plan: "pro" } },
      success_url: SUCCESS_URL,
    });
    const from = sandbox.events().length;
    const paid = await payCheckout(session.url ?? "", {
      cardNumber: "4242 4242 4242 4242",
      email: "sub@example.com",
    });
    expect(paid.status).toBe(303);

    const events = await deliveredSince(from);
    expect(events.map((e) => e.type)).toEqual([
      "customer.created",
      "payment_method.attached",
      "customer.subscription.created",
      "invoice.created",
      "invoice.finalized",
      "payment_intent.created",
      "charge.succeeded",
      "payment_intent.succeeded",
      "invoice_payment.paid",
      "invoice.paid",
      "invoice.payment_succeeded",
      "customer.subscription.updated",
      "checkout.session.completed",
    ]);
    const byType = Object.fromEntries(events.map((e) => [e.type, e])) as Record<string, Stripe.Event>;
    const created = byType["customer.subscription.created"]?.data.object as Stripe.Subscription;
    expect(created).toMatchObject({ status: "incomplete", metadata: { plan: "pro" } });
    expect(created.latest_invoice).toMatch(/^in_/);
    expect(byType["invoice.created"]?.data.object).toMatchObject({
      status: "draft",
      billing_reason: "subscription_create",
    });
    expect(byType["invoice.finalized"]?.data.object).toMatchObject({ status: "open", amount_due: 900 });
    expect(byType["invoice.paid"]?.data.object).toMatchObject({
      status: "paid",
      amount_paid: 900,
      amount_remaining: 0,
    });
    const updated = byType["customer.subscription.updated"];
    expect(updated?.data.previous_attributes).toEqual({ status: "incomplete" });
    expect(updated?.data.object).toMatchObject({ status: "active" });

    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription", "invoice"] });
    expect(done).toMatchObject({ status: "complete", payment_status: "paid", client_reference_id: "user_1" });
    const subscription = done.subscription as Stripe.Subscription;
    expect(subscription).toMatchObject({
      status: "active",
      customer: done.customer,
      metadata: { plan: "pro" },
    });
    expect(subscription.default_payment_method).toMatch(/^pm_/);
    const item = subscription.items.data[0];
    expect(item?.price.id).toBe(monthly.id);
    expect(subscription.billing_cycle_anchor).toBe(item?.current_period_start);
    const start = new Date((item?.current_period_start ?? 0) * 1000);
    const end = new Date((item?.current_period_end ?? 0) * 1000);
    expect((end.getUTCMonth() - start.getUTCMonth() + 12) % 12).toBe(1);

    const invoice = await stripe.invoices.retrieve(String(subscription.latest_invoice), {
      expand: ["payments"],
    });
    expect(invoice).toMatchObject({ status: "paid", billing_reason: "subscription_create", total: 900 });
    expect(invoice.parent?.subscription_details?.subscription).toBe(subscription.id);
    expect(invoice.lines.data[0]).toMatchObject({ amount: 900, description: "1 × Pro (at €9.00 / month)" });
    const intentId = invoice.payments?.data[0]?.payment.payment_intent;
    const intent = await stripe.paymentIntents.retrieve(String(intentId), { expand: ["latest_charge"] });
    expect(intent).toMatchObject({ status: "succeeded", amount: 900, customer: done.customer });
    expect((intent.latest_charge as Stripe.Charge).paid).toBe(true);
  });

  it("starts a trial: trialing, a $0 invoice paid at once, nothing charged", async () => {
    const customer = await stripe.customers.create({ email: "trial@example.com" });
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: monthly.id, quantity: 1 }],
      subscription_data: { trial_period_days: 14 },
      success_url: SUCCESS_URL,
    });
    expect(session).toMatchObject({ amount_total: 0 });
    expect(await (await fetch(session.url ?? "")).text()).toContain("Start trial");
    const from = sandbox.events().length;
    expect((await payCheckout(session.url ?? "", { cardNumber: "4242424242424242" })).status).toBe(303);

    const events = await deliveredSince(from);
    expect(events.map((e) => e.type)).toEqual([
      "payment_method.attached",
      "customer.subscription.created",
      "invoice.created",
      "invoice.finalized",
      "invoice.paid",
      "invoice.payment_succeeded",
      "checkout.session.completed",
    ]);
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription"] });
    expect(done.payment_status).toBe("no_payment_required");
    const subscription = done.subscription as Stripe.Subscription;
    expect(subscription.status).toBe("trialing");
    expect((subscription.trial_end ?? 0) - (subscription.trial_start ?? 0)).toBe(14 * DAY);
    expect(subscription.items.data[0]?.current_period_end).toBe(subscription.trial_end);
    expect(subscription.billing_cycle_anchor).toBe(subscription.trial_end);
    const invoice = await stripe.invoices.retrieve(String(subscription.latest_invoice));
    expect(invoice).toMatchObject({ status: "paid", amount_due: 0, total: 0 });
    expect(await stripe.paymentIntents.list({ customer: customer.id })).toMatchObject({ data: [] });
  });

  it("records the platform fee and destination of a marketplace subscription", async () => {
    // The destination must be an onboarded connected account (Stripe refuses any other).
    const seller = await stripe.accounts.create({
      type: "express",
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
    });
    const link = await stripe.accountLinks.create({
      account: seller.id,
      type: "account_onboarding",
      refresh_url: SUCCESS_URL,
      return_url: SUCCESS_URL,
    });
    expect((await submitForm(link.url, { outcome: "complete" })).status).toBe(303);
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: monthly.id, quantity: 2 }],
      subscription_data: {
        application_fee_percent: 10,
        transfer_data: { destination: seller.id },
        description: "Seller plan",
      },
      success_url: SUCCESS_URL,
    });
    await payCheckout(session.url ?? "", { cardNumber: "5555 5555 5555 4444", email: "fee@example.com" });
    const done = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ["subscription.latest_invoice"],
    });
    const subscription = done.subscription as Stripe.Subscription;
    expect(subscription).toMatchObject({
      application_fee_percent: 10,
      transfer_data: { destination: seller.id },
      description: "Seller plan",
    });
    const invoice = subscription.latest_invoice as Stripe.Invoice;
    expect(invoice.amount_paid).toBe(1800);
    const intents = await stripe.paymentIntents.list({ customer: String(done.customer) });
    expect(intents.data[0]).toMatchObject({
      application_fee_amount: 180,
      transfer_data: { destination: seller.id },
    });
  });

  it("refuses invalid subscription_data the way Stripe does", async () => {
    const both = await stripe.checkout.sessions
      .create({
        mode: "subscription",
        line_items: [{ price: monthly.id, quantity: 1 }],
        subscription_data: { trial_period_days: 3, trial_end: Math.floor(Date.now() / 1000) + 5 * DAY },
        success_url: SUCCESS_URL,
      })
      .catch((e: unknown) => e);
    expect(both).toMatchObject({ statusCode: 400, code: "parameters_exclusive" });
    const soon = await stripe.checkout.sessions
      .create({
        mode: "subscription",
        line_items: [{ price: monthly.id, quantity: 1 }],
        subscription_data: { trial_end: Math.floor(Date.now() / 1000) + 3600 },
        success_url: SUCCESS_URL,
      })
      .catch((e: unknown) => e);
    expect(soon).toMatchObject({ statusCode: 400, param: "subscription_data[trial_end]" });
    const fee = await stripe.checkout.sessions
      .create({
        mode: "subscription",
        line_items: [{ price: monthly.id, quantity: 1 }],
        subscription_data: { application_fee_percent: 5 },
        success_url: SUCCESS_URL,
      })
      .catch((e: unknown) => e);
    expect(fee).toMatchObject({ statusCode: 400, param: "subscription_data[application_fee_percent]" });
  });

  it("updates products and archives prices with only the changed keys in previous_attributes", async () => {
    const product = await stripe.products.create({ name: "Team", metadata: { tier: "2" } });
    const price = await stripe.prices.create({
      product: product.id,
      currency: "eur",
      unit_amount: 2900,
      recurring: { interval: "month" },
    });
    const from = sandbox.events().length;
    const renamed = await stripe.products.update(product.id, { name: "Team plus", metadata: { seats: "5" } });
    expect(renamed).toMatchObject({ name: "Team plus", metadata: { tier: "2", seats: "5" } });
    const archived = await stripe.prices.update(price.id, { active: false });
    expect(archived.active).toBe(false);
    const [productEvent, priceEvent] = sandbox.events().slice(from);
    expect(productEvent?.data.previous_attributes).toMatchObject({ name: "Team", metadata: { seats: null } });
    expect(priceEvent?.data.previous_attributes).toEqual({ active: true });
  });
});
