import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeSandbox, startStripeSandbox } from "../../stripe-sandbox/index.ts";
import { advanceClock, payCheckout, sandboxClient } from "../../stripe-sandbox/testing.ts";

/** Changing subscriptions through the API: plan changes with prorations, cancel, pause, metadata, lists. */

const DAY = 24 * 60 * 60;
const T0 = Date.UTC(2026, 0, 15, 12, 0, 0) / 1000;
const PERIOD_END = Date.UTC(2026, 1, 15, 12, 0, 0) / 1000;

describe("Stripe sandbox: changing subscriptions", () => {
  let sandbox: StripeSandbox;
  let stripe: Stripe;
  let pro: Stripe.Price;
  let max: Stripe.Price;
  let yearly: Stripe.Price;

  beforeAll(async () => {
    sandbox = await startStripeSandbox();
    stripe = sandboxClient(sandbox);
    const product = await stripe.products.create({ name: "Pro" });
    pro = await stripe.prices.create({
      product: product.id,
      currency: "eur",
      unit_amount: 900,
      recurring: { interval: "month" },
    });
    max = await stripe.prices.create({
      currency: "eur",
      unit_amount: 1900,
      recurring: { interval: "month" },
      product_data: { name: "Max" },
    });
    yearly = await stripe.prices.create({
      product: product.id,
      currency: "eur",
      unit_amount: 9000,
      recurring: { interval: "year" },
    });
  });

  afterAll(() => sandbox?.close());

  async function subscribe(metadata: Record<string, string> = {}) {
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const customer = await stripe.customers.create({ email: "change@example.com", test_clock: clock.id });
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: pro.id, quantity: 1 }],
      subscription_data: { metadata },
      success_url: "http://stapel.test/ok",
    });
    await payCheckout(session.url ?? "", { cardNumber: "4242424242424242" });
    const [subscription] = (await stripe.subscriptions.list({ customer: customer.id })).data;
    if (!subscription) throw new Error("no subscription");
    return { clock, customer, subscription, item: subscription.items.data[0]?.id ?? "" };
  }

  const eventsSince = (from: number) => sandbox.events().slice(from);

  it("previews and applies a prorated upgrade, billed with the next renewal", async () => {
    const { clock, customer, subscription, item } = await subscribe();
    await advanceClock(stripe, clock.id, T0 + 10 * DAY);
    const prorationDate = T0 + 10 * DAY;
    const credit = -Math.round((900 * 21) / 31);
    const charge = Math.round((1900 * 21) / 31);

    const preview = await stripe.invoices.createPreview({
      customer: customer.id,
      subscription: subscription.id,
      subscription_details: {
        items: [{ id: item, price: max.id }],
        proration_behavior: "create_prorations",
        proration_date: prorationDate,
      },
    });
    const prorations = preview.lines.data.filter((line) => line.parent?.subscription_item_details?.proration);
    expect(prorations.map((line) => line.amount)).toEqual([credit, charge]);
    expect(prorations[0]?.description).toBe("Unused time on Pro after 25 Jan 2026");
    expect(prorations[1]?.description).toBe("Remaining time on Max after 25 Jan 2026");
    expect(preview.amount_due).toBe(credit + charge + 1900);
    expect(preview.id).toMatch(/^upcoming_in_/);
    expect((await stripe.invoices.list({ customer: customer.id })).data).toHaveLength(1);

    const from = sandbox.events().length;
    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item, price: max.id }],
      proration_behavior: "create_prorations",
      proration_date: prorationDate,
    });
    expect(updated.items.data[0]?.price.id).toBe(max.id);
    const events = eventsSince(from);
    expect(events.map((e) => e.type)).toEqual([
      "customer.subscription.updated",
      "invoiceitem.created",
      "invoiceitem.created",
    ]);
    expect(Object.keys(events[0]?.data.previous_attributes ?? {})).toEqual(["items"]);
    expect(events[0]?.created).toBe(T0 + 10 * DAY);
    expect(events.slice(1).map((e) => (e.data.object as Stripe.InvoiceItem).amount)).toEqual([
      credit,
      charge,
    ]);

    await advanceClock(stripe, clock.id, PERIOD_END + 2 * 3600);
    const renewal = await stripe.invoices.retrieve(
      String((await stripe.subscriptions.retrieve(subscription.id)).latest_invoice),
    );
    expect(renewal).toMatchObject({ status: "paid", amount_paid: credit + charge + 1900 });
    expect(renewal.lines.data.map((line) => line.amount)).toEqual([1900, credit, charge]);
  });

  it("invoices an upgrade at once with always_invoice", async () => {
    const { clock, subscription, item } = await subscribe();
    await advanceClock(stripe, clock.id, T0 + 10 * DAY);
    const from = sandbox.events().length;
    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item, price: max.id }],
      proration_behavior: "always_invoice",
    });
    expect(eventsSince(from).map((e) => e.type)).toEqual([
      "customer.subscription.updated",
      "invoiceitem.created",
      "invoiceitem.created",
      "invoice.created",
      "invoice.finalized",
      "payment_intent.created",
      "charge.succeeded",
      "payment_intent.succeeded",
      "invoice_payment.paid",
      "invoice.paid",
      "invoice.payment_succeeded",
    ]);
    expect(Object.keys(eventsSince(from)[0]?.data.previous_attributes ?? {}).sort()).toEqual([
      "items",
      "latest_invoice",
    ]);
    const invoice = await stripe.invoices.retrieve(String(updated.latest_invoice));
    expect(invoice).toMatchObject({
      billing_reason: "subscription_update",
      status: "paid",
      amount_paid: Math.round((1900 * 21) / 31) - Math.round((900 * 21) / 31),
    });
  });

  it("credits a downgrade billed at once to the customer's balance and uses it on the next invoice", async () => {
    const { clock, customer, subscription, item } = await subscribe();
    await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item, price: max.id }],
      proration_behavior: "none",
    });
    await advanceClock(stripe, clock.id, T0 + 10 * DAY);
    const downgraded = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item, price: pro.id }],
      proration_behavior: "always_invoice",
    });
    const credit = Math.round((900 * 21) / 31) - Math.round((1900 * 21) / 31);
    expect(await stripe.invoices.retrieve(String(downgraded.latest_invoice))).toMatchObject({
      total: credit,
      amount_due: 0,
      status: "paid",
      ending_balance: credit,
    });
    expect(((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).balance).toBe(credit);
    await advanceClock(stripe, clock.id, PERIOD_END + 2 * 3600);
    const renewal = await stripe.invoices.retrieve(
      String((await stripe.subscriptions.retrieve(subscription.id)).latest_invoice),
    );
    expect(renewal).toMatchObject({
      total: 900,
      starting_balance: credit,
      amount_due: 900 + credit,
      status: "paid",
    });
    expect(((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).balance).toBe(0);
  });

  it("changes the price without prorations (none), and restarts the cycle for a new interval", async () => {
    const { subscription, item } = await subscribe();
    const from = sandbox.events().length;
    await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item, price: max.id }],
      proration_behavior: "none",
    });
    expect(eventsSince(from).map((e) => e.type)).toEqual(["customer.subscription.updated"]);

    const yearFrom = sandbox.events().length;
    const changed = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item, price: yearly.id }],
    });
    expect(changed.billing_cycle_anchor).toBe(T0);
    expect(changed.items.data[0]?.current_period_end).toBe(Date.UTC(2027, 0, 15, 12, 0, 0) / 1000);
    const invoice = await stripe.invoices.retrieve(String(changed.latest_invoice));
    expect(invoice.billing_reason).toBe("subscription_update");
    expect(invoice.lines.data.map((line) => line.amount)).toEqual([9000, -1900]);
    expect(eventsSince(yearFrom).map((e) => e.type)).toContain("invoice.paid");
  });

  it("reports only the changed metadata keys, null for added ones", async () => {
    const { subscription } = await subscribe({ plan: "pro", source: "web" });
    const from = sandbox.events().length;
    const updated = await stripe.subscriptions.update(subscription.id, {
      metadata: { plan: "max", seats: "3", source: "" },
    });
    expect(updated.metadata).toEqual({ plan: "max", seats: "3" });
    expect(eventsSince(from)[0]?.data.previous_attributes).toEqual({
      metadata: { plan: "pro", seats: null, source: "web" },
    });
    const unchanged = sandbox.events().length;
    await stripe.subscriptions.update(subscription.id, { metadata: { plan: "max" } });
    expect(eventsSince(unchanged)).toEqual([]);
  });

  it("pauses collection: renewal invoices are voided until collection resumes", async () => {
    const { clock, customer, subscription } = await subscribe();
    const from = sandbox.events().length;
    await stripe.subscriptions.update(subscription.id, { pause_collection: { behavior: "void" } });
    expect(eventsSince(from)[0]?.data.previous_attributes).toEqual({ pause_collection: null });
    const renewFrom = sandbox.events().length;
    await advanceClock(stripe, clock.id, PERIOD_END + 2 * 3600);
    const types = eventsSince(renewFrom)
      .filter((e) => (e.data.object as { customer?: string }).customer === customer.id)
      .map((e) => e.type);
    expect(types).toEqual(["customer.subscription.updated", "invoice.created", "invoice.voided"]);
    const resumed = await stripe.subscriptions.update(subscription.id, { pause_collection: "" });
    expect(resumed.pause_collection).toBeNull();
    expect(resumed.status).toBe("active");
  });

  it("cancels now, lists by status, and refuses what Stripe refuses", async () => {
    const { customer, subscription } = await subscribe();
    const from = sandbox.events().length;
    const canceled = await stripe.subscriptions.cancel(subscription.id, {
      cancellation_details: { comment: "Too expensive", feedback: "too_expensive" },
    });
    expect(canceled).toMatchObject({
      status: "canceled",
      canceled_at: T0,
      ended_at: T0,
      cancellation_details: {
        reason: "cancellation_requested",
        feedback: "too_expensive",
        comment: "Too expensive",
      },
    });
    expect(eventsSince(from).map((e) => e.type)).toEqual(["customer.subscription.deleted"]);
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);
    expect(
      (await stripe.subscriptions.list({ customer: customer.id, status: "canceled" })).data,
    ).toHaveLength(1);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: "all" })).data).toHaveLength(1);
    expect(await stripe.subscriptions.cancel(subscription.id).catch((e: unknown) => e)).toMatchObject({
      statusCode: 400,
    });
    const change = await stripe.subscriptions
      .update(subscription.id, { cancel_at_period_end: true })
      .catch((e: unknown) => e);
    expect(change).toMatchObject({ statusCode: 400, param: "cancel_at_period_end" });
    await stripe.subscriptions.update(subscription.id, { metadata: { note: "churned" } });
    const resume = await stripe.subscriptions.resume(subscription.id).catch((e: unknown) => e);
    expect(resume).toMatchObject({ statusCode: 400 });
  });

  it("filters lists by price and paginates", async () => {
    const first = await subscribe();
    const second = await subscribe();
    await stripe.subscriptions.update(second.subscription.id, {
      items: [{ id: second.item, price: max.id }],
      proration_behavior: "none",
    });
    const onMax = await stripe.subscriptions.list({ price: max.id, limit: 100 });
    expect(onMax.data.map((s) => s.id)).toContain(second.subscription.id);
    expect(onMax.data.map((s) => s.id)).not.toContain(first.subscription.id);
    const page = await stripe.subscriptions.list({ limit: 1 });
    expect(page).toMatchObject({ has_more: true });
    const next = await stripe.subscriptions.list({ limit: 1, starting_after: page.data[0]?.id });
    expect(next.data[0]?.id).not.toBe(page.data[0]?.id);
    const unknown = await stripe.subscriptions
      .update(first.subscription.id, { items: [{ id: "si_missing", price: max.id }] })
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({ statusCode: 404, code: "resource_missing", param: "items[0][id]" });
  });
});
