// Every subscription event Stapel handles, delivered late, twice and out of order, ends in the same
// state as when delivered once in order: the sandbox's own events of a real flow are captured, then
// replayed through the webhook route (and the job queue) in reverse, each twice.
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { handledEventTypes } from "~/modules/billing/stripe-event-handlers.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { startWebhookReceiver } from "../../stripe-sandbox/testing.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser } from "../support/fixtures.ts";
import {
  advanceClock,
  createPlanForSale,
  DAY,
  putOnTestClock,
  storedSubscription,
  subscribe,
} from "../support/subscriptions.ts";
import { deliverEvent, runWebhookJobs, settleWebhooks } from "../support/webhooks.ts";

// Each test drives the sandbox through many Stripe calls, webhooks and jobs: slow on a busy machine.
let app: Awaited<ReturnType<typeof startTestApp>>;
let sink: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  app = await startTestApp();
  sink = await startWebhookReceiver();
});
afterAll(async () => {
  await app.stop();
  await sink.close();
});

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0) / 1000;

/** Runs a flow while the sandbox's webhooks go elsewhere; returns the events it caused about `match`. */
async function captured(flow: () => Promise<void>, match: () => string[]): Promise<Stripe.Event[]> {
  const from = app.sandbox.events().length;
  app.sandbox.setWebhookUrl(sink.url);
  try {
    await flow();
    await app.sandbox.deliveries();
  } finally {
    app.sandbox.setWebhookUrl(app.webhookUrl);
  }
  const ids = match();
  return app.sandbox
    .events()
    .slice(from)
    .filter((event) => ids.some((id) => JSON.stringify(event.data.object).includes(id)));
}

/** Delivers the events newest first, each twice, handling jobs between deliveries now and then. */
async function replayBackwardsTwice(events: Stripe.Event[]) {
  const backwards = [...events].reverse();
  for (const [index, event] of [...backwards, ...backwards].entries()) {
    expect((await deliverEvent(event)).status).toBe(200);
    if (index % 3 === 2) await runWebhookJobs();
  }
  await runWebhookJobs();
}

/** The types among `events` that Stapel acts on, in the order they first occur. */
const handledTypes = (events: Stripe.Event[]) =>
  [...new Set(events.map((event) => event.type))].filter(
    (type) => handledEventTypes.includes(type) && !type.startsWith("test_helpers."),
  );

/** Lifecycle emails by kind: { "subscription-welcome": 1, ... }. */
async function emailKinds(email: string) {
  const rows = await prisma.emailMessage.findMany({ where: { to: email }, select: { idempotencyKey: true } });
  const kinds: Record<string, number> = {};
  for (const row of rows) {
    const kind = row.idempotencyKey.split(":")[0] ?? "";
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}

async function eventOutcomes(events: Stripe.Event[]) {
  const stored = await prisma.stripeEvent.findMany({
    where: { id: { in: events.map((event) => event.id) } },
    select: { type: true, status: true, ignoreReason: true, attempts: true },
  });
  return { received: stored.filter((event) => event.status === "RECEIVED").length, stored };
}

describe("subscription events out of order and twice", { timeout: 60_000 }, () => {
  it("checkout.session.completed, customer.subscription.created/updated and invoice.paid: active once", async () => {
    const { price, listing, second } = await createPlanForSale();
    const user = await createUser();
    let stripeSubscriptionId = "";
    const events = await captured(
      async () => {
        ({ stripeSubscriptionId } = await subscribe(user, price.id));
      },
      () => [stripeSubscriptionId, user.email],
    );
    expect(handledTypes(events)).toEqual([
      "customer.subscription.created",
      "invoice.paid",
      "customer.subscription.updated",
      "checkout.session.completed",
    ]);
    expect(await prisma.subscription.count({ where: { userId: user.id } })).toBe(0);

    await replayBackwardsTwice(events);
    const subscription = await storedSubscription(stripeSubscriptionId);
    expect(subscription).toMatchObject({ status: "ACTIVE", grantsAccess: true });
    expect(subscription.entitlements.map((e) => [e.listingId, e.status]).sort()).toEqual(
      [
        [listing.id, "ACTIVE"],
        [second.id, "ACTIVE"],
      ].sort(),
    );
    // One licence key per subscription, not per listing.
    expect(await prisma.licenseKey.count({ where: { userId: user.id } })).toBe(1);
    expect(await prisma.invoice.count({ where: { subscriptionId: subscription.id } })).toBe(1);
    expect(await emailKinds(user.email)).toEqual({ "subscription-welcome": 1, "subscription-receipt": 1 });
    const outcomes = await eventOutcomes(events);
    expect(outcomes.received).toBe(0);
    expect(outcomes.stored.every((event) => event.attempts === 2)).toBe(true);
  });

  it("customer.subscription.trial_will_end and the trial's end: active, reminded once or (late) not at all", async () => {
    const { price } = await createPlanForSale({ trialDays: 7 });
    const user = await createUser();
    const { clock, customer } = await putOnTestClock(user, T0);
    const { stripeSubscriptionId } = await subscribe(user, price.id);
    await settleWebhooks(app.sandbox);
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({
      status: "TRIALING",
      grantsAccess: true,
    });

    const reminder = await captured(
      () => advanceClock(clock.id, T0 + 5 * DAY).then(() => {}),
      () => [stripeSubscriptionId],
    );
    expect(handledTypes(reminder)).toEqual(["customer.subscription.trial_will_end"]);
    const trialEnded = await captured(
      () => advanceClock(clock.id, T0 + 7 * DAY + 2 * 3600).then(() => {}),
      () => [stripeSubscriptionId, customer.id],
    );
    expect(handledTypes(trialEnded)).toEqual(["customer.subscription.updated", "invoice.paid"]);

    // The reminder arrives after the trial is over (newest first): a reminder about the past is not sent.
    await replayBackwardsTwice([...reminder, ...trialEnded]);
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({
      status: "ACTIVE",
      grantsAccess: true,
    });
    expect(await emailKinds(user.email)).toEqual({ "subscription-welcome": 1, "subscription-receipt": 1 });

    // In time, twice: one reminder.
    const other = await createUser();
    const clocked = await putOnTestClock(other, T0);
    const second = await subscribe(other, price.id);
    await settleWebhooks(app.sandbox);
    const onTime = await captured(
      () => advanceClock(clocked.clock.id, T0 + 5 * DAY).then(() => {}),
      () => [second.stripeSubscriptionId],
    );
    await replayBackwardsTwice(onTime);
    expect(await emailKinds(other.email)).toEqual({
      "subscription-welcome": 1,
      "subscription-trial-ending": 1,
    });
  });

  it("invoice.payment_failed, invoice.payment_action_required and the move to past_due: past due with access, emailed once each", async () => {
    const { price, listing } = await createPlanForSale();
    const user = await createUser();
    const { clock, customer } = await putOnTestClock(user, T0);
    const { stripeSubscriptionId } = await subscribe(user, price.id);
    await settleWebhooks(app.sandbox);
    const failing = await stripe().paymentMethods.attach("pm_card_chargeCustomerFail", {
      customer: customer.id,
    });
    await stripe().subscriptions.update(stripeSubscriptionId, { default_payment_method: failing.id });
    await settleWebhooks(app.sandbox);
    const periodEnd = (await storedSubscription(stripeSubscriptionId)).currentPeriodEnd?.getTime() ?? 0;

    const events = await captured(
      () => advanceClock(clock.id, periodEnd / 1000 + 2 * 3600).then(() => {}),
      () => [stripeSubscriptionId, customer.id],
    );
    const failed = events.find((event) => event.type === "invoice.payment_failed");
    if (!failed) throw new Error("no invoice.payment_failed");
    // Stripe sends invoice.payment_action_required when the bank wants the customer to confirm (3-D
    // Secure); the sandbox's failing card does not, so this one is built from the failed invoice.
    const actionRequired = {
      ...failed,
      id: `${failed.id}_action`,
      type: "invoice.payment_action_required",
    } as Stripe.Event;
    const all = [...events, actionRequired];
    expect(handledTypes(all).sort()).toEqual(
      ["customer.subscription.updated", "invoice.payment_action_required", "invoice.payment_failed"].sort(),
    );

    await replayBackwardsTwice(all);
    const pastDue = await storedSubscription(stripeSubscriptionId);
    expect(pastDue).toMatchObject({ status: "PAST_DUE", grantsAccess: true });
    expect(pastDue.entitlements.find((e) => e.listingId === listing.id)?.status).toBe("ACTIVE");
    const invoices = await prisma.invoice.findMany({
      where: { subscriptionId: pastDue.id },
      orderBy: { periodStart: "asc" },
      select: { status: true },
    });
    expect(invoices).toEqual([{ status: "PAID" }, { status: "OPEN" }]);
    expect(await emailKinds(user.email)).toEqual({
      "subscription-welcome": 1,
      "subscription-receipt": 1,
      "subscription-payment-failed": 1,
      "subscription-payment-action": 1,
    });
  });

  it("customer.subscription.updated (cancel at period end) and .deleted: ended once, emailed once each", async () => {
    const { price, listing } = await createPlanForSale();
    const user = await createUser();
    const { clock } = await putOnTestClock(user, T0);
    const { stripeSubscriptionId } = await subscribe(user, price.id);
    await settleWebhooks(app.sandbox);
    const periodEnd = (await storedSubscription(stripeSubscriptionId)).currentPeriodEnd?.getTime() ?? 0;

    const events = await captured(
      async () => {
        await stripe().subscriptions.update(stripeSubscriptionId, { cancel_at_period_end: true });
        await advanceClock(clock.id, periodEnd / 1000 + 3600);
      },
      () => [stripeSubscriptionId],
    );
    expect(handledTypes(events)).toEqual(["customer.subscription.updated", "customer.subscription.deleted"]);

    await replayBackwardsTwice(events);
    const ended = await storedSubscription(stripeSubscriptionId);
    expect(ended).toMatchObject({ status: "CANCELED", grantsAccess: false, cancelAtPeriodEnd: true });
    expect(ended.entitlements.find((e) => e.listingId === listing.id)).toMatchObject({
      status: "REVOKED",
      revokeReason: "SUBSCRIPTION_ENDED",
    });
    // The deletion came first: the cancellation notice about a subscription already over is not sent.
    expect(await emailKinds(user.email)).toEqual({
      "subscription-welcome": 1,
      "subscription-receipt": 1,
      "subscription-access-ended": 1,
    });
  });

  it("a stale event never undoes a newer state: an old 'active' after the deletion is replaced by Stripe's state", async () => {
    const { price } = await createPlanForSale();
    const user = await createUser();
    let stripeSubscriptionId = "";
    const start = await captured(
      async () => {
        ({ stripeSubscriptionId } = await subscribe(user, price.id));
      },
      () => [stripeSubscriptionId],
    );
    for (const event of start) await deliverEvent(event);
    await runWebhookJobs();
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({
      status: "ACTIVE",
      grantsAccess: true,
    });
    const cancel = await captured(
      () =>
        stripe()
          .subscriptions.cancel(stripeSubscriptionId)
          .then(() => {}),
      () => [stripeSubscriptionId],
    );
    for (const event of cancel) await deliverEvent(event);
    await runWebhookJobs();
    // Older events arriving late for the first time (ids not seen before, as after a lost delivery):
    // older than the state stored, so Stripe's current state is applied instead of theirs.
    for (const event of start) await deliverEvent({ ...event, id: `${event.id}_late` });
    await runWebhookJobs();
    const subscription = await storedSubscription(stripeSubscriptionId);
    expect(subscription).toMatchObject({ status: "CANCELED", grantsAccess: false });
    expect(subscription.entitlements.length).toBe(2);
    expect(subscription.entitlements.every((e) => e.status === "REVOKED")).toBe(true);
    const emails = await emailKinds(user.email);
    expect(emails).toEqual({
      "subscription-welcome": 1,
      "subscription-receipt": 1,
      "subscription-access-ended": 1,
    });
  });
});
