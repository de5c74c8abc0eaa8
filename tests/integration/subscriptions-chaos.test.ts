// A whole subscription, from checkout to its end, while the sandbox delivers webhooks as Stripe may:
// duplicated, delayed, out of order and concurrently, and while jobs handle them as they come in.
// The end state and the emails are those of an orderly run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { hasActiveEntitlement } from "~/modules/delivery/entitlements.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser } from "../support/fixtures.ts";
import {
  advanceClock,
  createPlanForSale,
  emailsTo,
  putOnTestClock,
  storedSubscription,
  subscribe,
} from "../support/subscriptions.ts";
import { runWebhookJobs } from "../support/webhooks.ts";

// Each test drives the sandbox through many Stripe calls, webhooks and jobs: slow on a busy machine.
let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  app.sandbox.setDeliveryChaos(null);
  await app.stop();
});

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0) / 1000;

/** Two job runners handling whatever is due, over and over, until stopped: a worker racing the deliveries. */
function startJobPumps() {
  let running = true;
  const pump = async () => {
    while (running) {
      await runWebhookJobs();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const pumps = [pump(), pump()];
  return async () => {
    running = false;
    await Promise.all(pumps);
    await runWebhookJobs();
  };
}

describe("chaotic webhook delivery", { timeout: 120_000 }, () => {
  it("subscribe, renew, cancel at period end, end: the same state and emails as in order", async () => {
    app.sandbox.setDeliveryChaos({
      // CHAOS_SEED=n tries another plan of duplicates and delays.
      seed: Number(process.env.CHAOS_SEED ?? 16),
      duplicate: 0.5,
      delayMs: [0, 120],
      reorder: true,
      concurrency: 8,
    });
    const stopPumps = startJobPumps();
    const { price, listing, second } = await createPlanForSale();
    const user = await createUser();
    const { clock } = await putOnTestClock(user, T0);
    const { stripeSubscriptionId } = await subscribe(user, price.id);
    await app.sandbox.deliveries();

    const periodEnd = Date.UTC(2026, 1, 15, 12, 0, 0) / 1000;
    await advanceClock(clock.id, periodEnd + 2 * 3600); // renewal, paid
    await app.sandbox.deliveries();
    await stripe().subscriptions.update(stripeSubscriptionId, { cancel_at_period_end: true });
    await app.sandbox.deliveries();
    const secondPeriodEnd = Date.UTC(2026, 2, 15, 12, 0, 0) / 1000;
    await advanceClock(clock.id, secondPeriodEnd - 3600);
    await app.sandbox.deliveries();
    await stopPumps();
    // Still the paid period: access is there, cancellation announced.
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({
      status: "ACTIVE",
      cancelAtPeriodEnd: true,
      grantsAccess: true,
    });
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(true);

    const stopAgain = startJobPumps();
    await advanceClock(clock.id, secondPeriodEnd + 3600);
    await app.sandbox.deliveries();
    await stopAgain();

    const ended = await storedSubscription(stripeSubscriptionId);
    expect(ended).toMatchObject({ status: "CANCELED", grantsAccess: false });
    expect(ended.entitlements.map((e) => [e.listingId, e.status, e.revokeReason]).sort()).toEqual(
      [
        [listing.id, "REVOKED", "SUBSCRIPTION_ENDED"],
        [second.id, "REVOKED", "SUBSCRIPTION_ENDED"],
      ].sort(),
    );
    // One licence key per subscription, not per listing.
    expect(await prisma.licenseKey.count({ where: { userId: user.id } })).toBe(1);
    const invoices = await prisma.invoice.findMany({
      where: { subscriptionId: ended.id },
      select: { status: true },
    });
    expect(invoices).toEqual([{ status: "PAID" }, { status: "PAID" }]);
    const kinds = (await emailsTo(user.email, "subscription-")).map(
      (email) => email.idempotencyKey.split(":")[0],
    );
    expect(kinds.sort()).toEqual(
      [
        "subscription-access-ended",
        "subscription-cancelled",
        "subscription-receipt",
        "subscription-receipt",
        "subscription-welcome",
      ].sort(),
    );

    // The chaos happened: some events came twice and some overtook earlier ones; none is left unsettled.
    const log = app.sandbox.deliveryLog();
    expect(log.some((delivery) => delivery.copy === 1)).toBe(true);
    const firstCopies = log.filter((delivery) => delivery.copy === 0);
    const emitted = app.sandbox.events().map((event) => event.id);
    const order = firstCopies.map((delivery) => emitted.indexOf(delivery.eventId));
    expect(order.some((index, position) => position > 0 && index < (order[position - 1] ?? 0))).toBe(true);
    expect(await prisma.stripeEvent.count({ where: { status: "RECEIVED" } })).toBe(0);
    const duplicated = await prisma.stripeEvent.count({ where: { attempts: { gt: 1 } } });
    expect(duplicated).toBeGreaterThan(0);
  });
});
