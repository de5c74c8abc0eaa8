// What the Stripe webhook endpoint answers to input it cannot use. Stripe retries anything but a 2xx
// for three days, so: a request that is not a Stripe delivery gets a 4xx with a message, a signed
// event is stored and acknowledged, and only a failure to store it (the database is down) gets a 5xx.
// An event that can never be processed is stored as ignored with its reason: at once when its type
// or shape says so, else when its job finds out. A job that fails keeps the event for the retry.
import { createHmac } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isDataException } from "~/modules/billing/stripe-event-outcomes.ts";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import * as webhookRoute from "~/routes/webhooks.stripe/route.ts";
import { createPrismaClient, prisma } from "~/utils/db.server.ts";
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
const secret = () => process.env.STRIPE_WEBHOOK_SECRET as string;
const nowSeconds = () => Math.floor(Date.now() / 1000);

const sign = (payload: string, options: { timestamp?: number; secret?: string } = {}) =>
  signer.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? secret(),
    ...(options.timestamp !== undefined && { timestamp: options.timestamp }),
  });

async function post(body: string, headers: Record<string, string>) {
  const request = new Request("http://stapel.test/webhooks/stripe", { method: "POST", headers, body });
  return expectResponse(await callRoute(webhookRoute.action, request));
}

/** A delivery as Stripe sends it: JSON, signed now unless told otherwise. */
function deliver(payload: string, signature = sign(payload)) {
  return post(payload, { "Content-Type": "application/json; charset=utf-8", "Stripe-Signature": signature });
}

let eventCounter = 0;
function eventJson(type: string, object: unknown, id = `evt_input_${++eventCounter}_${Date.now()}`) {
  return JSON.stringify({
    id,
    object: "event",
    type,
    api_version: Stripe.API_VERSION,
    created: nowSeconds(),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  });
}

/** How the stored event was settled. */
async function storedOutcome(payload: string) {
  const { id } = JSON.parse(payload) as { id: string };
  return prisma.stripeEvent.findUniqueOrThrow({
    where: { id },
    select: { status: true, ignoreReason: true },
  });
}

/** Row counts of every application table except rate-limit counters (the flood guard counts every request). */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    select format('%I.%I', schemaname, tablename) as name from pg_tables
    where schemaname = 'public' and tablename not in ('_prisma_migrations', 'RateLimit')
    order by 1`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from ${name}`);
    counts[name] = row?.n ?? 0;
  }
  return counts;
}

async function expectJsonError(response: Response, status: number, message?: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { error?: unknown };
  expect(typeof body.error).toBe("string");
  if (message) expect(body.error).toMatch(message);
}

/** A real paid Checkout Session whose events the test (not the sandbox) delivers. */
async function paidCheckout() {
  const { listing } = await createListingForSale();
  const buyer = await createUser();
  app.sandbox.setWebhookUrl("http://127.0.0.1:9/nowhere"); // keep the sandbox from delivering first
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
  return { event, buyer, order };
}

describe("requests that are not a usable Stripe delivery", () => {
  it("answers each with a 4xx and a JSON error, and changes nothing in the database", async () => {
    const before = await tableCounts();
    const valid = eventJson("customer.created", { id: "cus_input_1", object: "customer" });

    // Body problems.
    await expectJsonError(await deliver("", sign("")), 400);
    await expectJsonError(await post("", { "Content-Type": "application/json" }), 400);
    const huge = eventJson("customer.created", {
      id: "cus_huge",
      object: "customer",
      metadata: { padding: "x".repeat(1024 * 1024) },
    });
    const tooLarge = await deliver(huge);
    // The unread rest of the body would otherwise be taken for the connection's next request.
    expect(tooLarge.headers.get("Connection")).toBe("close");
    await expectJsonError(tooLarge, 413, /too large/i);
    await expectJsonError(await deliver("this is not json"), 400, /not JSON/i);
    await expectJsonError(await deliver("{"), 400, /not JSON/i);

    // JSON, validly signed, but not an event.
    for (const notAnEvent of [
      "[]",
      "null",
      "42",
      '"evt_1"',
      "{}",
      JSON.stringify({ object: "event", type: "customer.created", data: { object: {} } }),
      JSON.stringify({ id: "evt_no_type", object: "event", data: { object: {} } }),
      JSON.stringify({ id: 7, type: "customer.created", object: "event", data: { object: {} } }),
      JSON.stringify({ id: "", type: "customer.created", object: "event", data: { object: {} } }),
      JSON.stringify({ id: "evt_\u0000", type: "customer.created", object: "event", data: { object: {} } }),
      `{"id":"evt_deep","object":"event","type":"customer.created","data":{"object":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`,
      JSON.stringify({
        id: "evt_thin",
        object: "v2.core.event",
        type: "v1.billing.meter.error_report_triggered",
      }),
    ]) {
      await expectJsonError(await deliver(notAnEvent), 400, /not a Stripe event/i);
    }

    // Signature header problems.
    await expectJsonError(await post(valid, { "Content-Type": "application/json" }), 400, /Stripe-Signature/);
    for (const header of ["", "nonsense", "t=abc,v1=abc", "t=123", "v1=abc", `t=${nowSeconds()},v1=`]) {
      await expectJsonError(await deliver(valid, header), 400);
    }
    await expectJsonError(await deliver(valid, sign(valid, { secret: "whsec_someone_else" })), 400);

    // Content type problems, even with a valid signature.
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "application/jsonp"]) {
      await expectJsonError(
        await post(valid, { "Content-Type": contentType, "Stripe-Signature": sign(valid) }),
        415,
        /application\/json/,
      );
    }
    await expectJsonError(await post(valid, { "Stripe-Signature": sign(valid) }), 415);

    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a signature timestamped beyond the tolerance, in the past and in the future", async () => {
    const payload = eventJson("customer.created", { id: "cus_clock", object: "customer" });
    const before = await tableCounts();
    await expectJsonError(
      await deliver(payload, sign(payload, { timestamp: nowSeconds() + 301 + 5 })),
      400,
      /future/i,
    );
    await expectJsonError(await deliver(payload, sign(payload, { timestamp: nowSeconds() + 3600 })), 400);
    await expectJsonError(await deliver(payload, sign(payload, { timestamp: nowSeconds() - 306 })), 400);
    // stripe-node reads "t=abc" as NaN, signs "NaN.<body>" and then lets NaN through its age check.
    const nanSignature = createHmac("sha256", secret()).update(`NaN.${payload}`).digest("hex");
    await expectJsonError(await deliver(payload, `t=abc,v1=${nanSignature}`), 400, /timestamp/);
    expect(await tableCounts()).toEqual(before);

    // A clock a minute apart from Stripe's is within the tolerance, either way.
    expect((await deliver(payload, sign(payload, { timestamp: nowSeconds() + 60 }))).status).toBe(200);
    expect((await deliver(payload, sign(payload, { timestamp: nowSeconds() - 60 }))).status).toBe(200);
  });
});

describe("signed events that can never be processed", () => {
  it("stores an event whose strings hold NUL or lone surrogates, with those characters replaced", async () => {
    const payload = eventJson("customer.created", {
      id: "cus_nul",
      object: "customer",
      name: "Ann\u0000Lee",
      metadata: { "note\u0000": "a\u0000b", broken: "x\ud800y" },
    });
    expect(payload).toContain("\\u0000");
    const response = await deliver(payload);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: "ignored", reason: "UNSUPPORTED_TYPE" });

    const id = (JSON.parse(payload) as { id: string }).id;
    const stored = await prisma.stripeEvent.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      status: "IGNORED",
      ignoreReason: "UNSUPPORTED_TYPE",
      payloadSanitised: true,
    });
    const object = (stored.payload as { data: { object: Record<string, unknown> } }).data.object;
    expect(object.name).toBe("Ann\uFFFDLee");
    expect(object.metadata).toEqual({ "note\uFFFD": "a\uFFFDb", broken: "x\uFFFDy" });
  });

  it("fulfils a paid checkout whose event carries NUL in metadata and the customer's name", async () => {
    const { event, buyer } = await paidCheckout();
    const session = event.data.object as Stripe.Checkout.Session;
    const payload = JSON.stringify({
      ...event,
      data: {
        object: {
          ...session,
          metadata: { ...session.metadata, note: "gift\u0000for Sam" },
          customer_details: { ...session.customer_details, name: "Sam\u0000" },
        },
      },
    });
    const response = await deliver(payload);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: "queued" });
    await runWebhookJobs();
    expect(await prisma.entitlement.count({ where: { userId: buyer.id, status: "ACTIVE" } })).toBe(1);
    expect(await prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      status: "HANDLED",
      payloadSanitised: true,
    });
  });

  it("records a refund whose reason holds NUL without storing the NUL", async () => {
    const { event, order } = await paidCheckout();
    expect((await deliver(JSON.stringify(event))).status).toBe(200);
    await runWebhookJobs();
    const paymentIntent = (event.data.object as Stripe.Checkout.Session).payment_intent as string;
    const payload = eventJson("refund.created", {
      id: "re_nul_1",
      object: "refund",
      amount: 100,
      currency: "eur",
      payment_intent: paymentIntent,
      reason: "requested\u0000by_customer",
      status: "succeeded",
    });
    const response = await deliver(payload);
    expect(response.status).toBe(200);
    await runWebhookJobs();
    expect(await prisma.refund.findUniqueOrThrow({ where: { stripeRefundId: "re_nul_1" } })).toMatchObject({
      orderId: order.id,
      reason: "requested\uFFFDby_customer",
    });
  });

  it("acknowledges a Checkout Session Stapel never opened, stores it as ignored, and does not run it again", async () => {
    const before = await prisma.order.count();
    const session = { id: "cs_test_not_ours_1", object: "checkout.session", payment_status: "paid" };
    const payload = eventJson("checkout.session.completed", session, "evt_unknown_session_1");
    const first = await deliver(payload);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ result: "queued" });
    await runWebhookJobs();
    const again = await deliver(payload);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ result: "duplicate" });
    expect(
      await prisma.stripeEvent.findUniqueOrThrow({ where: { id: "evt_unknown_session_1" } }),
    ).toMatchObject({
      status: "IGNORED",
      ignoreReason: "UNKNOWN_CHECKOUT_SESSION",
      attempts: 2,
      handledAt: null,
    });

    const expired = eventJson("checkout.session.expired", { ...session, id: "cs_test_not_ours_2" });
    const response = await deliver(expired);
    expect(response.status).toBe(200);
    await runWebhookJobs();
    expect(await storedOutcome(expired)).toEqual({
      status: "IGNORED",
      ignoreReason: "UNKNOWN_CHECKOUT_SESSION",
    });
    expect(await prisma.order.count()).toBe(before);
  });

  it("acknowledges events whose object is malformed", async () => {
    for (const [type, object] of [
      ["checkout.session.completed", null],
      ["checkout.session.completed", { object: "checkout.session" }],
      ["checkout.session.async_payment_succeeded", { id: 42 }],
      ["checkout.session.expired", "cs_test_1"],
      ["charge.refunded", { id: "ch_1", object: "charge" }],
      ["refund.created", { id: "re_1", object: "refund", amount: "lots" }],
      ["charge.dispute.created", []],
      ["customer.subscription.updated", { id: "sub_1", object: "subscription", status: "active" }],
      ["customer.subscription.deleted", { id: "sub_1", status: 42, items: { data: [] } }],
      ["invoice.paid", { id: "in_1", object: "invoice", status: "paid" }],
      ["invoice.payment_failed", "in_1"],
      ["test_helpers.test_clock.ready", { id: "clock_1" }],
    ] as const) {
      const payload = eventJson(type, object);
      const response = await deliver(payload);
      expect(response.status, `${type} ${JSON.stringify(object)}`).toBe(200);
      expect(await response.json()).toMatchObject({ result: "ignored", reason: "MALFORMED_OBJECT" });
    }
    const missingData = JSON.stringify({ id: "evt_no_data", object: "event", type: "charge.refunded" });
    expect(await (await deliver(missingData)).json()).toMatchObject({ reason: "MALFORMED_OBJECT" });
  });

  it("acknowledges refunds and disputes of payments that are not Stapel's", async () => {
    for (const [type, object] of [
      [
        "charge.refunded",
        {
          id: "ch_x",
          object: "charge",
          payment_intent: "pi_not_ours",
          amount: 100,
          amount_refunded: 100,
          refunded: true,
        },
      ],
      [
        "charge.refunded",
        {
          id: "ch_y",
          object: "charge",
          payment_intent: null,
          amount: 100,
          amount_refunded: 100,
          refunded: true,
        },
      ],
      [
        "refund.created",
        {
          id: "re_x",
          object: "refund",
          payment_intent: "pi_not_ours",
          amount: 100,
          currency: "eur",
          status: "succeeded",
        },
      ],
      ["charge.dispute.created", { id: "dp_x", object: "dispute", payment_intent: "pi_not_ours" }],
    ] as const) {
      const payload = eventJson(type, object);
      const response = await deliver(payload);
      expect(response.status, type).toBe(200);
      await runWebhookJobs();
      expect(await storedOutcome(payload), type).toEqual({
        status: "IGNORED",
        ignoreReason: "UNKNOWN_PAYMENT",
      });
    }
  });
});

describe("failures a retry can fix", () => {
  it("tells the database refusing a value (never fixed by a retry) from the database being away", async () => {
    const refused = await prisma.stripeEvent
      .create({ data: { id: "evt_refused", type: "a\u0000b", payload: {} } })
      .catch((error: unknown) => error);
    expect(isDataException(refused)).toBe(true);
    const away = createPrismaClient("postgresql://nobody@127.0.0.1:9/nothing");
    const unreachable = await away.stripeEvent.count().catch((error: unknown) => error);
    await away.$disconnect();
    expect(unreachable).toBeInstanceOf(Error);
    expect(isDataException(unreachable)).toBe(false);
    expect(isDataException(new Error("22P05"))).toBe(false);
  });

  it("keeps an event whose job failed for the retry: Stripe does not know a session Stapel opened", async () => {
    // Such a mismatch (a test-mode key with live-mode webhooks, say) is fixed by configuration, after
    // which the job's next attempt (or Stripe's redelivery, which makes it due at once) must still
    // find the event unsettled.
    const { listing, shop } = await createListingForSale();
    const buyer = await createUser();
    await prisma.order.create({
      data: {
        shopId: shop.id,
        buyerId: buyer.id,
        email: buyer.email,
        currency: "EUR",
        subtotalAmount: listing.priceAmount,
        totalAmount: listing.priceAmount,
        stripeCheckoutSessionId: "cs_test_opened_elsewhere",
      },
    });
    const payload = eventJson(
      "checkout.session.completed",
      { id: "cs_test_opened_elsewhere", object: "checkout.session" },
      "evt_session_stripe_lost",
    );
    const response = await deliver(payload);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: "queued" });
    // The job's failure is reported by the job queue as a warning, never as an unexpected error.
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await runWebhookJobs();
      expect(warned.mock.calls.flat().join(" ")).toContain("cs_test_opened_elsewhere");
    } finally {
      warned.mockRestore();
    }
    expect(
      await prisma.stripeEvent.findUniqueOrThrow({ where: { id: "evt_session_stripe_lost" } }),
    ).toMatchObject({
      status: "RECEIVED",
      ignoreReason: null,
      lastError: expect.stringContaining("cs_test_opened_elsewhere"),
    });
    const job = async () => {
      const [row] = await prisma.$queryRaw<{ attempts: number; due: boolean }[]>`
        select attempts, run_at <= now() as due from graphile_worker.jobs where key = 'stripe-event:evt_session_stripe_lost'`;
      return row;
    };
    expect(await job()).toEqual({ attempts: 1, due: false }); // waiting for its retry, with backoff
    expect((await deliver(payload)).status).toBe(200);
    expect(await job()).toEqual({ attempts: 0, due: true }); // Stripe's redelivery: try again now
  });

  it("answers 5xx while the database is down, and handles the event when Stripe retries", async () => {
    const { event, buyer } = await paidCheckout();
    const payload = JSON.stringify(event);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const holder = globalThis as unknown as { stapelPrisma?: ReturnType<typeof createPrismaClient> };
    const working = holder.stapelPrisma;
    holder.stapelPrisma = createPrismaClient("postgresql://nobody@127.0.0.1:9/nothing");
    try {
      const response = await deliver(payload);
      expect(response.status).toBeGreaterThanOrEqual(500);
      await expectJsonError(response, response.status, /retry/i);
      expect(logged).toHaveBeenCalled();
    } finally {
      await holder.stapelPrisma?.$disconnect();
      holder.stapelPrisma = working;
      logged.mockRestore();
    }

    const retried = await deliver(payload);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ result: "queued" });
    await runWebhookJobs();
    expect(await prisma.entitlement.count({ where: { userId: buyer.id } })).toBe(1);
  });
});
