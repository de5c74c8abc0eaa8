import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeSandbox, startStripeSandbox } from "../../stripe-sandbox/index.ts";
import { advanceClock, payCheckout, sandboxClient } from "../../stripe-sandbox/testing.ts";

/** Subscriptions moving through simulated time: renewals, failed payments and retries, trials, cancellation. */

const DAY = 24 * 60 * 60;
const T0 = Date.UTC(2026, 0, 15, 12, 0, 0) / 1000;

describe("Stripe sandbox: test clocks", () => {
  let sandbox: StripeSandbox;
  let stripe: Stripe;
  let monthly: Stripe.Price;

  beforeAll(async () => {
    sandbox = await startStripeSandbox();
    stripe = sandboxClient(sandbox);
    monthly = await stripe.prices.create({
      currency: "eur",
      unit_amount: 900,
      recurring: { interval: "month" },
      product_data: { name: "Pro" },
    });
  });

  afterAll(() => sandbox?.close());

  async function subscribeOnClock(options: { trialDays?: number; card?: string } = {}) {
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0, name: "renewals" });
    const customer = await stripe.customers.create({ email: "clock@example.com", test_clock: clock.id });
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: monthly.id, quantity: 1 }],
      ...(options.trialDays && { subscription_data: { trial_period_days: options.trialDays } }),
      success_url: "http://stapel.test/ok",
    });
    const paid = await payCheckout(session.url ?? "", { cardNumber: options.card ?? "4242424242424242" });
    expect(paid.status).toBe(303);
    const [subscription] = (await stripe.subscriptions.list({ customer: customer.id })).data;
    if (!subscription) throw new Error("no subscription");
    return { clock, customer, subscription };
  }

  /** Events for this customer's objects created after `from`, oldest first (invoice_payment.* name no customer). */
  function eventsFor(customerId: string, from: number): Stripe.Event[] {
    return sandbox
      .events()
      .slice(from)
      .filter((event) => {
        const object = event.data.object as { customer?: unknown; id?: string };
        return object.customer === customerId || object.id === customerId;
      });
  }

  it("creates customers at the clock's frozen time and renews at the period end", async () => {
    const { clock, customer, subscription } = await subscribeOnClock();
    expect(customer).toMatchObject({ test_clock: clock.id, created: T0 });
    expect(subscription).toMatchObject({ status: "active", created: T0, test_clock: clock.id });
    const periodEnd = subscription.items.data[0]?.current_period_end ?? 0;
    expect(periodEnd).toBe(Date.UTC(2026, 1, 15, 12, 0, 0) / 1000);

    const from = sandbox.events().length;
    const ready = await advanceClock(stripe, clock.id, periodEnd + 2 * 3600);
    expect(ready).toMatchObject({ status: "ready", frozen_time: periodEnd + 2 * 3600 });
    const events = eventsFor(customer.id, from);
    expect(events.map((e) => e.type)).toEqual([
      "customer.subscription.updated",
      "invoice.created",
      "invoice.finalized",
      "payment_intent.created",
      "charge.succeeded",
      "payment_intent.succeeded",
      "invoice.paid",
      "invoice.payment_succeeded",
    ]);
    const [updated, created, finalized] = events;
    expect(updated?.created).toBe(periodEnd);
    expect(created?.created).toBe(periodEnd);
    expect(finalized?.created).toBe(periodEnd + 3600);
    expect(Object.keys(updated?.data.previous_attributes ?? {}).sort()).toEqual(["items", "latest_invoice"]);
    expect(created?.data.object).toMatchObject({ status: "draft", billing_reason: "subscription_cycle" });

    const renewed = await stripe.subscriptions.retrieve(subscription.id, { expand: ["latest_invoice"] });
    expect(renewed.items.data[0]).toMatchObject({
      current_period_start: periodEnd,
      current_period_end: Date.UTC(2026, 2, 15, 12, 0, 0) / 1000,
    });
    const invoice = renewed.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: "paid", amount_paid: 900, billing_reason: "subscription_cycle" });
    expect(invoice.lines.data[0]?.period).toEqual({
      start: periodEnd,
      end: renewed.items.data[0]?.current_period_end,
    });
    const clockEvents = sandbox
      .events()
      .slice(from)
      .filter((e) => e.type.startsWith("test_helpers."));
    expect(clockEvents.map((e) => e.type)).toEqual([
      "test_helpers.test_clock.advancing",
      "test_helpers.test_clock.ready",
    ]);
  });

  it("fails the renewal on a card whose charges fail, retries, then cancels", async () => {
    const { clock, customer, subscription } = await subscribeOnClock();
    const failing = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", {
      customer: customer.id,
    });
    expect(failing.card?.last4).toBe("0341");
    await stripe.subscriptions.update(subscription.id, { default_payment_method: failing.id });
    const periodEnd = subscription.items.data[0]?.current_period_end ?? 0;

    const from = sandbox.events().length;
    await advanceClock(stripe, clock.id, periodEnd + 2 * 3600);
    const first = eventsFor(customer.id, from);
    expect(first.map((e) => e.type).slice(-4)).toEqual([
      "charge.failed",
      "payment_intent.payment_failed",
      "invoice.payment_failed",
      "customer.subscription.updated",
    ]);
    const failedInvoice = first.at(-2)?.data.object as Stripe.Invoice;
    expect(failedInvoice).toMatchObject({ status: "open", attempt_count: 1, attempted: true });
    expect(failedInvoice.next_payment_attempt).toBe(periodEnd + 3600 + DAY);
    expect(first.at(-1)?.data.previous_attributes).toEqual({ status: "active" });
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe("past_due");

    const retriesFrom = sandbox.events().length;
    await advanceClock(stripe, clock.id, periodEnd + 15 * DAY);
    const later = eventsFor(customer.id, retriesFrom);
    const failures = later
      .filter((e) => e.type === "invoice.payment_failed")
      .map((e) => e.data.object as Stripe.Invoice);
    expect(failures.map((invoice) => invoice.attempt_count)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(failures.at(-1)?.next_payment_attempt).toBeNull();
    const deleted = later.find((e) => e.type === "customer.subscription.deleted");
    expect(deleted?.created).toBe(periodEnd + 3600 + 14 * DAY);
    expect(deleted?.data.object).toMatchObject({
      status: "canceled",
      cancellation_details: { reason: "payment_failed" },
    });
  });

  it("recovers a past-due subscription when a retry succeeds on a new card", async () => {
    const { clock, customer, subscription } = await subscribeOnClock();
    const failing = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", {
      customer: customer.id,
    });
    await stripe.subscriptions.update(subscription.id, { default_payment_method: failing.id });
    const periodEnd = subscription.items.data[0]?.current_period_end ?? 0;
    await advanceClock(stripe, clock.id, periodEnd + 2 * 3600);

    const good = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    await stripe.subscriptions.update(subscription.id, { default_payment_method: good.id });
    const from = sandbox.events().length;
    await advanceClock(stripe, clock.id, periodEnd + 2 * DAY);
    const types = eventsFor(customer.id, from).map((e) => e.type);
    expect(types).toEqual([
      "charge.succeeded",
      "payment_intent.succeeded",
      "invoice.paid",
      "invoice.payment_succeeded",
      "customer.subscription.updated",
    ]);
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({ status: "active" });
  });

  it("asks for authentication when a renewal needs 3D Secure, without retrying, until the customer pays", async () => {
    const { clock, customer, subscription } = await subscribeOnClock();
    const secure = await stripe.paymentMethods.attach("pm_card_authenticationRequired", {
      customer: customer.id,
    });
    await stripe.subscriptions.update(subscription.id, { default_payment_method: secure.id });
    const periodEnd = subscription.items.data[0]?.current_period_end ?? 0;
    const from = sandbox.events().length;
    await advanceClock(stripe, clock.id, periodEnd + 2 * 3600);
    const types = sandbox
      .events()
      .slice(from)
      .map((e) => e.type)
      .filter((type) => !type.startsWith("test_helpers."));
    expect(types.slice(-6)).toEqual([
      "invoice.finalized",
      "payment_intent.created",
      "payment_intent.requires_action",
      "invoice.payment_failed",
      "invoice.payment_action_required",
      "customer.subscription.updated",
    ]);
    const [open] = (await stripe.invoices.list({ customer: customer.id, status: "open" })).data;
    expect(open).toMatchObject({ attempt_count: 1, next_payment_attempt: null });

    const later = sandbox.events().length;
    await advanceClock(stripe, clock.id, periodEnd + 20 * DAY);
    expect(
      sandbox
        .events()
        .slice(later)
        .some((e) => e.type === "invoice.payment_failed"),
    ).toBe(false);
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({ status: "past_due" });

    const byApi = await stripe.invoices.pay(open?.id ?? "").catch((e: unknown) => e);
    expect(byApi).toMatchObject({ statusCode: 402, code: "invoice_payment_intent_requires_action" });
    const page = await fetch(open?.hosted_invoice_url ?? "", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        cardNumber: "4000 0027 6000 3184",
        expiry: "12/34",
        cvc: "123",
        name: "Secure Payer",
      }),
    });
    expect(page.status).toBe(200);
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({ status: "active" });
  });

  it("warns three days before a trial ends, then bills the first period", async () => {
    const { clock, customer, subscription } = await subscribeOnClock({ trialDays: 7 });
    const trialEnd = subscription.trial_end ?? 0;
    expect(trialEnd).toBe(T0 + 7 * DAY);

    const from = sandbox.events().length;
    await advanceClock(stripe, clock.id, T0 + 5 * DAY);
    const warning = eventsFor(customer.id, from);
    expect(warning.map((e) => e.type)).toEqual(["customer.subscription.trial_will_end"]);
    expect(warning[0]?.created).toBe(trialEnd - 3 * DAY);

    const endFrom = sandbox.events().length;
    await advanceClock(stripe, clock.id, trialEnd + 2 * 3600);
    const events = eventsFor(customer.id, endFrom);
    expect(events[0]).toMatchObject({ type: "customer.subscription.updated", created: trialEnd });
    expect(events[0]?.data.previous_attributes).toMatchObject({ status: "trialing" });
    expect(events.map((e) => e.type)).toContain("invoice.paid");
    const active = await stripe.subscriptions.retrieve(subscription.id, { expand: ["latest_invoice"] });
    expect(active.status).toBe("active");
    expect(active.latest_invoice).toMatchObject({ amount_paid: 900, billing_reason: "subscription_cycle" });
  });

  it("ends a subscription set to cancel at period end, without a new invoice", async () => {
    const { clock, customer, subscription } = await subscribeOnClock();
    const from = sandbox.events().length;
    const updated = await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    const periodEnd = subscription.items.data[0]?.current_period_end ?? 0;
    expect(updated).toMatchObject({
      cancel_at_period_end: true,
      cancel_at: periodEnd,
      canceled_at: T0,
      status: "active",
    });
    const change = eventsFor(customer.id, from)[0];
    expect(change?.data.previous_attributes).toEqual({
      cancel_at: null,
      cancel_at_period_end: false,
      canceled_at: null,
      cancellation_details: { reason: null },
    });

    const endFrom = sandbox.events().length;
    await advanceClock(stripe, clock.id, periodEnd + DAY);
    const events = eventsFor(customer.id, endFrom);
    expect(events.map((e) => e.type)).toEqual(["customer.subscription.deleted"]);
    expect(events[0]).toMatchObject({ created: periodEnd });
    expect(events[0]?.data.object).toMatchObject({ status: "canceled", ended_at: periodEnd });
  });

  it("lists, limits and deletes clocks", async () => {
    const { clock, customer } = await subscribeOnClock();
    const listed = await stripe.testHelpers.testClocks.list({ limit: 100 });
    expect(listed.data.map((c) => c.id)).toContain(clock.id);
    expect(clock.deletes_after - clock.created).toBe(7 * DAY);

    const tooFar = await stripe.testHelpers.testClocks
      .advance(clock.id, { frozen_time: T0 + 100 * DAY })
      .catch((e: unknown) => e);
    expect(tooFar).toMatchObject({ statusCode: 400, param: "frozen_time" });
    const backwards = await stripe.testHelpers.testClocks
      .advance(clock.id, { frozen_time: T0 - 1 })
      .catch((e: unknown) => e);
    expect(backwards).toMatchObject({ statusCode: 400 });

    const advancing = await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: T0 + DAY });
    expect(advancing.status).toBe("advancing");
    await advanceClock(stripe, clock.id, T0 + 2 * DAY);

    const deleted = await stripe.testHelpers.testClocks.del(clock.id);
    expect(deleted).toEqual({ id: clock.id, object: "test_helpers.test_clock", deleted: true });
    expect(await stripe.customers.retrieve(customer.id).catch((e: unknown) => e)).toMatchObject({
      statusCode: 404,
    });
  });
});
