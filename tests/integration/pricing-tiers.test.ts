import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fulfilCheckoutSession } from "~/modules/checkout/fulfilment.server.ts";
import { buyerCurrency } from "~/modules/pricing/currency.ts";
import * as claimRoute from "~/routes/claim/route.tsx";
import * as pricingRoute from "~/routes/dashboard.listings.$listingId_.pricing/route.tsx";
import * as libraryRoute from "~/routes/library.$entitlementId/route.tsx";
import * as listingRoute from "~/routes/p.$slug/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout, startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { settleWebhooks } from "../support/webhooks.ts";
import {
  COMMERCIAL_LICENCE,
  fieldErrors,
  postAs,
  postCheckout,
  postPricing,
  pricedListing,
  pricingTables,
  tierFields,
} from "./pricing-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const errorsOf = (outcome: Awaited<ReturnType<typeof postPricing>>) => {
  const reply = expectData(outcome);
  return { status: reply.status, messages: Object.values(fieldErrors(reply.data)).flat().join(" | ") };
};

describe("the pricing page's forms", { timeout: 60_000 }, () => {
  it("refuses every bad tier with a message and stores nothing", async () => {
    const { listing, cookie } = await pricedListing();
    const cases: [Record<string, string>, string][] = [
      [tierFields({ name: "Team", eur: "-5.00" }), "Price cannot be negative"],
      [tierFields({ name: "Team", eur: "9.999" }), "Price: use at most two decimals"],
      [tierFields({ name: "Team", eur: "nine" }), "Price: enter an amount such as 9.00"],
      [tierFields({ name: "Team", eur: "0.10" }), "Price must be between 0.50 and 999,999.99"],
      [
        { ...tierFields({ name: "Team", eur: "9.00" }), "prices[1].currency": "GBP" },
        "GBP is not a currency Stapel sells in",
      ],
      [
        tierFields({ name: "Team", eur: "9.00", licenseText: "x".repeat(10_001) }),
        "Licence text can be at most 10000 characters",
      ],
      [tierFields({ name: "", eur: "9.00" }), "Give the tier a name"],
      [tierFields({ name: "Team" }), "Give the tier a price in EUR or USD"],
      [
        tierFields({ name: "Team", eur: "9.00", activationLimit: "0" }),
        "Activation limit: a whole number from 1 to 1000",
      ],
      [
        tierFields({ name: "Team", eur: "9.00", eurSuggested: "12.00" }),
        "A suggested amount is only for pay what you want",
      ],
    ];
    const before = await pricingTables();
    for (const [fields, message] of cases) {
      const { status, messages } = errorsOf(await postPricing(cookie, listing.id, fields));
      expect(status, message).toBe(400);
      expect(messages).toContain(message);
    }
    expect(await pricingTables()).toEqual(before);
  });

  it("pay what you want: the suggestion cannot be below the minimum, and a minimum is needed", async () => {
    const { listing, cookie, personal } = await pricedListing();
    const mode = expectData(
      await postPricing(cookie, listing.id, { intent: "mode", mode: "PAY_WHAT_YOU_WANT" }),
    );
    expect(mode.status).toBe(200);
    const before = await pricingTables();
    const low = errorsOf(
      await postPricing(
        cookie,
        listing.id,
        tierFields({ tierId: personal.id, name: "Personal", eur: "5.00", eurSuggested: "3.00" }),
      ),
    );
    expect(low).toEqual({ status: 400, messages: "The suggested amount cannot be below the minimum" });
    const none = errorsOf(
      await postPricing(
        cookie,
        listing.id,
        tierFields({ tierId: personal.id, name: "Personal", usdSuggested: "3.00" }),
      ),
    );
    expect(none.messages).toContain("Give a minimum for this currency too");
    expect(await pricingTables()).toEqual(before);
  });

  it("saves tiers with prices per currency and keeps the listing's shown price as the first tier's", async () => {
    const { listing, personal, commercial } = await pricedListing();
    const prices = await prisma.tierPrice.findMany({
      where: { tierId: { in: [personal.id, commercial.id] } },
    });
    expect(prices).toHaveLength(4);
    expect(commercial).toMatchObject({
      name: "Commercial",
      licenseText: COMMERCIAL_LICENCE,
      activationLimit: 5,
    });
    expect(await prisma.listing.findUniqueOrThrow({ where: { id: listing.id } })).toMatchObject({
      priceAmount: 900,
      currency: "EUR",
    });
  });

  it("answers 404 for another shop's listing, on the page and for every form", async () => {
    const { listing } = await pricedListing();
    const other = await createListingForSale();
    const stranger = await signIn(other.seller.id);
    const page = expectResponse(
      await callRoute(pricingRoute.loader, requestAs(stranger, `/dashboard/listings/${listing.id}/pricing`), {
        listingId: listing.id,
      }),
    );
    expect(page.status).toBe(404);
    const before = await pricingTables();
    for (const fields of [tierFields({ name: "Mine", eur: "1.00" }), { intent: "mode", mode: "FREE" }]) {
      expect(expectResponse(await postPricing(stranger, listing.id, fields)).status).toBe(404);
    }
    expect(await pricingTables()).toEqual(before);
  });
});

describe("buying a tier", { timeout: 90_000 }, () => {
  it("the buyer's currency follows their language unless they choose", () => {
    const offered = ["EUR", "USD"];
    const pick = (acceptLanguage: string | null, chosen?: string) =>
      buyerCurrency({ offered, acceptLanguage, chosen, shopDefault: "EUR" });
    expect(pick("de-DE,de;q=0.9,en;q=0.8")).toBe("EUR");
    expect(pick("fr")).toBe("EUR");
    expect(pick("en-US,en;q=0.9")).toBe("USD");
    expect(pick("en-GB,en;q=0.9")).toBe("EUR"); // says nothing: the shop's currency
    expect(pick("ja,en-US;q=0.5")).toBe("USD");
    expect(pick("de-DE", "USD")).toBe("USD");
    expect(buyerCurrency({ offered: ["USD"], acceptLanguage: "de-DE", shopDefault: "EUR" })).toBe("USD");
  });

  it("shows each tier in the buyer's currency on the listing page", async () => {
    const { listing } = await pricedListing();
    const load = async (headers: Record<string, string>, query = "") =>
      expectData(
        await callRoute(listingRoute.loader, requestAs(null, `/p/${listing.slug}${query}`, { headers }), {
          slug: listing.slug,
        }),
      ).data.offer;
    const american = await load({ "Accept-Language": "en-US" });
    expect(american.currency).toBe("USD");
    expect(
      american.tiers.map((tier: { name: string; price: { amount: number } }) => [
        tier.name,
        tier.price.amount,
      ]),
    ).toEqual([
      ["Personal", 1000],
      ["Commercial", 3200],
    ]);
    expect((await load({ "Accept-Language": "nl-NL" })).currency).toBe("EUR");
    expect((await load({ "Accept-Language": "nl-NL" }, "?currency=USD")).currency).toBe("USD");
  });

  it("a Commercial licence in USD: the order keeps tier, licence text and amounts; keys get its activation limit", async () => {
    const { listing, commercial } = await pricedListing();
    const buyer = await createUser();
    const cookie = await signIn(buyer.id);
    const started = expectResponse(
      await postCheckout(
        cookie,
        { listingId: listing.id, tierId: commercial.id },
        { "Accept-Language": "en-US" },
      ),
    );
    expect(started.status).toBe(302);
    expect(
      (await payHostedCheckout(started.headers.get("Location") ?? "", "4242424242424242", buyer.email))
        .status,
    ).toBe(303);
    await settleWebhooks(app.sandbox);
    const order = await prisma.order.findFirstOrThrow({
      where: { buyerId: buyer.id },
      include: { items: { include: { entitlements: { include: { licenseKey: true } } } } },
    });
    expect(order).toMatchObject({
      status: "PAID",
      currency: "USD",
      subtotalAmount: 3200,
      totalAmount: 3200,
      platformFeeAmount: 160,
    });
    const [item] = order.items;
    expect(item).toMatchObject({
      licenseTierId: commercial.id,
      tierName: "Commercial",
      licenseText: COMMERCIAL_LICENCE,
      unitAmount: 3200,
      currency: "USD",
    });
    const entitlement = item?.entitlements[0];
    expect(entitlement?.licenseKey?.maxActivations).toBe(5);

    // The library shows the licence as sold, rendered from markdown.
    const library = expectData(
      await callRoute(libraryRoute.loader, requestAs(cookie, `/library/${entitlement?.id}`), {
        entitlementId: entitlement?.id ?? "",
      }),
    );
    expect(library.data.licence.tierName).toBe("Commercial");
    expect(library.data.licence.licenseHtml).toContain("<strong>client work</strong>");
  });

  it("pay what you want: below the minimum is refused with the minimum named; the suggestion is the default", async () => {
    const { listing, cookie: sellerCookie, personal } = await pricedListing();
    await postPricing(sellerCookie, listing.id, { intent: "mode", mode: "PAY_WHAT_YOU_WANT" });
    await postPricing(
      sellerCookie,
      listing.id,
      tierFields({ tierId: personal.id, name: "Personal", eur: "5.00", eurSuggested: "8.00" }),
    );
    const buyer = await createUser();
    const cookie = await signIn(buyer.id);
    const low = expectData(
      await postCheckout(cookie, {
        listingId: listing.id,
        tierId: personal.id,
        currency: "EUR",
        amount: "4.99",
      }),
    );
    expect(low.status).toBe(400);
    expect(fieldErrors(low.data).amount).toEqual(["Pay at least €5.00 for the Personal tier."]);
    expect(await prisma.order.count({ where: { buyerId: buyer.id } })).toBe(0);

    const chosen = expectResponse(
      await postCheckout(cookie, {
        listingId: listing.id,
        tierId: personal.id,
        currency: "EUR",
        amount: "12.50",
      }),
    );
    expect(chosen.status).toBe(302);
    const suggested = expectResponse(
      await postCheckout(cookie, { listingId: listing.id, tierId: personal.id, currency: "EUR" }),
    );
    expect(suggested.status).toBe(302);
    const orders = await prisma.order.findMany({
      where: { buyerId: buyer.id },
      orderBy: { createdAt: "asc" },
    });
    expect(orders.map((order) => order.subtotalAmount)).toEqual([1250, 800]);
  });

  it("a free listing is claimed once, with sign-in and no checkout, an entitlement and a receipt", async () => {
    const { listing, cookie: sellerCookie } = await pricedListing();
    expect(
      expectData(await postPricing(sellerCookie, listing.id, { intent: "mode", mode: "FREE" })).status,
    ).toBe(200);
    expect(await prisma.listing.findUniqueOrThrow({ where: { id: listing.id } })).toMatchObject({
      priceAmount: 0,
    });

    const signedOut = expectResponse(
      await callRoute(claimRoute.action, postAs(null, "/claim", { listingId: listing.id })),
    );
    expect(signedOut.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);

    const buyer = await createUser();
    const cookie = await signIn(buyer.id);
    const first = expectResponse(
      await callRoute(claimRoute.action, postAs(cookie, "/claim", { listingId: listing.id })),
    );
    expect(first.headers.get("Location")).toMatch(/^\/library\/[a-z0-9]+\?claimed=1$/);
    const second = expectResponse(
      await callRoute(claimRoute.action, postAs(cookie, "/claim", { listingId: listing.id })),
    );
    expect(second.headers.get("Location")).toMatch(/^\/library\/[a-z0-9]+$/);
    const entitlements = await prisma.entitlement.findMany({
      where: { userId: buyer.id },
      include: { licenseKey: true },
    });
    expect(entitlements).toHaveLength(1);
    expect(entitlements[0]).toMatchObject({ source: "FREE_CLAIM", status: "ACTIVE" });
    expect(entitlements[0]?.licenseKey?.maxActivations).toBe(2); // the first tier's limit
    const emails = await prisma.emailMessage.findMany({ where: { to: buyer.email } });
    expect(emails).toHaveLength(1);
    // Its own wording, not the purchase receipt's "Order <id>".
    expect(emails[0]?.subject).toBe(`You claimed ${listing.title} (free)`);
    expect(emails[0]?.text).toContain(`/library/${entitlements[0]?.id}`);
    expect(emails[0]?.text).not.toMatch(/Order /);
    expect(await prisma.order.count({ where: { buyerId: buyer.id } })).toBe(0);

    // Checkout refuses a free listing: it is claimed.
    const other = await signIn((await createUser()).id);
    const bought = expectData(await postCheckout(other, { listingId: listing.id }));
    expect(bought.status).toBe(409);
  });

  it("a paid listing cannot be claimed", async () => {
    const { listing } = await pricedListing();
    const cookie = await signIn((await createUser()).id);
    const refused = expectData(
      await callRoute(claimRoute.action, postAs(cookie, "/claim", { listingId: listing.id })),
    );
    expect(refused.status).toBe(409);
  });

  it("fulfilling the same session again changes nothing", async () => {
    const { listing, personal } = await pricedListing();
    const buyer = await createUser();
    const cookie = await signIn(buyer.id);
    const started = expectResponse(
      await postCheckout(cookie, { listingId: listing.id, tierId: personal.id, currency: "EUR" }),
    );
    await payHostedCheckout(started.headers.get("Location") ?? "", "4242424242424242", buyer.email);
    await settleWebhooks(app.sandbox);
    const order = await prisma.order.findFirstOrThrow({ where: { buyerId: buyer.id } });
    await fulfilCheckoutSession(order.stripeCheckoutSessionId ?? "");
    expect(await prisma.entitlement.count({ where: { userId: buyer.id } })).toBe(1);
  });
});
