// The library's list: one entry per listing (a bundle and an item it contains, a plan and a
// purchase), grouped by shop, each with where it came from; ended items apart with their reason;
// a search by title, shop or tagline in the URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupLibrary, listLibrary } from "~/modules/delivery/entitlements.server.ts";
import { grantEntitlements } from "~/modules/delivery/grants/core.server.ts";
import * as libraryIndex from "~/routes/library._index/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData } from "../support/routes.ts";
import { publishedListing, purchase, unique } from "./library-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

describe("the library", () => {
  it("lists a bundle's item once beside the bundle, a plan's listing once beside its purchase, grouped by shop", async () => {
    const alpha = await createListingForSale();
    await prisma.shop.update({ where: { id: alpha.shop.id }, data: { name: `Alpha ${unique()}` } });
    const zulu = await createListingForSale();
    await prisma.shop.update({ where: { id: zulu.shop.id }, data: { name: `Zulu ${unique()}` } });
    const { listing: item } = await publishedListing(alpha.shop.id, {
      title: "B item",
      tagline: "Haiku helper",
    });
    const { listing: bundle } = await publishedListing(alpha.shop.id, { type: "BUNDLE", title: "A bundle" });
    await prisma.bundleItem.create({ data: { bundleId: bundle.id, listingId: item.id } });
    const { listing: planned } = await publishedListing(zulu.shop.id, { title: "Planned prompt" });
    const { listing: refunded } = await publishedListing(zulu.shop.id, { title: "Refunded prompt" });

    const buyer = await prisma.user.create({ data: { email: `collector-${unique()}@example.com` } });
    // The item alone, then the bundle that contains it: two entitlements for the item.
    const single = await purchase(buyer.id, alpha.shop.id, [item.id]);
    const bundled = await purchase(buyer.id, alpha.shop.id, [bundle.id]);
    expect(bundled.entitlements.map((row) => row.source).sort()).toEqual(["BUNDLE", "ORDER_ITEM"]);
    // A plan's grant and a purchase of the same listing.
    const plan = await prisma.plan.create({
      data: { shopId: zulu.shop.id, name: "Zulu Club" },
    });
    const subscription = await prisma.subscription.create({
      data: {
        userId: buyer.id,
        planId: plan.id,
        status: "ACTIVE",
        stripeSubscriptionId: `sub_${unique()}`,
        currentPeriodEnd: new Date(Date.now() + 86_400_000),
      },
    });
    await prisma.$transaction((tx) =>
      grantEntitlements(tx, [
        {
          userId: buyer.id,
          listingId: planned.id,
          source: "SUBSCRIPTION",
          grantKey: `test-plan:${subscription.id}:${planned.id}`,
          subscriptionId: subscription.id,
        },
      ]),
    );
    const refundedOrder = await purchase(buyer.id, zulu.shop.id, [refunded.id]);
    await prisma.entitlement.updateMany({
      where: { id: { in: refundedOrder.entitlements.map((row) => row.id) } },
      data: { status: "REVOKED", revokedAt: new Date(), revokeReason: "REFUNDED" },
    });

    const entries = await listLibrary(buyer.id);
    expect(entries.map((entry) => entry.listing.title).sort()).toEqual([
      "A bundle",
      "B item",
      "Planned prompt",
      "Refunded prompt",
    ]);
    // The item bought on its own is the entry shown (owning it beats having it in a bundle).
    expect(entries.find((entry) => entry.listing.title === "B item")?.id).toBe(single.entitlements[0]?.id);

    const { data } = expectData(
      await callRoute(libraryIndex.loader, requestAs(await signIn(buyer.id), "/library")),
    );
    expect(
      data.shops.map(
        (shop: {
          name: string;
          items: { listing: { title: string }; source: string; planName: string | null }[];
        }) => [
          shop.name.split(" ")[0],
          shop.items.map((entry) => [entry.listing.title, entry.source, entry.planName]),
        ],
      ),
    ).toEqual([
      [
        "Alpha",
        [
          ["A bundle", "ORDER_ITEM", null],
          ["B item", "ORDER_ITEM", null],
        ],
      ],
      ["Zulu", [["Planned prompt", "SUBSCRIPTION", "Zulu Club"]]],
    ]);
    expect(data.ended).toEqual([
      expect.objectContaining({
        listing: expect.objectContaining({ title: "Refunded prompt" }),
        revokeReason: "REFUNDED",
      }),
    ]);

    // When only the bundle gives the item, the entry says so.
    await prisma.entitlement.update({
      where: { id: single.entitlements[0]?.id },
      data: { status: "REVOKED", revokedAt: new Date(), revokeReason: "REFUNDED" },
    });
    const afterRefund = groupLibrary(await listLibrary(buyer.id));
    expect(afterRefund.shops[0]?.items.map((entry) => [entry.listing.title, entry.source])).toEqual([
      ["A bundle", "ORDER_ITEM"],
      ["B item", "BUNDLE"],
    ]);
    expect(afterRefund.ended.map((entry) => entry.listing.title)).toEqual(["Refunded prompt"]);

    // A plan and a purchase of the same listing: one entry, the purchase.
    const bought = await purchase(buyer.id, zulu.shop.id, [planned.id]);
    const plannedEntries = (await listLibrary(buyer.id)).filter(
      (entry) => entry.listing.title === "Planned prompt",
    );
    expect(plannedEntries.map((entry) => [entry.id, entry.source])).toEqual([
      [bought.entitlements[0]?.id, "ORDER_ITEM"],
    ]);
  });

  it("searches titles, taglines and shop names in any case, from the URL", async () => {
    const sale = await createListingForSale();
    const shopName = `Nordlicht ${unique()}`;
    await prisma.shop.update({ where: { id: sale.shop.id }, data: { name: shopName } });
    const { listing: haiku } = await publishedListing(sale.shop.id, {
      title: "Haiku maker",
      tagline: "Short poems",
    });
    const { listing: essay } = await publishedListing(sale.shop.id, {
      title: "Essay grader",
      tagline: "Feedback in minutes",
    });
    const buyer = await prisma.user.create({ data: { email: `searcher-${unique()}@example.com` } });
    await purchase(buyer.id, sale.shop.id, [haiku.id, essay.id]);
    const cookie = await signIn(buyer.id);
    const search = async (q: string) => {
      const { data } = expectData(
        await callRoute(libraryIndex.loader, requestAs(cookie, `/library?q=${encodeURIComponent(q)}`)),
      );
      return [
        data.query,
        data.shops.flatMap((shop: { items: { listing: { title: string } }[] }) =>
          shop.items.map((entry) => entry.listing.title),
        ),
      ];
    };
    expect(await search("haiku")).toEqual(["haiku", ["Haiku maker"]]);
    expect(await search("FEEDBACK")).toEqual(["FEEDBACK", ["Essay grader"]]);
    expect(await search(`  ${shopName.toLowerCase()} `)).toEqual([
      shopName.toLowerCase(),
      ["Essay grader", "Haiku maker"],
    ]);
    expect(await search("%_\\")).toEqual(["%_\\", []]);
    expect(await search("nothing like this")).toEqual(["nothing like this", []]);
    const long = await search("x".repeat(500));
    expect((long[0] as string).length).toBe(100);
    expect(await search("")).toEqual(["", ["Essay grader", "Haiku maker"]]);
  });
});
