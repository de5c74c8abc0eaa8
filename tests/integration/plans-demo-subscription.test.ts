// The demo buyer's subscription (prisma/demo-subscription.ts): made on a freshly seeded demo shop
// the way a buyer subscribes, through Checkout on the sandbox, and recorded from Stripe.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDiskFileStore } from "~/integrations/storage.server.ts";
import { stripe } from "~/integrations/stripe.server.ts";
import { hasActiveEntitlement } from "~/modules/delivery/entitlements.server.ts";
import { resolvePlanListingIds } from "~/modules/plans/contents.server.ts";
import { syncPlansMissingFromStripe } from "~/modules/plans/stripe-sync.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { subscribeDemoBuyer } from "../../prisma/demo-subscription.ts";
import { seedDemoShop } from "../../prisma/seed.ts";
import { startTestApp } from "../support/app-env.ts";
import { settleWebhooks } from "../support/webhooks.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoShop(prisma, { fileStore: createDiskFileStore(mkdtempSync(join(tmpdir(), "stapel-demo-"))) });
  await syncPlansMissingFromStripe();
});
afterAll(async () => {
  await app.stop();
});

it("subscribes the demo buyer to Automation Lab through Stripe, once, and never again after it ended", async () => {
  const lines: string[] = [];
  const result = await subscribeDemoBuyer((line) => lines.push(line));
  expect(result).toMatchObject({ kind: "subscribed" });
  expect(lines).toEqual([
    "the demo buyer (buyer@stapel.test) subscribes to Automation Lab (Checkout on the sandbox, test card 4242)",
  ]);
  await settleWebhooks(app.sandbox);

  const buyer = await prisma.user.findUniqueOrThrow({ where: { email: "buyer@stapel.test" } });
  const subscription = await prisma.subscription.findFirstOrThrow({
    where: { userId: buyer.id },
    include: { plan: true, planPrice: true },
  });
  expect(subscription).toMatchObject({
    status: "TRIALING",
    grantsAccess: true,
    plan: { name: "Automation Lab" },
    planPrice: { interval: "MONTH", currency: "USD", amount: 1200 },
  });
  const atStripe = await stripe().subscriptions.retrieve(subscription.stripeSubscriptionId);
  expect(atStripe).toMatchObject({ status: "trialing", customer: buyer.stripeCustomerId });
  for (const listingId of await resolvePlanListingIds(subscription.planId)) {
    expect(await hasActiveEntitlement(buyer.id, listingId)).toBe(true);
  }
  // The plan's licence key is in use on one device, as the library and the seller's key page show.
  const planKey = await prisma.licenseKey.findUniqueOrThrow({
    where: { subscriptionId: subscription.id },
    include: { activations: true },
  });
  expect(planKey).toMatchObject({ status: "ACTIVE", userId: buyer.id, planId: subscription.planId });
  expect(planKey.activations.map((activation) => activation.instanceName)).toEqual(["Demo laptop"]);
  // The listing the browser journey buys as the demo buyer stays unowned.
  const journey = await prisma.listing.findUniqueOrThrow({ where: { slug: "landing-page-copy-architect" } });
  expect(await hasActiveEntitlement(buyer.id, journey.id)).toBe(false);

  expect(await subscribeDemoBuyer()).toEqual({ kind: "already-subscribed" });
  expect(await prisma.subscription.count()).toBe(1);

  // Whoever tried the demo cancelled it: the next start leaves it cancelled.
  await stripe().subscriptions.cancel(subscription.stripeSubscriptionId);
  await settleWebhooks(app.sandbox);
  expect(await prisma.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({
    status: "CANCELED",
    grantsAccess: false,
  });
  const quiet: string[] = [];
  expect(await subscribeDemoBuyer((line) => quiet.push(line))).toEqual({ kind: "ended-before" });
  expect(quiet).toEqual([]);
  expect(await prisma.subscription.count()).toBe(1);
});
