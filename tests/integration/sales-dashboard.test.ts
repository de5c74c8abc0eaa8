// The seller's sales pages against the sandbox: filters in a clean URL, figures net of refunds,
// customers with lifetime value, resending a receipt (once per click, rate limited) and gifts
// (idempotent per listing and address; another shop's listing is a 404 and creates nothing).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import { refundOrder } from "~/modules/refunds/request.server.ts";
import * as overviewRoute from "~/routes/dashboard._index/route.tsx";
import * as customersRoute from "~/routes/dashboard.customers._index/route.tsx";
import * as customerRoute from "~/routes/dashboard.customers.$customerId/route.tsx";
import * as salesRoute from "~/routes/dashboard.sales/route.tsx";
import * as saleRoute from "~/routes/dashboard.sales_.$orderId/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout, startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { emailsTo } from "../support/subscriptions.ts";
import { settleWebhooks } from "../support/webhooks.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
const DAY = 24 * 60 * 60 * 1000;

type Shop = Awaited<ReturnType<typeof createListingForSale>>;
type Buyer = Awaited<ReturnType<typeof createUser>>;

async function buy(buyer: Buyer, listingId: string) {
  const started = await startCheckout(buyer, listingId);
  if (started.kind !== "redirect-to-stripe") throw new Error(started.kind);
  await payHostedCheckout(started.url, "4242424242424242", buyer.email);
  await settleWebhooks(app.sandbox);
  return prisma.order.findFirstOrThrow({
    where: { buyerId: buyer.id, status: "PAID" },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * Shop S: buyer A buys its prompt and its second prompt (that one partly refunded), buyer B buys the
 * prompt (refunded in full).
 */
let shop: Shop;
let other: Shop;
let buyerA: Buyer;
let buyerB: Buyer;
let orders: { o1: string; o2: string; o3: string };
let cookie: string;
let draftId: string;
let second: { id: string; title: string };

beforeAll(async () => {
  app = await startTestApp();
  shop = await createListingForSale({ priceAmount: 1200, currency: "EUR" });
  other = await createListingForSale({ priceAmount: 900, currency: "EUR" });
  buyerA = await createUser();
  buyerB = await createUser();
  second = await prisma.listing.create({
    data: {
      shopId: shop.shop.id,
      slug: `second-${Date.now().toString(36)}`,
      type: "PROMPT",
      status: "PUBLISHED",
      publishedAt: new Date(),
      title: "Second prompt",
      tagline: "Another one",
      description: "Another prompt.",
      aiModels: ["Claude"],
      category: "Copywriting",
      priceAmount: 1200,
      currency: "EUR",
      content: { create: { body: "SECOND PAID BODY" } },
    },
  });
  const o1 = await buy(buyerA, shop.listing.id);
  const o2 = await buy(buyerA, second.id);
  const o3 = await buy(buyerB, shop.listing.id);
  expect(await refundOrder(shop.shop.id, o2.id, 500)).toMatchObject({ ok: true });
  expect(await refundOrder(shop.shop.id, o3.id)).toMatchObject({ ok: true, accessEnded: true });
  await settleWebhooks(app.sandbox);
  // The buyer's country comes from the payment; set here so the filter has something to tell apart.
  await prisma.order.update({ where: { id: o1.id }, data: { country: "DE" } });
  await prisma.order.update({ where: { id: o2.id }, data: { country: "FR" } });
  await prisma.order.update({
    where: { id: o3.id },
    data: { country: "DE", paidAt: new Date(Date.now() - 40 * DAY) },
  });
  orders = { o1: o1.id, o2: o2.id, o3: o3.id };
  draftId = (
    await prisma.listing.create({
      data: {
        shopId: shop.shop.id,
        slug: `draft-${Date.now().toString(36)}`,
        type: "PROMPT",
        status: "DRAFT",
        title: "A draft",
        tagline: "Not yet",
        description: "Draft.",
        aiModels: [],
        category: "Copywriting",
        priceAmount: 500,
        currency: "EUR",
      },
    })
  ).id;
  cookie = await signIn(shop.seller.id);
}, 120_000);
afterAll(async () => {
  await app.stop();
});

type Reply = { result: { error?: Record<string, string[] | null> }; done?: string };
const errors = (reply: Reply) => Object.values(reply.result.error ?? {}).flat();

const salesPage = async (query: string) =>
  expectData(await callRoute(salesRoute.loader, requestAs(cookie, `/dashboard/sales${query}`))).data;
const ids = (page: { sales: { id: string }[] }) => page.sales.map((sale) => sale.id).sort();

describe("the sales list", { timeout: 60_000 }, () => {
  it("filters by status, country, period and listing, in a URL without empty parameters", async () => {
    expect(ids(await salesPage(""))).toEqual(Object.values(orders).sort());
    expect(ids(await salesPage("?status=paid"))).toEqual([orders.o1]);
    expect(ids(await salesPage("?status=partly-refunded"))).toEqual([orders.o2]);
    expect(ids(await salesPage("?status=refunded"))).toEqual([orders.o3]);
    expect(ids(await salesPage("?country=DE"))).toEqual([orders.o1, orders.o3].sort());
    expect(ids(await salesPage("?period=30d"))).toEqual([orders.o1, orders.o2].sort());
    expect(ids(await salesPage(`?listing=${shop.listing.id}`))).toEqual([orders.o1, orders.o3].sort());
    expect(ids(await salesPage(`?listing=${second.id}&status=partly-refunded`))).toEqual([orders.o2]);
    expect(ids(await salesPage(`?listing=${draftId}`))).toEqual([]);
    // Another shop's listing filters to nothing, never to its sales.
    expect(ids(await salesPage(`?listing=${other.listing.id}`))).toEqual([]);
    const all = await salesPage("");
    expect(all.countries).toEqual(["DE", "FR"]);
    expect(all.sales.find((sale: { id: string }) => sale.id === orders.o2)).toMatchObject({
      refundedAmount: 500,
      refundable: 700,
      refundPending: false,
    });

    const messy = expectResponse(
      await callRoute(
        salesRoute.loader,
        requestAs(cookie, "/dashboard/sales?period=&listing=&status=paid&country=de&bogus=1&page=x"),
      ),
    );
    expect(messy.status).toBe(302);
    expect(messy.headers.get("Location")).toBe("/dashboard/sales?status=paid&country=DE");
  });

  it("counts refunds apart in the dashboard figures", async () => {
    const overview = expectData(await callRoute(overviewRoute.loader, requestAs(cookie, "/dashboard"))).data
      .overview;
    expect(overview.revenue).toEqual([
      {
        currency: "EUR",
        grossAmount: 3600,
        refundedAmount: 1700,
        netAmount: 1900,
        orders: 2,
        ordersWithRefunds: 2,
        fullyRefundedOrders: 1,
      },
    ]);
  });

  it("lists each customer with purchases and lifetime value, and hides everyone else", async () => {
    const list = expectData(
      await callRoute(customersRoute.loader, requestAs(cookie, "/dashboard/customers")),
    ).data;
    expect(list.total).toBe(2);
    const byEmail = Object.fromEntries(
      list.customers.map((customer: { email: string }) => [customer.email, customer]),
    );
    expect(byEmail[buyerA.email]).toMatchObject({
      orders: 2,
      purchases: expect.arrayContaining([shop.listing.title, second.title]),
      lifetimeValue: [{ currency: "EUR", amount: 1900 }],
    });
    expect(byEmail[buyerB.email]).toMatchObject({
      orders: 1,
      lifetimeValue: [{ currency: "EUR", amount: 0 }],
    });

    const page = expectData(
      await callRoute(customerRoute.loader, requestAs(cookie, `/dashboard/customers/${buyerA.id}`), {
        customerId: buyerA.id,
      }),
    ).data;
    expect(page.customer.orders.map((order: { id: string }) => order.id).sort()).toEqual(
      [orders.o1, orders.o2].sort(),
    );
    // Someone who never bought here (another shop's seller) is a 404, like an id that names no one.
    for (const customerId of [other.seller.id, "cmissing00000000000000000", "not an id"]) {
      const missing = expectResponse(
        await callRoute(customerRoute.loader, requestAs(cookie, `/dashboard/customers/${customerId}`), {
          customerId,
        }),
      );
      expect(missing.status).toBe(404);
    }
  });
});

const saleAction = (orderId: string, fields: Record<string, string>) =>
  callRoute(
    saleRoute.action,
    requestAs(cookie, `/dashboard/sales/${orderId}`, { method: "POST", body: new URLSearchParams(fields) }),
    { orderId },
  );
const salesAction = (fields: Record<string, string>) =>
  callRoute(
    salesRoute.action,
    requestAs(cookie, "/dashboard/sales", { method: "POST", body: new URLSearchParams(fields) }),
  );

describe("resending a receipt", { timeout: 60_000 }, () => {
  it("sends one email per click, at most three an hour per order", async () => {
    const resends = () => emailsTo(buyerA.email, `receipt:order:${orders.o1}:resend:`);
    const first = expectData<Reply>(
      await saleAction(orders.o1, { intent: "resend-receipt", clickId: "click-one-000001" }),
    );
    expect(first.data.done).toBe(`Receipt sent to ${buyerA.email}.`);
    // The same click twice (a double submit): still one email.
    await saleAction(orders.o1, { intent: "resend-receipt", clickId: "click-one-000001" });
    expect(await resends()).toHaveLength(1);
    expect((await resends())[0]?.text).toContain("Total paid: €12.00");

    await saleAction(orders.o1, { intent: "resend-receipt", clickId: "click-two-000002" });
    await saleAction(orders.o1, { intent: "resend-receipt", clickId: "click-three-0003" });
    const limited = await saleAction(orders.o1, { intent: "resend-receipt", clickId: "click-four-00004" });
    const refused = expectData<Reply>(limited);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(errors(refused.data)[0]).toMatch(
      /^Too many receipts for this order\. Try again in \d+ minutes?\.$/,
    );
    expect(await resends()).toHaveLength(3);
  });
});

describe("gifts", { timeout: 60_000 }, () => {
  it("gives a listing to an email once: account, GIFT access with a licence key, a sign-in email", async () => {
    const email = `gift-${Date.now().toString(36)}@example.com`;
    const given = expectData<Reply>(
      await salesAction({ intent: "gift", listingId: shop.listing.id, email: email.toUpperCase() }),
    );
    expect(given.status).toBe(200);
    expect(given.data.done).toContain(`is now in ${email}'s library`);
    const recipient = await prisma.user.findUniqueOrThrow({ where: { email } });
    const grants = await prisma.entitlement.findMany({
      where: { userId: recipient.id },
      include: { licenseKey: true },
    });
    expect(grants).toMatchObject([{ listingId: shop.listing.id, source: "GIFT", status: "ACTIVE" }]);
    expect(grants[0]?.licenseKey?.status).toBe("ACTIVE");
    const emails = await emailsTo(email);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toBe(`${shop.shop.name} gave you ${shop.listing.title}`);
    expect(emails[0]?.text).toMatch(/\/login\/verify\?token=/);

    const again = expectData<Reply>(await salesAction({ intent: "gift", listingId: shop.listing.id, email }));
    expect(again.status).toBe(200);
    expect(again.data.done).toContain("nothing was sent again");
    expect(await prisma.entitlement.count({ where: { userId: recipient.id } })).toBe(1);
    expect(await emailsTo(email)).toHaveLength(1);

    // Only given, never bought: a customer all the same, lifetime value 0, marked as a gift.
    const list = expectData(
      await callRoute(customersRoute.loader, requestAs(cookie, "/dashboard/customers")),
    ).data;
    expect(list.total).toBe(3);
    expect(list.customers.find((customer: { email: string }) => customer.email === email)).toMatchObject({
      id: recipient.id,
      orders: 0,
      lifetimeValue: [],
      giftOnly: true,
      purchases: [`${shop.listing.title} (gift)`],
    });

    // A buyer who already has it: refused, nothing given.
    const owner = expectData<Reply>(
      await salesAction({ intent: "gift", listingId: shop.listing.id, email: buyerA.email }),
    );
    expect(owner.status).toBe(409);
    expect(errors(owner.data)).toEqual([`${buyerA.email} already has this listing.`]);
  });

  it("answers 404 for another shop's listing and creates no account", async () => {
    const email = `nobody-${Date.now().toString(36)}@example.com`;
    const foreign = expectData<Reply>(
      await salesAction({ intent: "gift", listingId: other.listing.id, email }),
    );
    expect(foreign.status).toBe(404);
    expect(errors(foreign.data)).toEqual(["That listing does not exist in your shop."]);
    const draft = expectData<Reply>(await salesAction({ intent: "gift", listingId: draftId, email }));
    expect(draft.status).toBe(409);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    const bad = expectData<Reply>(
      await salesAction({ intent: "gift", listingId: shop.listing.id, email: "not-an-email" }),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.result.error?.email).toEqual(["Enter the recipient's email address"]);
  });
});
