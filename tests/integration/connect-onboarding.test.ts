import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import { shopPaymentsReadiness } from "~/modules/payouts/readiness.ts";
import { openShop } from "~/modules/shops/open-shop.server.ts";
import * as payoutsRoute from "~/routes/dashboard.payouts/route.tsx";
import * as refreshRoute from "~/routes/dashboard.payouts.refresh/route.tsx";
import * as returnRoute from "~/routes/dashboard.payouts.return/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { deliverEvent, runWebhookJobs, settleWebhooks } from "../support/webhooks.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

/**
 * A seller who has just opened a shop (no Stripe account yet) with one published listing: the
 * fixture's listing, moved to the new shop.
 */
async function sellerWithoutPayouts() {
  const { listing } = await createListingForSale();
  const seller = await createUser();
  const opened = await openShop(seller, {
    handle: `new-${listing.id}`,
    name: "New shop",
    bio: "",
    links: [],
    defaultCurrency: "EUR",
  });
  if (opened.kind !== "opened") throw new Error(`the shop did not open: ${opened.kind}`);
  await prisma.listing.update({ where: { id: listing.id }, data: { shopId: opened.shopId } });
  return { shop: { id: opened.shopId }, listing, cookie: await signIn(seller.id) };
}

const startOnboardingRequest = (cookie: string) =>
  requestAs(cookie, "/dashboard/payouts", {
    method: "POST",
    body: new URLSearchParams({ intent: "start-onboarding" }),
  });

/** Presses "Set up payouts" and returns where the seller is sent (the sandbox's onboarding page). */
async function pressSetUp(cookie: string) {
  const response = expectResponse(await callRoute(payoutsRoute.action, startOnboardingRequest(cookie)));
  expect(response.status).toBe(302);
  return response.headers.get("Location") ?? "";
}

async function finishOnboarding(linkUrl: string, outcome: "complete" | "leave-open") {
  const response = await fetch(linkUrl, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ outcome }),
  });
  return { status: response.status, location: response.headers.get("Location") };
}

const shopState = (shopId: string) =>
  prisma.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: {
      stripeAccountId: true,
      stripeChargesEnabled: true,
      stripePayoutsEnabled: true,
      stripeDetailsSubmitted: true,
      stripeRequirementsDue: true,
      stripeDisabledReason: true,
    },
  });

const accountEvents = (accountId: string) =>
  app.sandbox
    .events()
    .filter((event): event is Stripe.AccountUpdatedEvent => event.type === "account.updated")
    .filter((event) => event.data.object.id === accountId);

describe("Stripe Connect Express onboarding from /dashboard/payouts", { timeout: 60_000 }, () => {
  it("creates one account per shop, sends the seller to the link, and shows what is missing", async () => {
    const { shop, listing, cookie } = await sellerWithoutPayouts();
    const before = expectData(await callRoute(payoutsRoute.loader, requestAs(cookie, "/dashboard/payouts")));
    expect(before.data.readiness).toMatchObject({ status: "not-started", canTakeCharges: false });
    expect(before.headers.get("Cache-Control")).toBe("private, no-store");

    const firstLink = await pressSetUp(cookie);
    expect(firstLink).toMatch(new RegExp(`^${app.sandbox.url}/setup/e/acct_`));
    const { stripeAccountId } = await shopState(shop.id);
    expect(stripeAccountId).toMatch(/^acct_/);
    const account = await stripe().accounts.retrieve(stripeAccountId ?? "");
    expect(account).toMatchObject({
      type: "express",
      charges_enabled: false,
      details_submitted: false,
      metadata: { shopId: shop.id },
      capabilities: { card_payments: "inactive", transfers: "inactive" },
    });

    // Pressing again: a new link for the same account (the idempotency key names the shop).
    const secondLink = await pressSetUp(cookie);
    expect(secondLink).not.toBe(firstLink);
    expect((await shopState(shop.id)).stripeAccountId).toBe(stripeAccountId);
    const accounts = await stripe().accounts.list({ limit: 100 });
    expect(accounts.data.filter((a) => a.metadata?.shopId === shop.id)).toHaveLength(1);

    // A link opens once; visited again (or expired) it goes to refresh_url, which offers a new one.
    expect((await fetch(secondLink, { redirect: "manual" })).status).toBe(200);
    const revisit = await fetch(secondLink, { redirect: "manual" });
    expect(revisit.status).toBe(302);
    expect(revisit.headers.get("Location")).toBe("http://stapel.test/dashboard/payouts/refresh");
    const refreshed = expectResponse(
      await callRoute(refreshRoute.loader, requestAs(cookie, "/dashboard/payouts/refresh")),
    );
    expect(refreshed.headers.get("Location")).toBe("/dashboard/payouts?from=refresh");

    // Leaving with requirements open: back on return_url, the page says what to do; no sales yet.
    const partial = await finishOnboarding(await pressSetUp(cookie), "leave-open");
    expect(partial).toEqual({ status: 303, location: "http://stapel.test/dashboard/payouts/return" });
    const returned = expectResponse(
      await callRoute(returnRoute.loader, requestAs(cookie, "/dashboard/payouts/return")),
    );
    expect(returned.headers.get("Location")).toBe("/dashboard/payouts?from=return");
    expect(await shopState(shop.id)).toMatchObject({
      stripeChargesEnabled: false,
      stripePayoutsEnabled: false,
      stripeDetailsSubmitted: false,
      stripeRequirementsDue: ["external_account", "individual.verification.document"],
      stripeDisabledReason: "requirements.past_due",
    });
    const page = expectData(await callRoute(payoutsRoute.loader, requestAs(cookie, "/dashboard/payouts")));
    expect(page.data.readiness).toMatchObject({
      status: "incomplete",
      canTakeCharges: false,
      summary: "Stripe needs more information before it can enable payments.",
      todo: ["Add the bank account your payouts go to", "Upload an identity document"],
    });
    expect(shopPaymentsReadiness(await shopState(shop.id)).refusal).toContain("finish setting up payouts");
    const buyer = await createUser();
    expect(await startCheckout(buyer, listing.id)).toEqual({ kind: "shop-cannot-take-payments" });
    expect(await prisma.order.count({ where: { buyerId: buyer.id } })).toBe(0);

    // Completing it: account.updated (through the webhook and its job) enables the shop.
    expect((await finishOnboarding(await pressSetUp(cookie), "complete")).status).toBe(303);
    await settleWebhooks(app.sandbox);
    expect(await shopState(shop.id)).toMatchObject({
      stripeChargesEnabled: true,
      stripePayoutsEnabled: true,
      stripeDetailsSubmitted: true,
      stripeRequirementsDue: [],
      stripeDisabledReason: null,
    });
    const ready = expectData(await callRoute(payoutsRoute.loader, requestAs(cookie, "/dashboard/payouts")));
    expect(ready.data.readiness).toMatchObject({ status: "ready", canTakeCharges: true, todo: [] });
    expect((await startCheckout(buyer, listing.id)).kind).toBe("redirect-to-stripe");

    // The events carry only what changed, with the values before.
    const [leftOpen, completed] = accountEvents(stripeAccountId ?? "");
    expect(Object.keys(leftOpen?.data.previous_attributes ?? {}).sort()).toEqual([
      "business_type",
      "requirements",
      "tos_acceptance",
    ]);
    expect(completed?.data.previous_attributes).toMatchObject({
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      capabilities: { card_payments: "inactive", transfers: "inactive" },
    });
    expect(completed?.data.previous_attributes).not.toHaveProperty("email");
  });

  it("ends matching Stripe when account.updated arrives twice and out of order", async () => {
    const { shop, cookie } = await sellerWithoutPayouts();
    // Deliveries are held back: the events are handed over by the test in the order it chooses.
    app.sandbox.setWebhookUrl("http://127.0.0.1:9/nowhere");
    try {
      await pressSetUp(cookie);
      const { stripeAccountId } = await shopState(shop.id);
      await finishOnboarding(await pressSetUp(cookie), "leave-open");
      await finishOnboarding(await pressSetUp(cookie), "complete");
      const [older, newer] = accountEvents(stripeAccountId ?? "");
      if (!older || !newer) throw new Error("expected two account.updated events");
      expect(newer.data.object.charges_enabled).toBe(true);

      for (const event of [newer, older, older, newer, older]) {
        expect((await deliverEvent(event)).status).toBe(200);
        await runWebhookJobs();
      }
      expect(await shopState(shop.id)).toMatchObject({
        stripeChargesEnabled: true,
        stripeRequirementsDue: [],
      });
      const stored = await prisma.stripeEvent.findMany({
        where: { id: { in: [older.id, newer.id] } },
        select: { status: true },
      });
      expect(stored.map((event) => event.status)).toEqual(["HANDLED", "HANDLED"]);
    } finally {
      app.sandbox.setWebhookUrl(app.webhookUrl);
    }
  });

  it("keeps payouts to sellers: a buyer, or a visitor, gets no payouts page (403, sign-in)", async () => {
    const buyer = await createUser();
    const cookie = await signIn(buyer.id);
    const page = expectResponse(
      await callRoute(payoutsRoute.loader, requestAs(cookie, "/dashboard/payouts")),
    );
    expect(page.status).toBe(403);
    const press = expectResponse(await callRoute(payoutsRoute.action, startOnboardingRequest(cookie)));
    expect(press.status).toBe(403);
    const back = expectResponse(
      await callRoute(returnRoute.loader, requestAs(null, "/dashboard/payouts/return")),
    );
    expect(back.headers.get("Location")).toBe("/login?redirectTo=%2Fdashboard%2Fpayouts%2Freturn");
  });
});
