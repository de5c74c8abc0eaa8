// The subscriber's portal (/account) against the Stripe sandbox through the official SDK: what it
// shows, cancelling at the period's end and resuming, changing plan with Stripe's proration preview,
// the billing portal, and receipts. Every refusal changes nothing, here or at Stripe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { hasActiveEntitlement } from "~/modules/delivery/entitlements.server.ts";
import * as accountRoute from "~/routes/account._index/route.tsx";
import * as invoiceRoute from "~/routes/account.invoices.$invoiceId/route.tsx";
import * as ordersRoute from "~/routes/account.orders._index/route.tsx";
import * as orderRoute from "~/routes/account.orders.$orderId/route.tsx";
import * as changeRoute from "~/routes/account.subscriptions.$subscriptionId/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout, startTestApp } from "../support/app-env.ts";
import { createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import {
  addListing,
  createOtherPlan,
  createPlanForSale,
  DAY,
  emailsTo,
  putOnTestClock,
  storedSubscription,
  subscribe,
} from "../support/subscriptions.ts";
import { settleWebhooks } from "../support/webhooks.ts";
import { type FormReply, postAs } from "./plans-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const T0 = Date.UTC(2026, 2, 1, 12, 0, 0) / 1000;

/** A subscriber on a test clock (so prorations are exact), signed in, webhooks settled. */
async function subscriber(options: { trialDays?: number } = {}) {
  const sale = await createPlanForSale(options);
  const user = await createUser();
  await putOnTestClock(user, T0);
  const { stripeSubscriptionId } = await subscribe(user, sale.price.id);
  await settleWebhooks(app.sandbox);
  const subscription = await storedSubscription(stripeSubscriptionId);
  return { ...sale, user, cookie: await signIn(user.id), stripeSubscriptionId, subscription };
}

const accountPage = async (cookie: string, query = "") =>
  expectData(await callRoute(accountRoute.loader, requestAs(cookie, `/account${query}`))).data;

const act = (cookie: string, fields: Record<string, string>) =>
  callRoute(accountRoute.action, postAs(cookie, "/account", fields));

const formErrors = (reply: unknown) =>
  (reply as FormReply & { result: { error?: { "": string[] } } }).result.error?.[""];

describe("the account page", { timeout: 60_000 }, () => {
  it("shows each subscription with its plan, price, status and next charge, and no one else's", async () => {
    const { user, cookie, plan, subscription } = await subscriber();
    const other = await subscriber();

    const page = await accountPage(cookie);
    expect(page.subscriptions).toHaveLength(1);
    expect(page.subscriptions[0]).toMatchObject({
      id: subscription.id,
      plan: { name: plan.name },
      price: { amount: 900, currency: "EUR", interval: "MONTH" },
      status: "ACTIVE",
      statusLabel: "Active",
      standing: { kind: "renews", on: subscription.currentPeriodEnd?.toISOString() },
      can: { cancel: true, resume: false, change: true, manageBilling: true },
    });
    expect(page.email).toBe(user.email);
    expect(JSON.stringify(page)).not.toContain(other.subscription.id);
  });

  it("needs a signed-in user", async () => {
    const response = expectResponse(await callRoute(accountRoute.loader, requestAs(null, "/account")));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Faccount/);
  });
});

describe("cancelling and resuming", { timeout: 60_000 }, () => {
  it("cancels at the period's end at Stripe, keeps access until then, and resuming withdraws it; twice is once", async () => {
    const { cookie, user, listing, stripeSubscriptionId, subscription } = await subscriber();

    for (const attempt of [1, 2]) {
      const cancelled = expectData(await act(cookie, { intent: "cancel", subscriptionId: subscription.id }));
      expect(cancelled.status, `attempt ${attempt}`).toBe(200);
      expect(cancelled.data.done).toContain("You keep access until");
    }
    expect((await stripe().subscriptions.retrieve(stripeSubscriptionId)).cancel_at_period_end).toBe(true);
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({
      status: "ACTIVE",
      cancelAtPeriodEnd: true,
      grantsAccess: true,
    });
    expect(await hasActiveEntitlement(user.id, listing.id)).toBe(true);
    const page = await accountPage(cookie);
    expect(page.subscriptions[0]).toMatchObject({
      statusLabel: "Cancelling",
      standing: { kind: "ends", on: subscription.currentPeriodEnd?.toISOString() },
      can: { cancel: false, resume: true, change: false },
    });
    // The webhooks of the change arrive later and change nothing more: one cancellation email.
    await settleWebhooks(app.sandbox);
    expect(await emailsTo(user.email, "subscription-cancelled")).toHaveLength(1);

    const resumed = expectData(await act(cookie, { intent: "resume", subscriptionId: subscription.id }));
    expect(resumed.data.done).toMatch(/continues and renews on/);
    expect((await stripe().subscriptions.retrieve(stripeSubscriptionId)).cancel_at_period_end).toBe(false);
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({ cancelAtPeriodEnd: false });
    expect((await accountPage(cookie)).subscriptions[0].standing.kind).toBe("renews");
  });

  it("answers another user's subscription like a missing one and changes nothing at Stripe", async () => {
    const victim = await subscriber();
    const intruder = await createUser();
    const cookie = await signIn(intruder.id);
    for (const intent of ["cancel", "resume", "billing-portal"]) {
      const refused = expectData(await act(cookie, { intent, subscriptionId: victim.subscription.id }));
      expect(refused.status).toBe(404);
      expect(formErrors(refused.data)).toEqual(["You have no such subscription."]);
    }
    expect((await stripe().subscriptions.retrieve(victim.stripeSubscriptionId)).cancel_at_period_end).toBe(
      false,
    );
  });

  it("refuses to change an ended subscription with 409", async () => {
    const { cookie, stripeSubscriptionId, subscription } = await subscriber();
    await stripe().subscriptions.cancel(stripeSubscriptionId);
    await settleWebhooks(app.sandbox);
    const refused = expectData(await act(cookie, { intent: "cancel", subscriptionId: subscription.id }));
    expect(refused.status).toBe(409);
    expect((await accountPage(cookie)).subscriptions[0]).toMatchObject({
      status: "CANCELED",
      standing: { kind: "ended" },
      can: { cancel: false, resume: false, change: false, manageBilling: false },
    });
  });
});

describe("changing plan", { timeout: 90_000 }, () => {
  async function withYearlyPrice() {
    const sale = await subscriber();
    const yearly = await prisma.planPrice.create({
      data: { planId: sale.plan.id, amount: 9000, currency: "EUR", interval: "YEAR" },
    });
    const { syncPlanToStripe } = await import("~/modules/plans/stripe-sync.server.ts");
    expect((await syncPlanToStripe(sale.plan.id)).ok).toBe(true);
    return { ...sale, yearly };
  }
  const changePage = async (cookie: string, subscriptionId: string, query = "") =>
    callRoute(changeRoute.loader, requestAs(cookie, `/account/subscriptions/${subscriptionId}${query}`), {
      subscriptionId,
    });
  const confirm = (cookie: string, subscriptionId: string, fields: Record<string, string>) =>
    callRoute(changeRoute.action, postAs(cookie, `/account/subscriptions/${subscriptionId}`, fields), {
      subscriptionId,
    });

  it("previews the prorated amount with Stripe, charges exactly that on confirm, and follows the new plan", async () => {
    const { cookie, user, shop, second, stripeSubscriptionId, subscription, yearly } =
      await withYearlyPrice();
    const third = await addListing(shop.id);
    const pro = await createOtherPlan(shop.id, [third.id], 1900);

    const page = expectData(await changePage(cookie, subscription.id)).data;
    expect(
      page.choices.map((choice: { planPriceId: string; current: boolean }) => [
        choice.planPriceId,
        choice.current,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [subscription.planPriceId, true],
        [yearly.id, false],
        [pro.price.id, false],
      ]),
    );
    expect(page.choices[0].current).toBe(true);

    // Half way through the month, a move to Pro (€19) costs about half the difference, now.
    const { advanceClock } = await import("../support/subscriptions.ts");
    const halfWay = T0 + 14 * DAY;
    await advanceClock(subscription.stripeTestClockId ?? "", halfWay);
    await settleWebhooks(app.sandbox);
    const previewed = expectData(await changePage(cookie, subscription.id, `?price=${pro.price.id}`)).data;
    expect(previewed.preview).toMatchObject({
      target: { planPriceId: pro.price.id },
      prorationDate: halfWay,
    });
    const due = previewed.preview.preview.amountDue as number;
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThan(1900 - 900);
    expect(
      previewed.preview.preview.lines
        .map((line: { amount: number }) => line.amount)
        .reduce((a: number, b: number) => a + b, 0),
    ).toBe(previewed.preview.preview.total);

    const response = expectResponse(
      await confirm(cookie, subscription.id, {
        planPriceId: pro.price.id,
        prorationDate: String(previewed.preview.prorationDate),
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/account?changed=${subscription.id}`);
    const changed = await storedSubscription(stripeSubscriptionId);
    expect(changed).toMatchObject({ planId: pro.plan.id, planPriceId: pro.price.id, status: "ACTIVE" });
    // Access follows the plan at once: the new plan's listing, not the old plan's.
    expect(await hasActiveEntitlement(user.id, third.id)).toBe(true);
    expect(await hasActiveEntitlement(user.id, second.id)).toBe(false);
    // Stripe charged what the preview showed.
    const invoices = await stripe().invoices.list({ subscription: stripeSubscriptionId, limit: 10 });
    expect(invoices.data[0]).toMatchObject({ amount_due: due, amount_paid: due, status: "paid" });
    const notice = await accountPage(cookie, `?changed=${subscription.id}`);
    expect(notice.changed).toMatchObject({ plan: { name: pro.plan.name }, price: { amount: 1900 } });

    // The same form again (a double submit) is answered from Stripe's idempotency store: no second invoice.
    await confirm(cookie, subscription.id, {
      planPriceId: pro.price.id,
      prorationDate: String(previewed.preview.prorationDate),
    });
    const after = await stripe().invoices.list({ subscription: stripeSubscriptionId, limit: 10 });
    expect(after.data).toHaveLength(invoices.data.length);
  });

  it("refuses a stale or edited preview, another shop's price and the current price, and changes nothing", async () => {
    const { cookie, stripeSubscriptionId, subscription, yearly } = await withYearlyPrice();
    const elsewhere = await createPlanForSale();
    const before = await stripe().subscriptions.retrieve(stripeSubscriptionId);
    const now = T0;
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ planPriceId: yearly.id, prorationDate: String(now - 2 * 3600) }, 409, /out of date/],
      [{ planPriceId: yearly.id, prorationDate: String(now + 3600) }, 409, /out of date/],
      [{ planPriceId: elsewhere.price.id, prorationDate: String(now) }, 409, /not one you can change to/],
      [
        { planPriceId: subscription.planPriceId ?? "", prorationDate: String(now) },
        409,
        /not one you can change to/,
      ],
      [{ planPriceId: yearly.id, prorationDate: "soon" }, 400, /./],
      [{ planPriceId: "../../x", prorationDate: String(now) }, 400, /./],
    ];
    for (const [fields, status, message] of cases) {
      const refused = expectData(await confirm(cookie, subscription.id, fields));
      expect(refused.status, JSON.stringify(fields)).toBe(status);
      expect(JSON.stringify(refused.data.result)).toMatch(message);
    }
    const preview = await changePage(cookie, subscription.id, `?price=${elsewhere.price.id}`);
    expect(expectData(preview).status).toBe(409);
    const after = await stripe().subscriptions.retrieve(stripeSubscriptionId);
    expect(after.items.data[0]?.price.id).toBe(before.items.data[0]?.price.id);
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({
      planPriceId: subscription.planPriceId,
    });

    // Someone else's subscription: 404 for the page and the change.
    const intruder = await signIn((await createUser()).id);
    expect(expectResponse(await changePage(intruder, subscription.id)).status).toBe(404);
    const foreign = expectData(
      await confirm(intruder, subscription.id, { planPriceId: yearly.id, prorationDate: String(now) }),
    );
    expect(foreign.status).toBe(404);
  });

  it("keeps the plan when the card is declined for the difference (402)", async () => {
    const { cookie, stripeSubscriptionId, subscription, yearly } = await withYearlyPrice();
    const failing = await stripe().paymentMethods.attach("pm_card_chargeCustomerFail", {
      customer: subscription.stripeCustomerId ?? "",
    });
    await stripe().subscriptions.update(stripeSubscriptionId, { default_payment_method: failing.id });
    const previewed = expectData(await changePage(cookie, subscription.id, `?price=${yearly.id}`)).data;
    const refused = expectData(
      await confirm(cookie, subscription.id, {
        planPriceId: yearly.id,
        prorationDate: String(previewed.preview.prorationDate),
      }),
    );
    expect(refused.status).toBe(402);
    expect(JSON.stringify(refused.data.result)).toContain("declined");
    expect((await stripe().subscriptions.retrieve(stripeSubscriptionId)).items.data[0]?.price.id).not.toBe(
      yearly.stripePriceId,
    );
    expect(await storedSubscription(stripeSubscriptionId)).toMatchObject({
      planPriceId: subscription.planPriceId,
      status: "ACTIVE",
    });
  });
});

describe("the billing portal", { timeout: 60_000 }, () => {
  it("sends the subscriber to a Stripe billing portal session that comes back to /account", async () => {
    const { cookie, subscription } = await subscriber();
    const response = expectResponse(
      await act(cookie, { intent: "billing-portal", subscriptionId: subscription.id }),
    );
    expect(response.status).toBe(302);
    const url = response.headers.get("Location") ?? "";
    const sessions = app.sandbox
      .events()
      .filter((event) => event.type === "billing_portal.session.created")
      .map((event) => event.data.object as { url: string; customer: string; return_url: string });
    const session = sessions.find((candidate) => candidate.url === url);
    expect(session).toMatchObject({ customer: subscription.stripeCustomerId });
    expect(session?.return_url).toMatch(/\/account$/);
    const portal = await fetch(url);
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain("/account");
  });
});

describe("orders and receipts", { timeout: 60_000 }, () => {
  it("lists one-off orders and subscription invoices with printable receipts, only the buyer's own", async () => {
    const { cookie, user, subscription, listing } = await subscriber();
    // A one-off purchase too, paid on the sandbox's hosted Checkout.
    const { startCheckout } = await import("~/modules/checkout/start-checkout.server.ts");
    const extra = await addListing(listing.shopId);
    const started = await startCheckout(user, extra.id);
    if (started.kind !== "redirect-to-stripe") throw new Error(`checkout did not start: ${started.kind}`);
    await payHostedCheckout(started.url, "4242424242424242", user.email);
    await settleWebhooks(app.sandbox);

    const { rows } = expectData(
      await callRoute(ordersRoute.loader, requestAs(cookie, "/account/orders")),
    ).data;
    const order = await prisma.order.findFirstOrThrow({ where: { buyerId: user.id, status: "PAID" } });
    const invoice = await prisma.invoice.findFirstOrThrow({ where: { subscriptionId: subscription.id } });
    expect(rows.map((row: { href: string }) => row.href).sort()).toEqual(
      [`/account/orders/${order.id}`, `/account/invoices/${invoice.id}`].sort(),
    );

    const orderReceipt = expectData(
      await callRoute(orderRoute.loader, requestAs(cookie, `/account/orders/${order.id}`), {
        orderId: order.id,
      }),
    ).data.receipt;
    expect(orderReceipt).toMatchObject({
      kind: "order",
      reference: order.id,
      buyerEmail: user.email,
      total: 900,
      currency: "EUR",
      lines: [{ description: extra.title, quantity: 1, amount: 900 }],
    });
    const invoiceReceipt = expectData(
      await callRoute(invoiceRoute.loader, requestAs(cookie, `/account/invoices/${invoice.id}`), {
        invoiceId: invoice.id,
      }),
    ).data.receipt;
    expect(invoiceReceipt).toMatchObject({ kind: "invoice", total: 900, paid: 900, status: "Paid" });
    expect(invoiceReceipt.lines[0].amount).toBe(900);
    expect(invoiceReceipt.period).not.toBeNull();

    const intruder = await signIn((await createUser()).id);
    for (const [route, path, params] of [
      [orderRoute, `/account/orders/${order.id}`, { orderId: order.id }],
      [invoiceRoute, `/account/invoices/${invoice.id}`, { invoiceId: invoice.id }],
    ] as const) {
      expect(expectResponse(await callRoute(route.loader, requestAs(intruder, path), params)).status).toBe(
        404,
      );
    }
  });
});
