// Access granted by a plan ends exactly when the subscription stops granting it: the library item,
// its downloads and its licence key all stop working at that moment, whatever ended it (a
// cancellation, a renewal still unpaid when the grace period is over).
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { listLibrary } from "~/modules/delivery/entitlements.server.ts";
import * as licenseRoute from "~/routes/api.v1.licenses.verify/route.ts";
import * as downloadRoute from "~/routes/downloads.$fileId/route.ts";
import * as libraryItemRoute from "~/routes/library.$entitlementId/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import {
  advanceClock,
  createPlanForSale,
  DAY,
  emailsTo,
  putOnTestClock,
  storedSubscription,
  subscribe,
} from "../support/subscriptions.ts";
import { deliverEvent, runWebhookJobs, settleWebhooks } from "../support/webhooks.ts";

// Each test drives the sandbox through many Stripe calls, webhooks and jobs: slow on a busy machine.
let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0) / 1000;

/**
 * What the subscriber can reach of one listing granted by the plan (library item, download) and
 * whether the subscription's licence key verifies for the plan.
 */
async function reach(
  cookie: string,
  entitlementId: string,
  fileId: string,
  licenseKey: string,
  planId: string,
) {
  const item = await callRoute(libraryItemRoute.loader, requestAs(cookie, `/library/${entitlementId}`), {
    entitlementId,
  });
  const path = (await import("~/modules/delivery/download-links.server.ts")).createDownloadPath({
    userId: (await prisma.entitlement.findUniqueOrThrow({ where: { id: entitlementId } })).userId,
    entitlementId,
    fileId,
  });
  const download = expectResponse(await callRoute(downloadRoute.loader, requestAs(null, path), { fileId }));
  const licence = expectResponse(
    await callRoute(
      licenseRoute.action,
      requestAs(null, "/api/v1/licenses/verify", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ product_id: planId, license_key: licenseKey, increment_uses_count: false }),
      }),
    ),
  );
  return {
    libraryItem: item.kind === "data" ? "shown" : item.response.status,
    content: item.kind === "data" ? (expectData(item).data.item.listing.content.body as string) : null,
    download: download.status,
    licence: ((await licence.json()) as { success: boolean }).success,
  };
}

async function subscriberWithAccess(options: { onClock?: boolean } = {}) {
  const sale = await createPlanForSale();
  const user = await createUser();
  const cookie = await signIn(user.id);
  const clock = options.onClock ? (await putOnTestClock(user, T0)).clock : null;
  const { stripeSubscriptionId } = await subscribe(user, sale.price.id);
  await settleWebhooks(app.sandbox);
  const subscription = await storedSubscription(stripeSubscriptionId);
  const granted = subscription.entitlements.find((e) => e.listingId === sale.listing.id);
  // One key for the subscription (not one per listing), valid while the plan grants access.
  const planKey = await prisma.licenseKey.findUnique({ where: { subscriptionId: subscription.id } });
  if (!granted || !planKey) throw new Error("the plan granted no listing or no licence key");
  const check = () => reach(cookie, granted.id, sale.file.id, planKey.key, sale.plan.id);
  return { ...sale, user, clock, stripeSubscriptionId, subscription, granted, check };
}

const allowed = { libraryItem: "shown", download: 200, licence: true };
const refused = { libraryItem: 404, content: null, download: 404, licence: false };

describe("access granted by a plan", { timeout: 60_000 }, () => {
  it("disappears from the library, downloads and licence checks the moment the subscription ends", async () => {
    const { user, stripeSubscriptionId, granted, check } = await subscriberWithAccess();
    expect(await check()).toMatchObject({
      ...allowed,
      content: expect.stringContaining("SECRET PROMPT BODY"),
    });

    await stripe().subscriptions.cancel(stripeSubscriptionId);
    await settleWebhooks(app.sandbox);

    expect(await check()).toEqual(refused);
    const library = await listLibrary(user.id);
    expect(library.find((item) => item.id === granted.id)).toMatchObject({
      status: "REVOKED",
      revokeReason: "SUBSCRIPTION_ENDED",
    });
    expect(await emailsTo(user.email, "subscription-access-ended")).toHaveLength(1);
  });

  it("lasts through the grace period of a failed renewal, then ends (test clock)", async () => {
    const { user, clock, stripeSubscriptionId, subscription, check } = await subscriberWithAccess({
      onClock: true,
    });
    if (!clock) throw new Error("no clock");
    const customer = subscription.stripeCustomerId ?? "";
    const failing = await stripe().paymentMethods.attach("pm_card_chargeCustomerFail", { customer });
    await stripe().subscriptions.update(stripeSubscriptionId, { default_payment_method: failing.id });
    const periodEnd = (subscription.currentPeriodEnd?.getTime() ?? 0) / 1000;

    // The renewal fails: past due, access kept, an email with Stripe's page to pay with another card.
    await advanceClock(clock.id, periodEnd + 2 * 3600);
    await settleWebhooks(app.sandbox);
    const pastDue = await storedSubscription(stripeSubscriptionId);
    expect(pastDue).toMatchObject({ status: "PAST_DUE", grantsAccess: true });
    expect(pastDue.pastDueSince?.getTime()).toBeGreaterThanOrEqual(periodEnd * 1000);
    expect(await check()).toMatchObject(allowed);
    const failed = await emailsTo(user.email, "subscription-payment-failed");
    expect(failed).toHaveLength(1);
    const invoice = await prisma.invoice.findFirstOrThrow({
      where: { subscriptionId: pastDue.id, status: "OPEN" },
    });
    expect(invoice.hostedInvoiceUrl).toBeTruthy();
    expect(failed[0]?.html).toContain(invoice.hostedInvoiceUrl ?? "");

    // Stripe retries on days 1, 2 and 4, and fails: still within the 7-day grace period.
    await advanceClock(clock.id, periodEnd + 5 * DAY);
    await settleWebhooks(app.sandbox);
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({
      status: "PAST_DUE",
      grantsAccess: true,
    });
    expect(await check()).toMatchObject(allowed);
    expect(await emailsTo(user.email, "subscription-payment-failed")).toHaveLength(1); // once per invoice

    // The clock passes the grace period's end: access ends, though Stripe still retries.
    await advanceClock(clock.id, periodEnd + 7 * DAY + 3 * 3600);
    await settleWebhooks(app.sandbox);
    const over = await storedSubscription(stripeSubscriptionId);
    expect(over).toMatchObject({ status: "PAST_DUE", grantsAccess: false });
    expect(
      over.entitlements.every((e) => e.status === "REVOKED" && e.revokeReason === "SUBSCRIPTION_ENDED"),
    ).toBe(true);
    expect(await check()).toEqual(refused);
    const ended = await emailsTo(user.email, "subscription-access-ended");
    expect(ended).toHaveLength(1);
    expect(ended[0]?.text).toContain("grace period");

    // Paid at last with a working card: access comes back, with the same licence key.
    const good = await stripe().paymentMethods.attach("pm_card_visa", { customer });
    await stripe().subscriptions.update(stripeSubscriptionId, { default_payment_method: good.id });
    await advanceClock(clock.id, periodEnd + 8 * DAY + 3 * 3600);
    await settleWebhooks(app.sandbox);
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({
      status: "ACTIVE",
      grantsAccess: true,
      pastDueSince: null,
    });
    expect(await check()).toMatchObject(allowed);
  }, 120_000);

  it("ends when the grace period is over by the durable job due then, with no event from Stripe", async () => {
    const { user, stripeSubscriptionId, subscription, check } = await subscriberWithAccess();
    // Stripe reports the failed renewal (an event as Stripe builds it, for a subscription without a clock).
    const current = await stripe().subscriptions.retrieve(stripeSubscriptionId);
    const pastDueEvent: Stripe.Event = {
      id: `evt_past_due_${subscription.id}`,
      object: "event",
      type: "customer.subscription.updated",
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000) + 1,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { ...current, status: "past_due" }, previous_attributes: { status: "active" } },
    } as Stripe.Event;
    expect(await deliverEvent(pastDueEvent)).toEqual({ status: 200, result: "queued" });
    await runWebhookJobs();
    const pastDue = await storedSubscription(stripeSubscriptionId);
    expect(pastDue).toMatchObject({ status: "PAST_DUE", grantsAccess: true });
    expect(await check()).toMatchObject(allowed);

    const graceJob = async () => {
      const [job] = await prisma.$queryRaw<{ run_at: Date; task_identifier: string }[]>`
        select run_at, task_identifier from graphile_worker.jobs where key = ${`subscription-access:${pastDue.id}`}`;
      return job;
    };
    const due = await graceJob();
    expect(due?.task_identifier).toBe("sync-subscription-access");
    expect(due?.run_at.getTime()).toBe((pastDue.pastDueSince?.getTime() ?? 0) + 7 * DAY * 1000);
    await runWebhookJobs();
    expect(await check()).toMatchObject(allowed); // not due yet: nothing changes

    // Seven days later (moved back in the database instead of waiting), the job runs.
    await prisma.subscription.update({
      where: { id: pastDue.id },
      data: { pastDueSince: new Date(Date.now() - 7 * DAY * 1000 - 1000) },
    });
    await prisma.$executeRaw`update graphile_worker._private_jobs set run_at = now() where key = ${`subscription-access:${pastDue.id}`}`;
    await runWebhookJobs();
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({
      status: "PAST_DUE",
      grantsAccess: false,
    });
    expect(await check()).toEqual(refused);
    expect(await emailsTo(user.email, "subscription-access-ended")).toHaveLength(1);
  });
});
