import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type StripeSandbox, startStripeSandbox } from "../../stripe-sandbox/index.ts";

/**
 * The Stripe sandbox driven exactly as the app drives Stripe: through the official SDK, a buyer
 * submitting the hosted page, and a webhook endpoint verifying signatures with the SDK.
 */

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A tiny webhook endpoint. `failFirst` answers 500 to that many requests before accepting. */
async function startReceiver(options: { failFirst?: number } = {}) {
  const received: Received[] = [];
  let failuresLeft = options.failFirst ?? 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(500).end("not yet");
        return;
      }
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "Content-Type": "application/json" }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`;
  return {
    url,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function sdkFor(sandbox: StripeSandbox, key = sandbox.secretKey): Stripe {
  return new Stripe(key, { host: sandbox.host, port: sandbox.port, protocol: "http", maxNetworkRetries: 0 });
}

const SUCCESS_URL = "http://stapel.test/checkout/success?session_id={CHECKOUT_SESSION_ID}";
const CANCEL_URL = "http://stapel.test/p/prompt-pack?checkout=cancelled";

function createPaymentSession(
  stripe: Stripe,
  orderId = "ord_123",
  options?: Stripe.RequestOptions,
  extra: Partial<Stripe.Checkout.SessionCreateParams> = {},
) {
  return stripe.checkout.sessions.create(
    {
      ...extra,
      mode: "payment",
      client_reference_id: orderId,
      customer_email: "buyer@example.com",
      metadata: { orderId },
      payment_intent_data: { metadata: { orderId } },
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: "eur",
            unit_amount: 1200,
            product_data: { name: "Cinematic portrait prompts", description: "40 prompts" },
          },
        },
      ],
      success_url: SUCCESS_URL,
      cancel_url: CANCEL_URL,
    },
    options,
  );
}

/** Submits the hosted page's form as a browser would, without following the redirect. */
async function pay(checkoutUrl: string, cardNumber: string, extra: Record<string, string> = {}) {
  const response = await fetch(checkoutUrl, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      email: "buyer@example.com",
      cardNumber,
      expiry: "12 / 34",
      cvc: "123",
      name: "Test Buyer",
      ...extra,
    }),
  });
  return { status: response.status, location: response.headers.get("Location"), html: await response.text() };
}

describe("Stripe sandbox: checkout, webhooks, refunds", () => {
  let sandbox: StripeSandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let stripe: Stripe;

  beforeAll(async () => {
    receiver = await startReceiver();
    sandbox = await startStripeSandbox({ port: 0, webhookUrl: receiver.url });
    stripe = sdkFor(sandbox);
  });

  afterAll(async () => {
    await sandbox?.close();
    await receiver?.close();
  });

  it("creates a Checkout Session with realistic fields and a hosted page", async () => {
    const session = await createPaymentSession(stripe);
    expect(session).toMatchObject({
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_subtotal: 1200,
      amount_total: 1200,
      currency: "eur",
      livemode: false,
      client_reference_id: "ord_123",
      metadata: { orderId: "ord_123" },
      customer_email: "buyer@example.com",
      payment_intent: null,
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toBe(`${sandbox.url}/c/pay/${session.id}`);
    expect(Number.isInteger(session.created)).toBe(true);
    expect(session.expires_at).toBeGreaterThan(session.created);

    const fetched = await stripe.checkout.sessions.retrieve(session.id, { expand: ["line_items"] });
    expect(fetched.id).toBe(session.id);
    expect(fetched.line_items?.data).toHaveLength(1);
    expect(fetched.line_items?.data[0]).toMatchObject({
      object: "item",
      description: "Cinematic portrait prompts",
      quantity: 1,
      amount_total: 1200,
      price: { object: "price", currency: "eur", unit_amount: 1200, type: "one_time" },
    });
    const lineItems = await stripe.checkout.sessions.listLineItems(session.id);
    expect(lineItems.data[0]?.amount_subtotal).toBe(1200);

    const page = await fetch(session.url ?? "");
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Stapel Stripe sandbox");
    expect(html).toContain("test mode");
    for (const label of ["Email", "Card number", "Expiry", "CVC", "Name on card"]) {
      expect(html).toContain(`>${label}</label>`);
    }
    expect(html).toContain("Pay €12.00");
    expect(html).toContain("Cinematic portrait prompts");
    expect(html).toContain(`href="${CANCEL_URL}"`);
  });

  it("pays with 4242, redirects to success_url and delivers a verifiable checkout.session.completed", async () => {
    const session = await createPaymentSession(stripe, "ord_paid");
    const result = await pay(session.url ?? "", "4242 4242 4242 4242");
    expect(result.status).toBe(303);
    expect(result.location).toBe(`http://stapel.test/checkout/success?session_id=${session.id}`);

    const paid = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent.latest_charge"],
    });
    expect(paid).toMatchObject({ status: "complete", payment_status: "paid", url: null });
    expect(paid.customer_details?.email).toBe("buyer@example.com");
    expect(paid.customer).toBeNull(); // payment mode, customer_creation if_required: a guest, as on Stripe
    const intent = paid.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({
      object: "payment_intent",
      status: "succeeded",
      amount: 1200,
      amount_received: 1200,
    });
    expect(intent.id).toMatch(/^pi_/);
    expect(intent.metadata).toEqual({ orderId: "ord_paid" });
    const charge = intent.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({
      object: "charge",
      paid: true,
      captured: true,
      status: "succeeded",
      amount: 1200,
    });
    expect(charge.id).toMatch(/^ch_/);
    expect(charge.billing_details.email).toBe("buyer@example.com");
    expect(charge.payment_method_details?.card?.last4).toBe("4242");

    await sandbox.deliveries();
    const types = receiver.received.map((r) => (JSON.parse(r.body) as Stripe.Event).type);
    const tail = types.slice(types.lastIndexOf("charge.succeeded"));
    expect(tail).toEqual(["charge.succeeded", "payment_intent.succeeded", "checkout.session.completed"]);

    // Other tests here complete sessions too, and may run first (--sequence.shuffle): find this one.
    const delivery = receiver.received.find(
      (r) => r.body.includes('"checkout.session.completed"') && r.body.includes(session.id),
    );
    expect(delivery).toBeDefined();
    const signature = String(delivery?.headers["stripe-signature"]);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = stripe.webhooks.constructEvent(delivery?.body ?? "", signature, sandbox.webhookSecret);
    expect(event.type).toBe("checkout.session.completed");
    expect(event.id).toMatch(/^evt_/);
    expect(event.api_version).toBe(Stripe.API_VERSION);
    expect(event.livemode).toBe(false);
    if (event.type === "checkout.session.completed") {
      expect(event.data.object).toMatchObject({
        id: session.id,
        payment_status: "paid",
        metadata: { orderId: "ord_paid" },
      });
    }
    expect(() => stripe.webhooks.constructEvent(delivery?.body ?? "", signature, "whsec_wrong")).toThrow();

    // Paying again shows that the session is complete instead of charging twice.
    const again = await fetch(session.url ?? `${sandbox.url}/c/pay/${session.id}`);
    expect(await again.text()).toContain("already complete");
  });

  it("declines 4000 0000 0000 0002, leaving the session open and unpaid", async () => {
    const session = await createPaymentSession(stripe, "ord_declined");
    const declined = await pay(session.url ?? "", "4000000000000002");
    expect(declined.status).toBe(402);
    expect(declined.html).toMatch(/<div role="alert">Your card was declined\.<\/div>/);

    const after = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    expect(after).toMatchObject({ status: "open", payment_status: "unpaid" });
    const intent = after.payment_intent as Stripe.PaymentIntent;
    expect(intent.status).toBe("requires_payment_method");
    expect(intent.last_payment_error).toMatchObject({
      code: "card_declined",
      decline_code: "generic_decline",
    });
    const failed = sandbox.events().filter((e) => e.type === "payment_intent.payment_failed");
    expect(failed.some((e) => (e.data.object as Stripe.PaymentIntent).id === intent.id)).toBe(true);

    const invalid = await pay(session.url ?? "", "1234 5678 9012 3456");
    expect(invalid.status).toBe(400);
    expect(invalid.html).toContain("Your card number is invalid.");

    // The buyer can still pay; the same PaymentIntent then succeeds.
    const retried = await pay(session.url ?? "", "4242424242424242");
    expect(retried.status).toBe(303);
    const paid = await stripe.checkout.sessions.retrieve(session.id);
    expect(paid).toMatchObject({ status: "complete", payment_status: "paid", payment_intent: intent.id });
  });

  it("refunds partially then fully, emits charge.refunded, and refuses a further refund", async () => {
    const session = await createPaymentSession(stripe, "ord_refund");
    await pay(session.url ?? "", "4242 4242 4242 4242");
    const paid = await stripe.checkout.sessions.retrieve(session.id);
    const intentId = String(paid.payment_intent);

    const partial = await stripe.refunds.create({
      payment_intent: intentId,
      amount: 200,
      reason: "requested_by_customer",
    });
    expect(partial).toMatchObject({ object: "refund", status: "succeeded", amount: 200, currency: "eur" });
    expect(partial.id).toMatch(/^re_/);
    expect((await stripe.refunds.retrieve(partial.id)).amount).toBe(200);

    const rest = await stripe.refunds.create({ payment_intent: intentId });
    expect(rest.amount).toBe(1000);
    const charge = await stripe.charges.retrieve(String(rest.charge), { expand: ["refunds"] });
    expect(charge).toMatchObject({ amount_refunded: 1200, refunded: true });
    expect(charge.refunds?.data.map((r) => r.id)).toEqual([rest.id, partial.id]);

    await sandbox.deliveries();
    const refunded = receiver.received
      .map((r) => JSON.parse(r.body) as Stripe.Event)
      .filter(
        (e): e is Stripe.ChargeRefundedEvent =>
          e.type === "charge.refunded" && e.data.object.id === charge.id,
      );
    expect(refunded.map((e) => e.data.object.amount_refunded)).toEqual([200, 1200]);
    expect(refunded[1]?.data.object.refunded).toBe(true);
    expect(refunded[1]?.data.previous_attributes).toEqual({ amount_refunded: 200, refunded: false });
    expect(sandbox.events().some((e) => e.type === "refund.created" && e.data.object.id === rest.id)).toBe(
      true,
    );

    const error = await stripe.refunds.create({ payment_intent: intentId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, code: "charge_already_refunded" });
  });

  it("replays an idempotent request and rejects a reused key with other parameters", async () => {
    const first = await createPaymentSession(stripe, "ord_idem", {
      idempotencyKey: "checkout:order:ord_idem",
    });
    const second = await createPaymentSession(stripe, "ord_idem", {
      idempotencyKey: "checkout:order:ord_idem",
    });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    const sessions = await stripe.checkout.sessions.list({ limit: 100 });
    expect(sessions.data.filter((s) => s.client_reference_id === "ord_idem")).toHaveLength(1);

    const conflict = await createPaymentSession(stripe, "ord_other", {
      idempotencyKey: "checkout:order:ord_idem",
    }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("answers 401 for a bad key and Stripe-shaped errors for unknown routes and bad params", async () => {
    const live = await sdkFor(sandbox, "sk_live_not_allowed_here_1234")
      .customers.create({})
      .catch((e: unknown) => e);
    expect(live).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(live).toMatchObject({ statusCode: 401 });

    const anonymous = await fetch(`${sandbox.url}/v1/customers`, { method: "POST" });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { type: string } }).error.type).toBe(
      "invalid_request_error",
    );

    const unknown = await fetch(`${sandbox.url}/v1/nope`, {
      headers: { Authorization: `Bearer ${sandbox.secretKey}` },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { type: "invalid_request_error", message: expect.stringContaining("Unrecognized request URL") },
    });

    const missing = await stripe.checkout.sessions.retrieve("cs_test_missing").catch((e: unknown) => e);
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing", param: "id" });

    const noItems = await stripe.checkout.sessions
      .create({ mode: "payment", success_url: SUCCESS_URL })
      .catch((e: unknown) => e);
    expect(noItems).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(noItems).toMatchObject({
      statusCode: 400,
      type: "StripeInvalidRequestError",
      param: "line_items",
    });

    const badAmount = await stripe.checkout.sessions
      .create({
        mode: "payment",
        success_url: SUCCESS_URL,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: "eur",
              unit_amount: "12.5" as unknown as number,
              product_data: { name: "x" },
            },
          },
        ],
      })
      .catch((e: unknown) => e);
    expect(badAmount).toMatchObject({ statusCode: 400, param: "line_items[0][price_data][unit_amount]" });

    // Stripe takes only its own page languages: "de" is one, a site's "de-AT" or "xx" is not.
    const sessionsBefore = (await stripe.checkout.sessions.list({ limit: 100 })).data.length;
    for (const locale of ["xx", "de-AT", "DE"]) {
      const refused = await createPaymentSession(stripe, "ord_locale", undefined, { locale }).catch(
        (e: unknown) => e,
      );
      expect(refused, locale).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(refused, locale).toMatchObject({
        statusCode: 400,
        param: "locale",
        message: expect.stringMatching(/^Invalid locale: must be one of auto, bg, .*\bde\b.*zh-TW/),
      });
    }
    expect((await stripe.checkout.sessions.list({ limit: 100 })).data).toHaveLength(sessionsBefore);
    const german = await createPaymentSession(stripe, "ord_locale_de", undefined, { locale: "de" });
    expect(german.locale).toBe("de");
  });

  it("reads raw form bodies as curl sends them and refuses what Stripe refuses", async () => {
    const basic = `Basic ${Buffer.from(`${sandbox.secretKey}:`).toString("base64")}`;
    const form = new URLSearchParams([
      ["mode", "payment"],
      ["line_items[0][price_data][currency]", "eur"],
      ["line_items[0][price_data][unit_amount]", "700"],
      ["line_items[0][price_data][product_data][name]", "Raw"],
      ["line_items[0][quantity]", "3"],
      ["metadata[orderId]", "raw_1"],
      ["success_url", SUCCESS_URL],
      ["expand[]", "line_items"],
    ]);
    const created = await fetch(`${sandbox.url}/v1/checkout/sessions`, {
      method: "POST",
      headers: { Authorization: basic, "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    const session = (await created.json()) as Stripe.Checkout.Session;
    expect(created.status).toBe(200);
    expect(created.headers.get("request-id")).toMatch(/^req_/);
    expect(session).toMatchObject({ amount_total: 2100, metadata: { orderId: "raw_1" } });
    expect(session.line_items?.data[0]?.quantity).toBe(3);

    // The SDK sends `null` as an empty string; Stripe refuses it for fields that cannot be unset.
    const empty = await stripe.checkout.sessions
      .create({
        mode: "payment",
        success_url: SUCCESS_URL,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: "eur",
              unit_amount: 900,
              product_data: { name: "x", description: null as unknown as string },
            },
          },
        ],
      })
      .catch((e: unknown) => e);
    expect(empty).toMatchObject({
      statusCode: 400,
      param: "line_items[0][price_data][product_data][description]",
    });

    const unknown = await stripe.checkout.sessions
      .create({
        mode: "payment",
        success_url: SUCCESS_URL,
        colour: "red",
      } as Stripe.Checkout.SessionCreateParams)
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({
      statusCode: 400,
      param: "colour",
      message: "Received unknown parameter: colour",
    });

    const recurring = await stripe.prices.create({
      currency: "eur",
      unit_amount: 500,
      recurring: { interval: "month" },
      product_data: { name: "Monthly" },
    });
    const wrongMode = await stripe.checkout.sessions
      .create({
        mode: "payment",
        success_url: SUCCESS_URL,
        line_items: [{ price: recurring.id, quantity: 1 }],
      })
      .catch((e: unknown) => e);
    expect(wrongMode).toMatchObject({ statusCode: 400, param: "line_items[0][price]" });
  });

  it("creates a Customer at payment only when customer_creation is always", async () => {
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      customer_creation: "always",
      line_items: [
        { quantity: 1, price_data: { currency: "eur", unit_amount: 1500, product_data: { name: "Bundle" } } },
      ],
      success_url: SUCCESS_URL,
    });
    expect(session.customer_creation).toBe("always");
    const page = await (await fetch(session.url ?? "")).text();
    expect(page).toContain("Pay €15.00");
    expect((await pay(session.url ?? "", "5555 5555 5555 4444", { email: "new@example.com" })).status).toBe(
      303,
    );
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["customer"] });
    expect(done.customer as Stripe.Customer).toMatchObject({
      object: "customer",
      email: "new@example.com",
      name: "Test Buyer",
    });
  });

  it("manages customers", async () => {
    const customer = await stripe.customers.create({
      email: "ada@example.com",
      name: "Ada",
      metadata: { userId: "u1" },
    });
    expect(customer).toMatchObject({
      object: "customer",
      email: "ada@example.com",
      name: "Ada",
      livemode: false,
    });
    expect(customer.id).toMatch(/^cus_/);
    const updated = await stripe.customers.update(customer.id, {
      email: "ada@lovelace.example",
      metadata: { plan: "pro" },
    });
    expect(updated.metadata).toEqual({ userId: "u1", plan: "pro" });
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
      email: "ada@lovelace.example",
    });

    // A session for an existing customer: the page shows the customer's email, and the payment is theirs.
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      customer: customer.id,
      line_items: [
        { quantity: 2, price_data: { currency: "eur", unit_amount: 500, product_data: { name: "Starter" } } },
      ],
      success_url: SUCCESS_URL,
    });
    expect(session.amount_total).toBe(1000);
    expect(await (await fetch(session.url ?? "")).text()).toContain("ada@lovelace.example");
    expect((await pay(session.url ?? "", "4242424242424242")).status).toBe(303);
    const intent = await stripe.paymentIntents.retrieve(
      String((await stripe.checkout.sessions.retrieve(session.id)).payment_intent),
    );
    expect(intent.customer).toBe(customer.id);
  });

  it("expires a session on request and emits checkout.session.expired", async () => {
    const session = await createPaymentSession(stripe, "ord_expire");
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: "expired", url: null });
    expect(
      sandbox.events().some((e) => e.type === "checkout.session.expired" && e.data.object.id === session.id),
    ).toBe(true);
    const page = await fetch(`${sandbox.url}/c/pay/${session.id}`);
    expect(await page.text()).toContain("expired");
    const twice = await stripe.checkout.sessions.expire(session.id).catch((e: unknown) => e);
    expect(twice).toMatchObject({ statusCode: 400 });
  });

  it("lists events newest first", async () => {
    // Three events of its own (customer.created), whichever tests ran before.
    for (const n of [1, 2, 3]) await stripe.customers.create({ email: `events-${n}@example.com` });
    const events = await stripe.events.list({ limit: 3 });
    expect(events.data).toHaveLength(3);
    const all = sandbox.events();
    expect(events.data.map((e) => e.id)).toEqual(
      all
        .slice(-3)
        .reverse()
        .map((e) => e.id),
    );
    const one = await stripe.events.retrieve(events.data[0]?.id ?? "");
    expect(one.id).toBe(events.data[0]?.id);
  });

  it("filters lists by created and searches customers by email and metadata", async () => {
    const events = sandbox.events();
    const newest = events.at(-1)?.created ?? 0;
    const recent = await stripe.events.list({ created: { gte: newest }, limit: 100 });
    expect(recent.data.length).toBeGreaterThan(0);
    expect(recent.data.every((e) => e.created >= newest)).toBe(true);
    expect((await stripe.events.list({ created: { lt: 1 } })).data).toEqual([]);

    const found = await stripe.customers.create({
      email: "Search.Me@example.com",
      metadata: { userId: "u_search" },
    });
    const byEmail = await stripe.customers.search({ query: "email:'search.me@example.com'" });
    expect(byEmail).toMatchObject({ object: "search_result", has_more: false });
    expect(byEmail.data.map((c) => c.id)).toEqual([found.id]);
    const byMetadata = await stripe.customers.search({
      query: "metadata['userId']:'u_search' AND email:'search.me@example.com'",
    });
    expect(byMetadata.data.map((c) => c.id)).toEqual([found.id]);
    const bad = await stripe.customers.search({ query: "email~'x'" }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ statusCode: 400, param: "query" });
  });

  it("sells a monthly plan in subscription mode", async () => {
    const product = await stripe.products.create({ name: "Pro prompts" });
    const price = await stripe.prices.create({
      product: product.id,
      currency: "eur",
      unit_amount: 900,
      recurring: { interval: "month" },
    });
    expect(price).toMatchObject({ type: "recurring", recurring: { interval: "month", interval_count: 1 } });

    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer_email: "sub@example.com",
      line_items: [{ price: price.id, quantity: 1 }],
      subscription_data: { metadata: { plan: "pro" } },
      success_url: SUCCESS_URL,
    });
    expect(await (await fetch(session.url ?? "")).text()).toContain("Subscribe €9.00 per month");
    expect((await pay(session.url ?? "", "4242 4242 4242 4242", { email: "sub@example.com" })).status).toBe(
      303,
    );

    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription", "invoice"] });
    expect(done).toMatchObject({ status: "complete", payment_status: "paid", payment_intent: null });
    const subscription = done.subscription as Stripe.Subscription;
    expect(subscription).toMatchObject({
      object: "subscription",
      status: "active",
      metadata: { plan: "pro" },
    });
    expect(subscription.customer).toMatch(/^cus_/);
    const item = subscription.items.data[0];
    expect(item?.price.id).toBe(price.id);
    expect(item?.current_period_end).toBeGreaterThan(item?.current_period_start ?? Infinity);
    expect(done.invoice as Stripe.Invoice).toMatchObject({ status: "paid", amount_paid: 900 });

    // The full sequence is checked in stripe-sandbox-subscriptions.test.ts.
    const types = sandbox.events().map((e) => e.type);
    expect(types.slice(types.lastIndexOf("customer.subscription.created"))).toContain("invoice.paid");
    expect(types.at(-1)).toBe("checkout.session.completed");
  });
});

describe("Stripe sandbox: delivery retries and persistence", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("retries a webhook that failed until the endpoint accepts it", async () => {
    const receiver = await startReceiver({ failFirst: 2 });
    const logs: string[] = [];
    const sandbox = await startStripeSandbox({
      webhookUrl: receiver.url,
      webhookRetryDelaysMs: [20, 20, 20, 20],
      log: (l) => logs.push(l),
    });
    cleanups.push(
      () => receiver.close(),
      () => sandbox.close(),
    );

    await sdkFor(sandbox).customers.create({ email: "retry@example.com" });
    await sandbox.deliveries();
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]?.body ?? "{}")).toMatchObject({ type: "customer.created" });
    expect(logs).toHaveLength(2);
    expect(logs[0]).toContain("HTTP 500");
    expect(sandbox.events()[0]?.pending_webhooks).toBe(0);
  });

  it("keeps state across a restart, so earlier payments can still be refunded", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stripe-sandbox-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const statePath = join(dir, "state.json");

    const first = await startStripeSandbox({ statePath });
    const session = await createPaymentSession(sdkFor(first), "ord_persist");
    await pay(session.url ?? "", "4242 4242 4242 4242");
    const webhookSecret = first.webhookSecret;
    await first.close();
    expect(JSON.parse(readFileSync(statePath, "utf8"))).toMatchObject({ version: 1 });

    const second = await startStripeSandbox({ statePath });
    cleanups.push(() => second.close());
    expect(second.webhookSecret).toBe(webhookSecret);
    const stripe = sdkFor(second);
    const restored = await stripe.checkout.sessions.retrieve(session.id, { expand: ["line_items"] });
    expect(restored).toMatchObject({ status: "complete", payment_status: "paid" });
    expect(restored.line_items?.data[0]?.price?.unit_amount).toBe(1200);
    const refund = await stripe.refunds.create({ payment_intent: String(restored.payment_intent) });
    expect(refund).toMatchObject({ status: "succeeded", amount: 1200 });
    expect(second.events().map((e) => e.type)).toContain("checkout.session.completed");

    // An open session made before a restart gets a link to this run's port.
    const open = await createPaymentSession(stripe, "ord_open");
    await second.close();
    const third = await startStripeSandbox({ statePath });
    cleanups.push(() => third.close());
    const reopened = await sdkFor(third).checkout.sessions.retrieve(open.id);
    expect(reopened.url).toBe(`${third.url}/c/pay/${open.id}`);
  });
});
