// Sellers' plans in the dashboard, against the Stripe sandbox through the official SDK: creating a
// plan makes its Product and Prices, a changed amount is a new Price with the old one archived,
// archiving a plan archives its Stripe objects, and refused requests change nothing anywhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import * as listRoute from "~/routes/dashboard.plans._index/route.tsx";
import * as editRoute from "~/routes/dashboard.plans.$planId/route.tsx";
import * as newRoute from "~/routes/dashboard.plans.new/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import {
  createShopForPlans,
  type FormReply,
  fieldErrors,
  planTables,
  postAs,
  stripePrices,
} from "./plans-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const everythingPlan = {
  name: "Studio Pass",
  description: "All of it.",
  grants: "everything",
  priceMonthEur: "9.00",
  priceYearEur: "90",
  priceMonthUsd: "10,50",
  trialDays: "14",
};

async function createPlan(cookie: string, fields: Record<string, string | string[]> = everythingPlan) {
  const response = expectResponse(
    await callRoute(newRoute.action, postAs(cookie, "/dashboard/plans/new", fields)),
  );
  expect(response.status).toBe(302);
  const location = response.headers.get("Location") ?? "";
  expect(location).toMatch(/^\/dashboard\/plans\/[a-z0-9]+\?created=1$/);
  return location.split("/")[3]?.split("?")[0] as string;
}

const edit = (cookie: string, planId: string, fields: Record<string, string | string[]>) =>
  callRoute(editRoute.action, postAs(cookie, `/dashboard/plans/${planId}`, fields), { planId });

describe("creating a plan", () => {
  it("saves it with integer prices and creates its Stripe Product and Prices", async () => {
    const shop = await createShopForPlans();
    const cookie = await signIn(shop.seller.id);
    const planId = await createPlan(cookie);

    const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId }, include: { prices: true } });
    expect(plan).toMatchObject({
      shopId: shop.shop.id,
      name: "Studio Pass",
      description: "All of it.",
      includesAllListings: true,
      includedCategories: [],
      trialDays: 14,
      archivedAt: null,
      stripeProductId: `stapel_plan_${planId}`,
    });
    const byInterval = plan.prices
      .map(({ interval, currency, amount }) => `${interval} ${currency} ${amount}`)
      .sort();
    expect(byInterval).toEqual(["MONTH EUR 900", "MONTH USD 1050", "YEAR EUR 9000"]);

    const product = await stripe().products.retrieve(plan.stripeProductId as string);
    expect(product).toMatchObject({ name: "Studio Pass", description: "All of it.", active: true });
    expect(product.metadata).toMatchObject({ planId, shopId: shop.shop.id });
    const prices = await stripePrices(product.id);
    expect(prices).toHaveLength(3);
    for (const row of plan.prices) {
      const price = prices.find((candidate) => candidate.id === row.stripePriceId);
      expect(price, `${row.interval} ${row.currency}`).toMatchObject({
        active: true,
        unit_amount: row.amount,
        currency: row.currency.toLowerCase(),
        type: "recurring",
        recurring: expect.objectContaining({ interval: row.interval === "MONTH" ? "month" : "year" }),
        metadata: { planId, planPriceId: row.id },
      });
    }

    const list = expectData(await callRoute(listRoute.loader, requestAs(cookie, "/dashboard/plans")));
    expect(list.headers.get("Cache-Control")).toBe("private, no-store");
    expect(list.data.plans).toEqual([
      expect.objectContaining({ id: planId, name: "Studio Pass", subscriberCount: 0, inStripe: true }),
    ]);
  });

  it("includes chosen listings and whole categories of the seller's own shop", async () => {
    const shop = await createShopForPlans();
    const cookie = await signIn(shop.seller.id);
    const planId = await createPlan(cookie, {
      name: "Designers",
      grants: "selection",
      categories: ["Design"],
      listingIds: [shop.copywriting.id],
      priceMonthEur: "5",
    });
    const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId }, include: { listings: true } });
    expect(plan).toMatchObject({ includesAllListings: false, includedCategories: ["Design"], trialDays: 0 });
    expect(plan.listings.map((row) => row.listingId)).toEqual([shop.copywriting.id]);
  });

  it("answers bad input with 400 and a message per field, and changes nothing", async () => {
    const shop = await createShopForPlans();
    const other = await createShopForPlans();
    const cookie = await signIn(shop.seller.id);
    const before = await planTables();
    const productsBefore = (await stripe().products.list({ limit: 100 })).data.length;

    const cases: [Record<string, string | string[]>, Record<string, string[]>][] = [
      [{ name: "", grants: "everything", priceMonthEur: "" }, { name: ["Give the plan a name"] }],
      [
        { name: "No price", grants: "everything" },
        { priceMonthEur: ["Give at least one price: monthly or yearly, in EUR or USD"] },
      ],
      [
        { name: "Bad amount", grants: "everything", priceMonthEur: "9.999", priceYearUsd: "0.10" },
        {
          priceMonthEur: ["Monthly price in EUR: enter an amount such as 9.00"],
          priceYearUsd: ["Yearly price in USD must be between 0.50 and 999,999.99"],
        },
      ],
      [
        { name: "Trial", grants: "everything", priceMonthEur: "9", trialDays: "1000" },
        { trialDays: ["A trial can last at most 730 days"] },
      ],
      [
        { name: "Empty selection", grants: "selection", priceMonthEur: "9" },
        { listingIds: ["Choose listings or categories, or include everything in your shop"] },
      ],
      [
        {
          name: "Foreign",
          grants: "selection",
          listingIds: [other.copywriting.id],
          categories: ["Knitting"],
          priceMonthEur: "9",
        },
        {
          listingIds: ["Choose published listings of your own shop"],
          categories: ["Choose categories your shop has listings in"],
        },
      ],
      [
        { name: "Draft", grants: "selection", listingIds: [shop.draft.id], priceMonthEur: "9" },
        { listingIds: ["Choose published listings of your own shop"] },
      ],
      [{ name: "What", grants: "some", priceMonthEur: "9" }, { grants: ["Choose what the plan includes"] }],
      [
        { name: "Null\u0000byte", grants: "everything", priceMonthEur: "9" },
        { name: ["Name contains characters that are not allowed"] },
      ],
    ];
    for (const [fields, errors] of cases) {
      const reply = expectData<FormReply>(
        await callRoute(newRoute.action, postAs(cookie, "/dashboard/plans/new", fields)),
      );
      expect(reply.status, JSON.stringify(fields)).toBe(400);
      expect(fieldErrors(reply.data), JSON.stringify(fields)).toMatchObject(errors);
    }

    // Not a form at all: the same answer shape, never a 500.
    const json = expectData<FormReply>(
      await callRoute(
        newRoute.action,
        requestAs(cookie, "/dashboard/plans/new", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(everythingPlan),
        }),
      ),
    );
    expect(json.status).toBe(415);

    expect(await planTables()).toEqual(before);
    expect((await stripe().products.list({ limit: 100 })).data.length).toBe(productsBefore);
  });

  it("is for sellers only", async () => {
    const anonymous = expectResponse(
      await callRoute(newRoute.loader, requestAs(null, "/dashboard/plans/new")),
    );
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fdashboard%2Fplans%2Fnew");
    const buyer = await signIn((await createUser()).id);
    const refused = expectResponse(
      await callRoute(newRoute.action, postAs(buyer, "/dashboard/plans/new", everythingPlan)),
    );
    expect(refused.status).toBe(403);
  });
});

describe("editing a plan", () => {
  it("replaces a changed price with a new Stripe Price and archives the old one", async () => {
    const shop = await createShopForPlans();
    const cookie = await signIn(shop.seller.id);
    const planId = await createPlan(cookie);
    const original = await prisma.planPrice.findMany({ where: { planId } });
    const oldMonthEur = original.find((row) => row.interval === "MONTH" && row.currency === "EUR");
    const oldYearEur = original.find((row) => row.interval === "YEAR" && row.currency === "EUR");
    const monthUsd = original.find((row) => row.interval === "MONTH" && row.currency === "USD");

    const saved = expectData(
      await edit(cookie, planId, {
        intent: "save",
        name: "Studio Pass Plus",
        description: "",
        grants: "selection",
        categories: ["Design"],
        priceMonthEur: "12.00",
        // priceYearEur left empty: that price is withdrawn.
        priceMonthUsd: "10.50",
        trialDays: "0",
      }),
    );
    expect(saved.status).toBe(200);
    expect(saved.data.done).toMatchObject({ kind: "saved", priceChanges: 2, stripe: { ok: true } });

    const rows = await prisma.planPrice.findMany({ where: { planId }, orderBy: { createdAt: "asc" } });
    const current = rows.filter((row) => row.archivedAt === null);
    expect(current.map((row) => `${row.interval} ${row.currency} ${row.amount}`).sort()).toEqual([
      "MONTH EUR 1200",
      "MONTH USD 1050",
    ]);
    // The unchanged price is the same row and the same Stripe Price.
    expect(current.find((row) => row.currency === "USD")).toMatchObject({
      id: monthUsd?.id,
      stripePriceId: monthUsd?.stripePriceId,
    });
    const archived = rows
      .filter((row) => row.archivedAt !== null)
      .map((row) => row.id)
      .sort();
    expect(archived).toEqual([oldMonthEur?.id, oldYearEur?.id].sort());

    const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    expect(plan).toMatchObject({
      name: "Studio Pass Plus",
      description: "",
      includesAllListings: false,
      includedCategories: ["Design"],
      trialDays: 0,
    });
    const product = await stripe().products.retrieve(`stapel_plan_${planId}`);
    expect(product).toMatchObject({ name: "Studio Pass Plus", description: null, active: true });

    const prices = await stripePrices(product.id);
    const state = Object.fromEntries(prices.map((price) => [price.id, [price.unit_amount, price.active]]));
    const newMonthEur = current.find((row) => row.currency === "EUR");
    expect(state).toEqual({
      [oldMonthEur?.stripePriceId as string]: [900, false],
      [oldYearEur?.stripePriceId as string]: [9000, false],
      [monthUsd?.stripePriceId as string]: [1050, true],
      [newMonthEur?.stripePriceId as string]: [1200, true],
    });

    // Saving the same values again changes nothing, here or at Stripe.
    const again = expectData(
      await edit(cookie, planId, {
        intent: "save",
        name: "Studio Pass Plus",
        grants: "selection",
        categories: ["Design"],
        priceMonthEur: "12",
        priceMonthUsd: "10.5",
      }),
    );
    expect(again.data.done).toMatchObject({ priceChanges: 0, stripe: { ok: true, created: 0 } });
    expect(await prisma.planPrice.count({ where: { planId } })).toBe(rows.length);
    expect(await stripePrices(product.id)).toHaveLength(prices.length);
  });

  it("archives a plan with its Stripe Product and Prices, and puts it back on sale", async () => {
    const shop = await createShopForPlans();
    const cookie = await signIn(shop.seller.id);
    const planId = await createPlan(cookie);

    const archived = expectData(await edit(cookie, planId, { intent: "archive" }));
    expect(archived.data.done).toMatchObject({ kind: "archived", stripe: { ok: true } });
    expect((await prisma.plan.findUniqueOrThrow({ where: { id: planId } })).archivedAt).not.toBeNull();
    const product = await stripe().products.retrieve(`stapel_plan_${planId}`);
    expect(product.active).toBe(false);
    expect((await stripePrices(product.id)).map((price) => price.active)).toEqual([false, false, false]);

    const restored = expectData(await edit(cookie, planId, { intent: "restore" }));
    expect(restored.data.done).toMatchObject({ kind: "restored", stripe: { ok: true } });
    expect((await prisma.plan.findUniqueOrThrow({ where: { id: planId } })).archivedAt).toBeNull();
    expect((await stripe().products.retrieve(product.id)).active).toBe(true);
    expect((await stripePrices(product.id)).map((price) => price.active)).toEqual([true, true, true]);
  });

  it("answers another shop's plan exactly like a missing one, and changes nothing", async () => {
    const mine = await createShopForPlans();
    const theirs = await createShopForPlans();
    const theirPlan = await createPlan(await signIn(theirs.seller.id));
    const cookie = await signIn(mine.seller.id);
    const before = await planTables();

    for (const planId of [theirPlan, "cmissing00000000000000000", "not-an-id"]) {
      const page = expectResponse(
        await callRoute(editRoute.loader, requestAs(cookie, `/dashboard/plans/${planId}`), { planId }),
      );
      expect(page.status).toBe(404);
      expect(await page.text()).toBe("Your shop has no such plan.");
      const attempts: Record<string, string>[] = [
        { intent: "archive" },
        { intent: "move-subscribers" },
        { intent: "save", name: "Mine now", grants: "everything", priceMonthEur: "1" },
      ];
      for (const fields of attempts) {
        const reply = expectData<FormReply>(await edit(cookie, planId, fields));
        expect(reply.status, `${planId} ${fields.intent}`).toBe(404);
        expect(reply.data.result.error?.[""]).toEqual(["Your shop has no such plan."]);
      }
    }
    expect(await planTables()).toEqual(before);
    expect((await stripe().products.retrieve(`stapel_plan_${theirPlan}`)).active).toBe(true);
  });

  it("refuses a malformed edit with 400 and keeps the plan as it was", async () => {
    const shop = await createShopForPlans();
    const cookie = await signIn(shop.seller.id);
    const planId = await createPlan(cookie);
    const before = await planTables();
    for (const [fields, errors] of [
      [{ intent: "delete" }, { intent: expect.any(Array) }],
      [{}, { intent: expect.any(Array) }],
      [
        { intent: "save", name: "x", grants: "everything", priceMonthEur: "free" },
        { priceMonthEur: expect.any(Array) },
      ],
    ] as const) {
      const reply = expectData<FormReply>(await edit(cookie, planId, fields));
      expect(reply.status).toBe(400);
      expect(fieldErrors(reply.data)).toMatchObject(errors);
    }
    expect(await planTables()).toEqual(before);
  });
});
