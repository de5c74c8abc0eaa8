import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { startStripeSandbox } from "../../stripe-sandbox/index.ts";
import { payCheckout, sandboxClient, startWebhookReceiver } from "../../stripe-sandbox/testing.ts";

/** Webhooks delivered as Stripe may: duplicated, out of order, concurrently; and the dispute test card. */

describe("Stripe sandbox: chaotic delivery and disputes", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup(options: Parameters<typeof startStripeSandbox>[0], receiverDelayMs = 0) {
    const receiver = await startWebhookReceiver({ delayMs: receiverDelayMs });
    const sandbox = await startStripeSandbox({ webhookUrl: receiver.url, ...options });
    cleanups.push(
      () => receiver.close(),
      () => sandbox.close(),
    );
    return { receiver, sandbox, stripe: sandboxClient(sandbox) };
  }

  async function subscribe(stripe: Stripe) {
    const price = await stripe.prices.create({
      currency: "eur",
      unit_amount: 900,
      recurring: { interval: "month" },
      product_data: { name: "Pro" },
    });
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: "http://stapel.test/ok",
    });
    await payCheckout(session.url ?? "", { cardNumber: "4242424242424242" });
  }

  it("duplicates, reorders and overlaps deliveries following a seeded plan", async () => {
    const chaos = { seed: 42, duplicate: 0.5, delayMs: [0, 60] as [number, number], concurrency: 4 };
    const { receiver, sandbox, stripe } = await setup({ deliveryChaos: chaos }, 15);
    await subscribe(stripe);
    await sandbox.deliveries();

    const emitted = sandbox.events().map((e) => e.id);
    const received = receiver.events().map((e) => e.id);
    expect(new Set(received)).toEqual(new Set(emitted));
    const duplicates = received.length - emitted.length;
    expect(duplicates).toBeGreaterThan(0);
    const firstArrivals = received.filter((id, index) => received.indexOf(id) === index);
    expect(firstArrivals).not.toEqual(emitted);
    for (const delivery of receiver.received) {
      const event = stripe.webhooks.constructEvent(
        delivery.body,
        String(delivery.headers["stripe-signature"]),
        sandbox.webhookSecret,
      );
      expect(emitted).toContain(event.id);
    }
    const log = sandbox.deliveryLog();
    const overlapping = log.some((a) =>
      log.some((b) => a !== b && a.startedAt < b.finishedAt && b.startedAt < a.finishedAt),
    );
    expect(overlapping).toBe(true);
    expect(sandbox.events().every((e) => e.pending_webhooks === 0)).toBe(true);

    // The same seed plans the same duplicates and delays for the same sequence of events.
    const again = await setup({ deliveryChaos: chaos }, 15);
    await subscribe(again.stripe);
    await again.sandbox.deliveries();
    const plan = (s: typeof sandbox) => {
      const index = new Map(s.events().map((e, i) => [e.id, i]));
      return s
        .deliveryLog()
        .map((r) => `${index.get(r.eventId)}:${r.type}:${r.copy}:${r.delayMs}`)
        .sort();
    };
    expect(plan(again.sandbox)).toEqual(plan(sandbox));
  });

  it("keeps first deliveries in order when reorder is off, and can be switched at runtime", async () => {
    const { receiver, sandbox, stripe } = await setup({});
    sandbox.setDeliveryChaos({ seed: 7, duplicate: 1, delayMs: 20, reorder: false });
    await subscribe(stripe);
    await sandbox.deliveries();
    const emitted = sandbox.events().map((e) => e.id);
    const received = receiver.events().map((e) => e.id);
    expect(received).toHaveLength(emitted.length * 2);
    expect(received.filter((id, index) => received.indexOf(id) === index)).toEqual(emitted);

    sandbox.setDeliveryChaos(null);
    const before = receiver.received.length;
    await stripe.customers.create({ email: "calm@example.com" });
    await sandbox.deliveries();
    expect(receiver.received.length - before).toBe(1);
  });

  it("disputes a payment made with 4000 0000 0000 0259 after it succeeds", async () => {
    const { receiver, sandbox, stripe } = await setup({});
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [
        {
          quantity: 1,
          price_data: { currency: "eur", unit_amount: 2500, product_data: { name: "Prompt pack" } },
        },
      ],
      success_url: "http://stapel.test/ok",
    });
    expect((await payCheckout(session.url ?? "", { cardNumber: "4000 0000 0000 0259" })).status).toBe(303);
    await sandbox.deliveries();
    const types = receiver.events().map((e) => e.type);
    expect(types.slice(-4)).toEqual([
      "charge.succeeded",
      "payment_intent.succeeded",
      "checkout.session.completed",
      "charge.dispute.created",
    ]);
    const dispute = receiver.events().at(-1)?.data.object as Stripe.Dispute;
    const done = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent.latest_charge"],
    });
    const charge = (done.payment_intent as Stripe.PaymentIntent).latest_charge as Stripe.Charge;
    expect(dispute).toMatchObject({
      object: "dispute",
      charge: charge.id,
      payment_intent: (done.payment_intent as Stripe.PaymentIntent).id,
      amount: 2500,
      reason: "fraudulent",
      status: "needs_response",
    });
    expect(charge).toMatchObject({ paid: true, disputed: true });
  });
});
