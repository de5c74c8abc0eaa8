import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { fulfilCheckoutSession } from "~/modules/checkout/fulfilment.server.ts";
import * as discountRoute from "~/routes/dashboard.discounts.$discountId/route.tsx";
import * as newDiscountRoute from "~/routes/dashboard.discounts.new/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout, startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { settleWebhooks } from "../support/webhooks.ts";
import {
  COMMERCIAL_LICENCE,
  type FormReply,
  fieldErrors,
  postAs,
  postCheckout,
  pricedListing,
  pricingTables,
} from "./pricing-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

let counter = 0;
const uniqueCode = (prefix: string) =>
  `${prefix}-${Date.now().toString(36).toUpperCase()}${(counter++).toString(36).toUpperCase()}`;

const newCode = (cookie: string | null, fields: Record<string, string | string[]>) =>
  callRoute<FormReply>(newDiscountRoute.action, postAs(cookie, "/dashboard/discounts/new", fields));

/** Creates a code through the seller's form; returns its row. */
async function createCode(cookie: string, fields: Record<string, string | string[]>) {
  const response = expectResponse(await newCode(cookie, fields));
  expect(response.status).toBe(302);
  const id = (response.headers.get("Location") ?? "").split("/")[3]?.split("?")[0] ?? "";
  return prisma.discountCode.findUniqueOrThrow({ where: { id } });
}

async function pay(url: string, email: string) {
  expect((await payHostedCheckout(url, "4242424242424242", email)).status).toBe(303);
  await settleWebhooks(app.sandbox);
}

describe("discount codes", { timeout: 120_000 }, () => {
  it("refuses every bad code form with a message and stores nothing", async () => {
    const { cookie, listing } = await pricedListing();
    const other = await createListingForSale();
    const base = { code: uniqueCode("OK"), kind: "PERCENT", percentOff: "20", scope: "shop" };
    const cases: [Record<string, string | string[]>, string][] = [
      [{ ...base, code: "a b" }, "Code: 3 to 30 letters, digits"],
      [{ ...base, percentOff: "0" }, "Percent off: a whole number from 1 to 100"],
      [{ ...base, percentOff: "12.5" }, "Percent off: a whole number from 1 to 100"],
      [{ ...base, kind: "FIXED", percentOff: "", amountOff: "5.00" }, "A fixed amount needs its currency"],
      [
        { ...base, kind: "FIXED", percentOff: "", amountOff: "5.00", currency: "GBP" },
        "GBP is not a currency Stapel sells in",
      ],
      [
        { ...base, kind: "FIXED", percentOff: "", amountOff: "-5", currency: "EUR" },
        "Amount off cannot be negative",
      ],
      [{ ...base, scope: "selected" }, "Choose at least one listing or plan"],
      [{ ...base, startsAt: "2030-02-01", endsAt: "2030-01-01" }, "The code cannot end before it starts"],
      [{ ...base, endsAt: "2020-01-01" }, "The end date has passed"],
      [{ ...base, maxRedemptions: "0" }, "Maximum redemptions: a whole number"],
      [{ ...base, startsAt: "2030-02-31" }, "Starts on: a date such as 2026-03-01"],
    ];
    const before = await pricingTables();
    for (const [fields, message] of cases) {
      const reply = expectData(await newCode(cookie, fields));
      expect(reply.status, message).toBe(400);
      expect(Object.values(fieldErrors(reply.data)).flat().join(" | ")).toContain(message);
    }
    // Another shop's listing: 404, like a missing one.
    const foreign = await newCode(cookie, {
      ...base,
      scope: "selected",
      listingIds: [listing.id, other.listing.id],
    });
    expect(expectData(foreign).status).toBe(404);
    expect(await pricingTables()).toEqual(before);
  });

  it("mirrors a code to a Stripe coupon and promotion code limited to the shop's listings", async () => {
    const { cookie, listing } = await pricedListing();
    const code = await createCode(cookie, {
      code: uniqueCode("launch").toLowerCase(),
      kind: "FIXED",
      amountOff: "5.00",
      currency: "USD",
      scope: "selected",
      listingIds: [listing.id],
      maxRedemptions: "10",
      endsAt: "2099-12-31",
    });
    expect(code.code).toBe(code.code.toUpperCase());
    const coupon = await stripe().coupons.retrieve(code.stripeCouponId ?? "");
    expect(coupon).toMatchObject({
      amount_off: 500,
      currency: "usd",
      duration: "once",
      max_redemptions: 10,
      applies_to: { products: [`stapel_listing_${listing.id}`] },
    });
    const promo = await stripe().promotionCodes.retrieve(code.stripePromotionCodeId ?? "");
    expect(promo).toMatchObject({
      code: code.code,
      active: true,
      max_redemptions: 10,
      promotion: { coupon: coupon.id },
    });
    // The same code cannot be made twice, by this shop or another.
    const otherSeller = await signIn((await createListingForSale()).seller.id);
    const again = expectData(
      await newCode(otherSeller, { code: code.code, kind: "PERCENT", percentOff: "10", scope: "shop" }),
    );
    expect(fieldErrors(again.data).code).toEqual([
      "This code is already in use on Stapel: choose another one.",
    ]);
  });

  it("a Commercial licence in USD with a code: tier, licence text, discount, amounts and one redemption", async () => {
    const { cookie: sellerCookie, listing, commercial } = await pricedListing();
    const code = await createCode(sellerCookie, {
      code: uniqueCode("TEAM"),
      kind: "PERCENT",
      percentOff: "25",
      scope: "selected",
      listingIds: [listing.id],
    });
    const buyer = await createUser();
    const cookie = await signIn(buyer.id);
    const started = expectResponse(
      await postCheckout(cookie, {
        listingId: listing.id,
        tierId: commercial.id,
        currency: "USD",
        code: code.code.toLowerCase(),
      }),
    );
    expect(started.status).toBe(302);
    await pay(started.headers.get("Location") ?? "", buyer.email);
    const order = await prisma.order.findFirstOrThrow({
      where: { buyerId: buyer.id },
      include: { items: true },
    });
    expect(order).toMatchObject({
      status: "PAID",
      currency: "USD",
      subtotalAmount: 3200,
      discountAmount: 800,
      totalAmount: 2400,
      discountCodeId: code.id,
      platformFeeAmount: 120, // 5% of what the buyer paid
    });
    expect(order.items[0]).toMatchObject({
      tierName: "Commercial",
      licenseText: COMMERCIAL_LICENCE,
      unitAmount: 3200,
    });
    const session = await stripe().checkout.sessions.retrieve(order.stripeCheckoutSessionId ?? "");
    expect(session.total_details?.amount_discount).toBe(800);
    expect(session.discounts).toEqual([
      { coupon: code.stripeCouponId, promotion_code: code.stripePromotionCodeId },
    ]);

    // Webhook repeats and the success page do not count the code twice.
    await fulfilCheckoutSession(order.stripeCheckoutSessionId ?? "");
    expect((await prisma.discountCode.findUniqueOrThrow({ where: { id: code.id } })).redemptionCount).toBe(1);
    expect((await stripe().promotionCodes.retrieve(code.stripePromotionCodeId ?? "")).times_redeemed).toBe(1);
  });

  it("refuses used-up, expired, not yet valid, unknown, other-listing and wrong-currency codes with their message", async () => {
    const { cookie: sellerCookie, listing, personal } = await pricedListing();
    const otherListing = await prisma.listing.create({
      data: {
        shopId: listing.shopId,
        slug: `other-${listing.slug}`,
        type: "PROMPT",
        status: "PUBLISHED",
        title: "Another",
        tagline: "t",
        description: "d",
        category: "Writing",
        priceAmount: 900,
        currency: "EUR",
      },
    });
    const make = (prefix: string, extra: Record<string, string | string[]> = {}) =>
      createCode(sellerCookie, {
        code: uniqueCode(prefix),
        kind: "PERCENT",
        percentOff: "10",
        scope: "selected",
        listingIds: [listing.id],
        ...extra,
      });
    const usedUp = await make("ONCE", { maxRedemptions: "1" });
    await prisma.discountCode.update({ where: { id: usedUp.id }, data: { redemptionCount: 1 } });
    const expired = await make("OLD");
    await prisma.discountCode.update({
      where: { id: expired.id },
      data: { endsAt: new Date("2024-03-02T00:00:00Z") },
    });
    const later = await make("SOON", { startsAt: "2099-01-01" });
    const elsewhere = await createCode(sellerCookie, {
      code: uniqueCode("ELSE"),
      kind: "PERCENT",
      percentOff: "10",
      scope: "selected",
      listingIds: [otherListing.id],
    });
    const dollars = await make("USD5", { kind: "FIXED", percentOff: "", amountOff: "5.00", currency: "USD" });

    const buyer = await signIn((await createUser()).id);
    const attempt = async (code: string) => {
      const reply = expectData(
        await postCheckout(buyer, { listingId: listing.id, tierId: personal.id, currency: "EUR", code }),
      );
      return { status: reply.status, message: Object.values(fieldErrors(reply.data)).flat().join(" ") };
    };
    expect(await attempt(usedUp.code)).toEqual({
      status: 409,
      message: `The code ${usedUp.code} has been used as many times as it allows.`,
    });
    expect(await attempt(expired.code)).toEqual({
      status: 409,
      message: `The code ${expired.code} expired: it was valid until 1 March 2024.`,
    });
    expect(await attempt(later.code)).toEqual({
      status: 409,
      message: `The code ${later.code} can be used from 1 January 2099.`,
    });
    expect(await attempt("NOSUCHCODE")).toEqual({
      status: 404,
      message: "There is no discount code NOSUCHCODE in this shop.",
    });
    expect(await attempt(elsewhere.code)).toEqual({
      status: 409,
      message: `The code ${elsewhere.code} does not apply to this listing.`,
    });
    expect((await attempt(dollars.code)).message).toBe(
      `The code ${dollars.code} takes $5.00 off prices in USD; pay in USD to use it.`,
    );
    // A not-yet-valid code is not usable at Stripe either: its promotion code waits inactive.
    expect((await stripe().promotionCodes.retrieve(later.stripePromotionCodeId ?? "")).active).toBe(false);
  });

  it("a code typed on Stripe's page is recorded on the order and counted", async () => {
    const { cookie: sellerCookie, listing, personal } = await pricedListing();
    const code = await createCode(sellerCookie, {
      code: uniqueCode("STRIPE"),
      kind: "PERCENT",
      percentOff: "50",
      scope: "shop",
    });
    const buyer = await createUser();
    const cookie = await signIn(buyer.id);
    const started = expectResponse(
      await postCheckout(cookie, { listingId: listing.id, tierId: personal.id, currency: "EUR" }),
    );
    const url = started.headers.get("Location") ?? "";
    const applied = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ promotion_code: code.code.toLowerCase() }),
    });
    expect(applied.status).toBe(200);
    expect(await applied.text()).toContain("Pay €4.50");
    await pay(url, buyer.email);
    const order = await prisma.order.findFirstOrThrow({ where: { buyerId: buyer.id } });
    expect(order).toMatchObject({
      status: "PAID",
      discountCodeId: code.id,
      discountAmount: 450,
      totalAmount: 450,
      subtotalAmount: 900,
    });
    expect((await prisma.discountCode.findUniqueOrThrow({ where: { id: code.id } })).redemptionCount).toBe(1);
  });

  it("another shop's code is 404 on its page and for its buttons; deactivating stops it here and at Stripe", async () => {
    const { cookie, listing, personal } = await pricedListing();
    const code = await createCode(cookie, {
      code: uniqueCode("MINE"),
      kind: "PERCENT",
      percentOff: "10",
      scope: "shop",
    });
    const stranger = await signIn((await createListingForSale()).seller.id);
    const page = expectResponse(
      await callRoute(discountRoute.loader, requestAs(stranger, `/dashboard/discounts/${code.id}`), {
        discountId: code.id,
      }),
    );
    expect(page.status).toBe(404);
    const before = await pricingTables();
    const button = expectResponse(
      await callRoute(
        discountRoute.action,
        postAs(stranger, `/dashboard/discounts/${code.id}`, { intent: "deactivate" }),
        {
          discountId: code.id,
        },
      ),
    );
    expect(button.status).toBe(404);
    expect(await pricingTables()).toEqual(before);

    const done = expectData(
      await callRoute(
        discountRoute.action,
        postAs(cookie, `/dashboard/discounts/${code.id}`, { intent: "deactivate" }),
        {
          discountId: code.id,
        },
      ),
    );
    expect(done.status).toBe(200);
    expect((await stripe().promotionCodes.retrieve(code.stripePromotionCodeId ?? "")).active).toBe(false);
    const buyer = await signIn((await createUser()).id);
    const refused = expectData(
      await postCheckout(buyer, { listingId: listing.id, tierId: personal.id, code: code.code }),
    );
    expect(refused.status).toBe(404);
  });
});
