// Search at scale (ADR 32): each listing's price in EUR and USD kept by the database from its own
// price and its first tier's prices, and the catalogue-wide counts each app server remembers until
// the page cache's notification empties them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchMemo } from "~/modules/catalog/search-memo.server.ts";
import * as searchRoute from "~/routes/search/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { listenForPageChanges } from "../../server/http/page-cache-invalidation.ts";
import { requestAs } from "../support/fixtures.ts";
import { callRoute, expectData } from "../support/routes.ts";
import { createSearchListing, createSearchShop, unique } from "./search-fixtures.ts";

const prices = (id: string) =>
  prisma.listing.findUniqueOrThrow({ where: { id }, select: { priceEur: true, priceUsd: true } });

describe("the price in each currency", () => {
  it("follows the listing's own price and its first tier's prices through every edit", async () => {
    const shop = await createSearchShop();
    const listing = await createSearchListing(shop.id, {
      title: "Kept prices",
      prices: [{ currency: "EUR", amount: 900 }],
    });
    expect(await prices(listing.id)).toEqual({ priceEur: 900, priceUsd: null });
    const first = await prisma.licenseTier.findFirstOrThrow({ where: { listingId: listing.id } });

    await prisma.tierPrice.create({ data: { tierId: first.id, currency: "USD", amount: 1000 } });
    expect(await prices(listing.id)).toEqual({ priceEur: 900, priceUsd: 1000 });

    await prisma.tierPrice.update({
      where: { tierId_currency: { tierId: first.id, currency: "USD" } },
      data: { amount: 1200 },
    });
    expect(await prices(listing.id)).toEqual({ priceEur: 900, priceUsd: 1200 });

    // A second tier does not move the shown price; archiving the first makes it the first.
    const second = await prisma.licenseTier.create({
      data: {
        listingId: listing.id,
        name: "Commercial",
        position: 1,
        prices: { create: [{ currency: "USD", amount: 5000 }] },
      },
    });
    expect(await prices(listing.id)).toEqual({ priceEur: 900, priceUsd: 1200 });
    await prisma.licenseTier.update({ where: { id: first.id }, data: { archivedAt: new Date() } });
    expect(await prices(listing.id)).toEqual({ priceEur: 900, priceUsd: 5000 });

    await prisma.tierPrice.delete({ where: { tierId_currency: { tierId: second.id, currency: "USD" } } });
    expect(await prices(listing.id)).toEqual({ priceEur: 900, priceUsd: null });

    // The listing's own price (kept by the editor) is the price in its own currency.
    await prisma.listing.update({ where: { id: listing.id }, data: { priceAmount: 700 } });
    expect(await prices(listing.id)).toEqual({ priceEur: 700, priceUsd: null });
    await prisma.tierPrice.create({ data: { tierId: second.id, currency: "EUR", amount: 4500 } });
    await prisma.listing.update({ where: { id: listing.id }, data: { currency: "USD", priceAmount: 5000 } });
    expect(await prices(listing.id)).toEqual({ priceEur: 4500, priceUsd: 5000 });

    // Nobody can write a wrong value: the columns are recomputed on every write.
    await prisma.listing.update({ where: { id: listing.id }, data: { priceEur: 1, priceUsd: 2 } });
    expect(await prices(listing.id)).toEqual({ priceEur: 4500, priceUsd: 5000 });

    await prisma.licenseTier.delete({ where: { id: second.id } });
    expect(await prices(listing.id)).toEqual({ priceEur: null, priceUsd: 5000 });
    await prisma.listing.delete({ where: { id: listing.id } });
  });

  it("is what search sorts and filters by right after a price edit", async () => {
    const shop = await createSearchShop();
    const tag = `kept${unique()}`;
    const cheap = await createSearchListing(shop.id, {
      title: "Was cheap",
      tags: [tag],
      prices: [{ currency: "USD", amount: 300 }],
    });
    await createSearchListing(shop.id, {
      title: "Middle",
      tags: [tag],
      prices: [{ currency: "USD", amount: 800 }],
    });
    const titles = async (query: string) => {
      const { page } = expectData(
        await callRoute(searchRoute.loader, requestAs(null, `/search?${query}`)),
      ).data;
      return (page.results as { title: string }[]).map((result) => result.title);
    };
    expect(await titles(`q=${tag}&sort=price-asc&currency=USD`)).toEqual(["Was cheap", "Middle"]);
    const tier = await prisma.licenseTier.findFirstOrThrow({ where: { listingId: cheap.id } });
    await prisma.$transaction([
      prisma.tierPrice.update({
        where: { tierId_currency: { tierId: tier.id, currency: "USD" } },
        data: { amount: 2900 },
      }),
      prisma.listing.update({ where: { id: cheap.id }, data: { priceAmount: 2900 } }),
    ]);
    expect(await titles(`q=${tag}&sort=price-asc&currency=USD`)).toEqual(["Middle", "Was cheap"]);
    expect(await titles(`q=${tag}&price=25-50&currency=USD`)).toEqual(["Was cheap"]);
    expect(await titles(`q=${tag}&price=25-50&currency=EUR`)).toEqual([]);
  });
});

describe("the sales per listing and day", () => {
  const sold = async (listingId: string) =>
    (await prisma.listingDailySales.findMany({ where: { listingId } })).reduce(
      (sum, row) => sum + row.quantity,
      0,
    );

  it("count paid and partly refunded orders' items, from payment to refund or deletion", async () => {
    const shop = await createSearchShop();
    const listing = await createSearchListing(shop.id, { title: "Sells" });
    const buyer = await prisma.user.create({ data: { email: `sales-${unique()}@example.com` } });
    const order = await prisma.order.create({
      data: {
        shopId: shop.id,
        buyerId: buyer.id,
        email: buyer.email,
        status: "PENDING",
        currency: "EUR",
        subtotalAmount: 1800,
        totalAmount: 1800,
        items: {
          create: { listingId: listing.id, title: "Sells", unitAmount: 900, quantity: 2, currency: "EUR" },
        },
      },
    });
    expect(await sold(listing.id)).toBe(0);
    const paidAt = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await prisma.order.update({ where: { id: order.id }, data: { status: "PAID", paidAt } });
    expect(await sold(listing.id)).toBe(2);
    const day = await prisma.listingDailySales.findFirstOrThrow({ where: { listingId: listing.id } });
    expect(day.day.toISOString().slice(0, 10)).toBe(paidAt.toISOString().slice(0, 10));
    await prisma.order.update({ where: { id: order.id }, data: { status: "PARTIALLY_REFUNDED" } });
    expect(await sold(listing.id)).toBe(2);
    await prisma.orderItem.create({
      data: {
        orderId: order.id,
        listingId: listing.id,
        title: "Sells",
        unitAmount: 900,
        quantity: 1,
        currency: "EUR",
      },
    });
    expect(await sold(listing.id)).toBe(3);
    await prisma.order.update({ where: { id: order.id }, data: { status: "REFUNDED" } });
    expect(await sold(listing.id)).toBe(0);
    await prisma.order.update({ where: { id: order.id }, data: { status: "PAID" } });
    expect(await sold(listing.id)).toBe(3);
    await prisma.order.delete({ where: { id: order.id } });
    expect(await sold(listing.id)).toBe(0);
  });
});

describe("catalogue-wide counts remembered by each app server", () => {
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const pages = { clear() {}, setEnabled() {} };
    const listening = await listenForPageChanges(process.env.DATABASE_URL as string, pages);
    stop = () => listening.close();
  });
  afterAll(async () => {
    await stop?.();
  });

  /** Waits until the change's notification has emptied the remembered counts. */
  async function settled(clearsBefore: number) {
    for (let tries = 0; tries < 100 && searchMemo.stats.clears <= clearsBefore; tries++) {
      await new Promise((done) => setTimeout(done, 50));
    }
    expect(searchMemo.stats.clears).toBeGreaterThan(clearsBefore);
  }

  /** Waits until no notification has emptied the memory for a while. */
  async function quiet() {
    let seen = -1;
    while (seen !== searchMemo.stats.clears) {
      seen = searchMemo.stats.clears;
      await new Promise((done) => setTimeout(done, 300));
    }
  }

  async function landing(category: string) {
    const { page } = expectData(
      await callRoute(searchRoute.loader, requestAs(null, `/search?category=${category}&currency=EUR`)),
    ).data;
    return page as {
      total: number;
      facets: Record<string, { value: string; count: number }[]>;
      results: { title: string }[];
    };
  }
  const count = (facets: { value: string; count: number }[] | undefined, value: string) =>
    facets?.find((entry) => entry.value === value)?.count ?? 0;

  it("stay right after publish, unpublish, takedowns, reviews and price edits", async () => {
    const shop = await createSearchShop();
    const category = `Scale${unique()}`;
    const one = await createSearchListing(shop.id, { title: "Counted one", category });
    const two = await createSearchListing(shop.id, {
      title: "Counted two",
      category,
      status: "DRAFT",
      prices: [{ currency: "EUR", amount: 3000 }],
    });

    // The setup's own notifications arrive after its commits (on PostgreSQL, over the listening
    // connection): let them empty the memory first, so the second read below must be a hit.
    await quiet();
    const hitsBefore = searchMemo.stats.hits;
    expect((await landing(category)).total).toBe(1);
    expect((await landing(category)).total).toBe(1);
    expect(searchMemo.stats.hits).toBeGreaterThan(hitsBefore);

    let clears = searchMemo.stats.clears;
    await prisma.listing.update({
      where: { id: two.id },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    await settled(clears);
    let page = await landing(category);
    expect(page.total).toBe(2);
    expect(count(page.facets.price, "25-50")).toBe(1);
    expect(page.results.map((result) => result.title).sort()).toEqual(["Counted one", "Counted two"]);

    clears = searchMemo.stats.clears;
    await prisma.listing.update({ where: { id: one.id }, data: { ratingCount: 1, ratingSum: 5 } });
    await settled(clears);
    page = await landing(category);
    expect(count(page.facets.rating, "4")).toBe(1);

    clears = searchMemo.stats.clears;
    const tier = await prisma.licenseTier.findFirstOrThrow({ where: { listingId: two.id } });
    await prisma.tierPrice.update({
      where: { tierId_currency: { tierId: tier.id, currency: "EUR" } },
      data: { amount: 6000 },
    });
    await prisma.listing.update({ where: { id: two.id }, data: { priceAmount: 6000 } });
    await settled(clears);
    page = await landing(category);
    expect(count(page.facets.price, "25-50")).toBe(0);
    expect(count(page.facets.price, "50-")).toBe(1);

    clears = searchMemo.stats.clears;
    await prisma.listing.update({ where: { id: one.id }, data: { takenDownAt: new Date() } });
    await settled(clears);
    page = await landing(category);
    expect(page.total).toBe(1);
    expect(count(page.facets.rating, "4")).toBe(0);

    clears = searchMemo.stats.clears;
    await prisma.listing.update({ where: { id: two.id }, data: { status: "ARCHIVED" } });
    await settled(clears);
    expect((await landing(category)).total).toBe(0);
  });
});
