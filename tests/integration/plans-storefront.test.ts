// Plans on the storefront: the plan's page, the shop page's cards, the listing page's "Included in",
// and Subscribe: a Checkout Session in subscription mode with the contract's fields, paid on the
// sandbox's hosted page, shown on the success page and then as "already subscribed".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { createPlan, setPlanArchived, updatePlan } from "~/modules/plans/seller-plans.server.ts";
import * as successRoute from "~/routes/checkout_.success/route.tsx";
import * as listingRoute from "~/routes/p.$slug/route.tsx";
import * as shopRoute from "~/routes/s.$handle/route.tsx";
import * as planRoute from "~/routes/s.$handle_.plans.$planId/route.tsx";
import * as subscribeRoute from "~/routes/subscribe/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout, startTestApp } from "../support/app-env.ts";
import { createUser, requestAs, signIn } from "../support/fixtures.ts";
import { allSitemapXml } from "../support/reach-sitemap.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { settleWebhooks } from "../support/webhooks.ts";
import { createShopForPlans, type FormReply, postAs } from "./plans-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const noPrices = { priceMonthEur: null, priceMonthUsd: null, priceYearEur: null, priceYearUsd: null };

/** A shop with a "Design" plan (the category plus the Copywriting prompt) at €9/month and $99/year. */
async function shopWithPlan(options: { trialDays?: number } = {}) {
  const shop = await createShopForPlans();
  const saved = await createPlan(shop.shop.id, {
    name: "Design Club",
    description: "Templates for designers.",
    grants: "selection",
    categories: ["Design"],
    listingIds: [shop.copywriting.id],
    ...noPrices,
    priceMonthEur: 900,
    priceYearUsd: 9900,
    trialDays: options.trialDays ?? 0,
    moveSubscribers: false,
  });
  expect(saved.stripe).toMatchObject({ ok: true });
  const prices = await prisma.planPrice.findMany({ where: { planId: saved.planId } });
  const monthly = prices.find((price) => price.interval === "MONTH");
  const yearly = prices.find((price) => price.interval === "YEAR");
  if (!monthly || !yearly) throw new Error("the plan has no prices");
  return { ...shop, planId: saved.planId, monthly, yearly };
}

const planPage = (cookie: string | null, handle: string, planId: string, query = "") =>
  callRoute(planRoute.loader, requestAs(cookie, `/s/${handle}/plans/${planId}${query}`), { handle, planId });

const subscribe = (cookie: string | null, planPriceId: string) =>
  callRoute(subscribeRoute.action, postAs(cookie, "/subscribe", { planPriceId }));

describe("a plan's page", () => {
  it("shows prices, trial and every listing the plan includes, and is publicly cacheable", async () => {
    const shop = await shopWithPlan({ trialDays: 7 });
    const page = expectData(await planPage(null, shop.shop.handle, shop.planId));
    expect(page.data).toMatchObject({
      signedIn: false,
      subscription: null,
      canonicalUrl: `http://stapel.test/s/${shop.shop.handle}/plans/${shop.planId}`,
      plan: {
        id: shop.planId,
        name: "Design Club",
        trialDays: 7,
        archived: false,
        includesAllListings: false,
        includedCategories: ["Design"],
        shop: { handle: shop.shop.handle },
        prices: [
          { id: shop.monthly.id, amount: 900, currency: "EUR", interval: "MONTH" },
          { id: shop.yearly.id, amount: 9900, currency: "USD", interval: "YEAR" },
        ],
      },
    });
    // The category's published listings and the chosen prompt; never the draft, never paid content.
    const listed = page.data.plan.listings.map((listing: { id: string }) => listing.id).sort();
    expect(listed).toEqual([shop.copywriting.id, shop.designA.id, shop.designB.id].sort());
    expect(JSON.stringify(page.data)).not.toContain("PAID BODY");
    expect(JSON.stringify(page.data)).not.toContain("SECRET PROMPT BODY");
    expect(planRoute.headers({} as never)).toMatchObject({
      "Cache-Control": expect.stringContaining("public"),
    });

    // A listing published later in the category is included at once.
    await prisma.listing.update({
      where: { id: shop.draft.id },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    const later = expectData(await planPage(null, shop.shop.handle, shop.planId));
    expect(later.data.plan.listings).toHaveLength(4);
  });

  it("answers 404 for another shop's plan, a missing one and malformed ids", async () => {
    const mine = await shopWithPlan();
    const theirs = await shopWithPlan();
    for (const [handle, planId] of [
      [mine.shop.handle, theirs.planId],
      [mine.shop.handle, "cmissing00000000000000000"],
      [mine.shop.handle, "../../etc"],
      ["no-such-shop", mine.planId],
      ["Bad Handle", mine.planId],
    ] as const) {
      const response = expectResponse(await planPage(null, handle, planId));
      expect(response.status, `${handle}/${planId}`).toBe(404);
    }
  });

  it("says an archived plan takes no new subscribers", async () => {
    const shop = await shopWithPlan();
    await setPlanArchived(shop.shop.id, shop.planId, true);
    const page = expectData(await planPage(null, shop.shop.handle, shop.planId));
    expect(page.data.plan.archived).toBe(true);
    const shopPage = expectData(
      await callRoute(shopRoute.loader, requestAs(null, `/s/${shop.shop.handle}`), {
        handle: shop.shop.handle,
      }),
    );
    expect(shopPage.data.plans).toEqual([]);
  });
});

describe("the shop and listing pages", () => {
  it("list the shop's plans on sale with their prices and what they include", async () => {
    const shop = await shopWithPlan({ trialDays: 14 });
    const page = expectData(
      await callRoute(shopRoute.loader, requestAs(null, `/s/${shop.shop.handle}`), {
        handle: shop.shop.handle,
      }),
    );
    expect(page.data.plans).toEqual([
      expect.objectContaining({
        id: shop.planId,
        name: "Design Club",
        trialDays: 14,
        listingCount: 3,
        prices: [
          expect.objectContaining({ id: shop.monthly.id, amount: 900 }),
          expect.objectContaining({ id: shop.yearly.id, amount: 9900 }),
        ],
      }),
    ]);
  });

  it("show 'Included in <plan>' with its monthly price on listings the plan includes, and only there", async () => {
    const shop = await shopWithPlan();
    const badge = async (slug: string) =>
      expectData(await callRoute(listingRoute.loader, requestAs(null, `/p/${slug}`), { slug })).data.plans;
    const included = [
      {
        id: shop.planId,
        name: "Design Club",
        price: expect.objectContaining({ amount: 900, currency: "EUR", interval: "MONTH" }),
      },
    ];
    expect(await badge(shop.designA.slug)).toEqual(included);
    expect(await badge(shop.copywriting.slug)).toEqual(included);

    // Moved out of the plan (no longer chosen): no badge. Archived plan: no badge anywhere.
    await updatePlan(shop.shop.id, shop.planId, {
      name: "Design Club",
      description: "",
      grants: "selection",
      categories: ["Design"],
      listingIds: [],
      ...noPrices,
      priceMonthEur: 900,
      priceYearUsd: 9900,
      trialDays: 0,
      moveSubscribers: false,
    });
    expect(await badge(shop.copywriting.slug)).toEqual([]);
    await setPlanArchived(shop.shop.id, shop.planId, true);
    expect(await badge(shop.designA.slug)).toEqual([]);
  });
});

describe("the sitemap", () => {
  it("lists plans on sale, not archived ones", async () => {
    const onSale = await shopWithPlan();
    const archived = await shopWithPlan();
    await setPlanArchived(archived.shop.id, archived.planId, true);
    const xml = await allSitemapXml();
    expect(xml).toContain(`<loc>http://stapel.test/s/${onSale.shop.handle}/plans/${onSale.planId}</loc>`);
    expect(xml).not.toContain(archived.planId);
  });
});

describe("subscribing", () => {
  it("opens a subscription Checkout Session with the contract's fields", async () => {
    const shop = await shopWithPlan({ trialDays: 7 });
    const buyer = await createUser();
    const cookie = await signIn(buyer.id);
    const response = expectResponse(await subscribe(cookie, shop.monthly.id));
    expect(response.status).toBe(302);
    const url = response.headers.get("Location") ?? "";
    expect(url.startsWith(`${app.sandbox.url}/c/pay/`)).toBe(true);

    const sessions = await stripe().checkout.sessions.list({ limit: 10 });
    const session = sessions.data.find((candidate) => candidate.url === url);
    expect(session).toMatchObject({
      mode: "subscription",
      client_reference_id: buyer.id,
      customer: null,
      customer_email: buyer.email,
      metadata: { kind: "subscription", userId: buyer.id, planId: shop.planId, planPriceId: shop.monthly.id },
      success_url: "http://stapel.test/checkout/success?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: `http://stapel.test/s/${shop.shop.handle}/plans/${shop.planId}?checkout=cancelled`,
    });
    const items = await stripe().checkout.sessions.listLineItems(session?.id as string);
    expect(items.data).toEqual([
      expect.objectContaining({
        quantity: 1,
        price: expect.objectContaining({ id: shop.monthly.stripePriceId }),
      }),
    ]);

    // Paid: the subscription carries the metadata and the trial; the success page shows it.
    const paid = await payHostedCheckout(url, "4242424242424242", buyer.email);
    expect(paid.status).toBe(303);
    const sessionId = new URL(paid.location ?? "").searchParams.get("session_id") as string;
    const completed = await stripe().checkout.sessions.retrieve(sessionId);
    const subscription = await stripe().subscriptions.retrieve(String(completed.subscription));
    expect(subscription).toMatchObject({
      status: "trialing",
      metadata: { userId: buyer.id, planId: shop.planId, planPriceId: shop.monthly.id },
    });
    expect((subscription.trial_end ?? 0) - (subscription.trial_start ?? 0)).toBe(7 * 24 * 60 * 60);

    const success = expectData(
      await callRoute(successRoute.loader, requestAs(cookie, `/checkout/success?session_id=${sessionId}`)),
    );
    expect(success.data).toMatchObject({
      status: "subscribed",
      subscription: {
        planName: "Design Club",
        planUrl: `/s/${shop.shop.handle}/plans/${shop.planId}`,
        price: "€9.00/month",
        grantsAccess: true,
      },
    });
    expect(success.data.subscription.trialEnds).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Someone else's session looks like a missing one.
    const stranger = await signIn((await createUser()).id);
    const foreign = expectData(
      await callRoute(successRoute.loader, requestAs(stranger, `/checkout/success?session_id=${sessionId}`)),
    );
    expect(foreign.status).toBe(404);

    await settleWebhooks(app.sandbox);
    const page = expectData(await planPage(cookie, shop.shop.handle, shop.planId));
    expect(page.data.subscription).toMatchObject({ status: "TRIALING", planPrice: { amount: 900 } });

    // Subscribing again (any price of the plan) is refused, pointing to the account.
    const again = expectData<FormReply>(await subscribe(cookie, shop.yearly.id));
    expect(again.status).toBe(409);
    expect(again.data.result.error?.[""]).toEqual([
      "You already subscribe to this plan. Manage your subscription in your account.",
    ]);

    // The customer is reused the next time this user subscribes to anything.
    const other = await shopWithPlan();
    const next = expectResponse(await subscribe(cookie, other.monthly.id));
    const nextSession = (await stripe().checkout.sessions.list({ limit: 10 })).data.find(
      (candidate) => candidate.url === next.headers.get("Location"),
    );
    const customer = (await prisma.user.findUniqueOrThrow({ where: { id: buyer.id } })).stripeCustomerId;
    expect(customer).toMatch(/^cus_/);
    expect(nextSession).toMatchObject({ customer, customer_email: null });
  });

  it("sends signed-out visitors to sign in, then back to the plan", async () => {
    const shop = await shopWithPlan();
    const response = expectResponse(await subscribe(null, shop.monthly.id));
    expect(response.headers.get("Location")).toBe(
      `/login?redirectTo=${encodeURIComponent(`/s/${shop.shop.handle}/plans/${shop.planId}`)}`,
    );
    const unknown = expectResponse(await subscribe(null, "cmissing00000000000000000"));
    expect(unknown.headers.get("Location")).toBe("/login?redirectTo=%2F");
  });

  it("refuses archived plans, replaced prices, missing prices and bad input, and lets sellers test their own", async () => {
    const shop = await shopWithPlan();
    const cookie = await signIn((await createUser()).id);
    const sessionsBefore = (await stripe().checkout.sessions.list({ limit: 100 })).data.length;
    const refusal = async (planPriceId: string) => {
      const reply = expectData<FormReply>(await subscribe(cookie, planPriceId));
      return [reply.status, reply.data.result.error?.[""] ?? reply.data.result.error?.planPriceId];
    };

    expect(await refusal("cmissing00000000000000000")).toEqual([404, ["This plan does not exist."]]);
    expect(await refusal("not an id")).toEqual([400, ["price is not a valid id"]]);
    expect(await refusal("")).toEqual([400, ["price is required"]]);

    // A replaced price keeps its subscribers but takes no new ones.
    await updatePlan(shop.shop.id, shop.planId, {
      name: "Design Club",
      description: "",
      grants: "everything",
      categories: [],
      listingIds: [],
      ...noPrices,
      priceMonthEur: 1200,
      priceYearUsd: 9900,
      trialDays: 0,
      moveSubscribers: false,
    });
    expect(await refusal(shop.monthly.id)).toEqual([
      409,
      ["This price is no longer offered. Open the plan again to see its current price."],
    ]);
    await setPlanArchived(shop.shop.id, shop.planId, true);
    expect(await refusal(shop.yearly.id)).toEqual([409, ["This plan no longer takes new subscribers."]]);
    expect((await stripe().checkout.sessions.list({ limit: 100 })).data.length).toBe(sessionsBefore);

    // A seller may subscribe to their own plan (to try it).
    await setPlanArchived(shop.shop.id, shop.planId, false);
    const own = expectResponse(await subscribe(await signIn(shop.seller.id), shop.yearly.id));
    expect(own.headers.get("Location")?.startsWith(`${app.sandbox.url}/c/pay/`)).toBe(true);
  });

  it("creates a plan's missing Stripe objects when someone subscribes", async () => {
    const shop = await createShopForPlans();
    const plan = await prisma.plan.create({
      data: {
        shopId: shop.shop.id,
        name: "Never synced",
        includesAllListings: true,
        prices: { create: { amount: 500, currency: "EUR", interval: "MONTH" } },
      },
      include: { prices: true },
    });
    const response = expectResponse(
      await subscribe(await signIn((await createUser()).id), plan.prices[0]?.id as string),
    );
    expect(response.headers.get("Location")?.startsWith(`${app.sandbox.url}/c/pay/`)).toBe(true);
    const synced = await prisma.planPrice.findUniqueOrThrow({ where: { id: plan.prices[0]?.id } });
    expect(synced.stripePriceId).toMatch(/^price_/);
  });
});
