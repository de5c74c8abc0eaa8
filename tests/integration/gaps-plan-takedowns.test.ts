// Plans and takedowns: a listing an admin takes down is no longer granted by a plan to anyone who did
// not hold it then (a new subscriber, or one whose access ended and came back), while a subscriber
// who held it keeps it, as buyers keep theirs; an admin's restore offers it again (the restore
// queues the shop's plan re-sync). Through the real report, takedown and grant-sync modules.
import { describe, expect, it } from "vitest";
import { refreshSubscriptionAccess } from "~/modules/billing/subscriptions/access.server.ts";
import { syncPlanGrants } from "~/modules/billing/subscriptions/plan-grants.server.ts";
import { runDueJobs } from "~/modules/jobs/worker.server.ts";
import { reportListing, restoreListing, takeDownListing } from "~/modules/reports/listing-reports.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { testEnv } from "../support/test-env.ts";
import { createShopForPlans } from "./plans-fixtures.ts";
import { admin, createUser } from "./reviews-fixtures.ts";

Object.assign(process.env, testEnv);

async function subscribe(planId: string) {
  const user = await createUser();
  const subscription = await prisma.subscription.create({
    data: {
      userId: user.id,
      planId,
      stripeSubscriptionId: `sub_gaps_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
      status: "ACTIVE",
      grantsAccess: false,
    },
  });
  await sync(subscription.id);
  return { user, subscription };
}

/** What the subscription's webhooks and renewals run: one subscription's grants made right. */
const sync = (subscriptionId: string) =>
  prisma.$transaction((tx) => refreshSubscriptionAccess(tx, subscriptionId, new Date()));

const held = async (subscriptionId: string) =>
  (
    await prisma.entitlement.findMany({
      where: { subscriptionId, status: "ACTIVE" },
      select: { listingId: true },
      orderBy: { listingId: "asc" },
    })
  )
    .map((row) => row.listingId)
    .sort();

async function takeDown(listingId: string) {
  const reporter = await createUser();
  await reportListing({
    listingId,
    reporter,
    email: undefined,
    kind: "COPYRIGHT",
    details: "This copies my published prompt word for word.",
  });
  const report = await prisma.listingReport.findFirstOrThrow({ where: { listingId, status: "OPEN" } });
  const { user } = await admin();
  expect(await takeDownListing(user.id, report.id, "Copied from another seller's listing.")).toEqual({
    ok: true,
  });
  return report.id;
}

describe("a plan and a listing taken down", { timeout: 60_000 }, () => {
  it("is kept by a subscriber who held it, and not granted to one who subscribes after", async () => {
    const shop = await createShopForPlans();
    const plan = await prisma.plan.create({
      data: { shopId: shop.shop.id, name: "Design club", includedCategories: ["Design"] },
    });
    const before = await subscribe(plan.id);
    expect(await held(before.subscription.id)).toEqual([shop.designA.id, shop.designB.id].sort());

    const reportId = await takeDown(shop.designA.id);
    await syncPlanGrants(plan.id);
    const after = await subscribe(plan.id);
    expect(await held(after.subscription.id)).toEqual([shop.designB.id]);
    // The earlier subscriber keeps it through every later sync (a renewal, a plan change).
    await syncPlanGrants(plan.id);
    expect(await held(before.subscription.id)).toEqual([shop.designA.id, shop.designB.id].sort());

    // Access that ends and comes back is a new start: the taken-down listing does not return.
    await prisma.subscription.update({ where: { id: before.subscription.id }, data: { status: "CANCELED" } });
    await sync(before.subscription.id);
    expect(await held(before.subscription.id)).toEqual([]);
    await prisma.subscription.update({ where: { id: before.subscription.id }, data: { status: "ACTIVE" } });
    await sync(before.subscription.id);
    expect(await held(before.subscription.id)).toEqual([shop.designB.id]);

    // Restored: the restore queues the shop's re-sync, and every subscriber gets it again.
    expect(await restoreListing(reportId)).toEqual({ ok: true });
    await runDueJobs(process.env.DATABASE_URL as string, { only: ["sync-shop-grants"] });
    expect(await held(after.subscription.id)).toEqual([shop.designA.id, shop.designB.id].sort());
    expect(await held(before.subscription.id)).toEqual([shop.designA.id, shop.designB.id].sort());
  });

  it("does not grant a taken-down listing through a bundle the plan covers, unless it was held", async () => {
    const shop = await createShopForPlans();
    const bundle = await prisma.listing.create({
      data: {
        shopId: shop.shop.id,
        slug: `bundle-${shop.designA.slug}`,
        type: "BUNDLE",
        status: "PUBLISHED",
        publishedAt: new Date(),
        title: "Both designs",
        tagline: "A bundle",
        description: "Both design templates.",
        category: "Bundles",
        priceAmount: 1500,
        currency: "EUR",
        bundleItems: { create: [{ listingId: shop.designA.id }, { listingId: shop.designB.id }] },
      },
    });
    const plan = await prisma.plan.create({
      data: { shopId: shop.shop.id, name: "Bundle club", listings: { create: [{ listingId: bundle.id }] } },
    });
    const before = await subscribe(plan.id);
    expect(await held(before.subscription.id)).toEqual([bundle.id, shop.designA.id, shop.designB.id].sort());

    await takeDown(shop.designA.id);
    const after = await subscribe(plan.id);
    expect(await held(after.subscription.id)).toEqual([bundle.id, shop.designB.id].sort());
    await syncPlanGrants(plan.id);
    expect(await held(before.subscription.id)).toEqual([bundle.id, shop.designA.id, shop.designB.id].sort());
  });
});
