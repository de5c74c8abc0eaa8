// The people and things every security test needs: two buyers with a paid order each, two sellers
// with a shop and a published listing (paid text plus a file), an admin, and spare paid orders
// for refunds. Seeded with Prisma and the real checkout code; sessions by the real sign-in code.
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import { createDownloadPath } from "~/modules/delivery/download-links.server.ts";
import { ensureBuyerCode } from "~/modules/delivery/fingerprint.server.ts";
import { uploadImage } from "~/modules/media/images.server.ts";
import { createUpload } from "~/modules/media/uploads.server.ts";
import { createPlan } from "~/modules/plans/seller-plans.server.ts";
import { saveReview } from "~/modules/reviews/reviews.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout } from "../../support/app-env.ts";
import { createListingForSale, signIn } from "../../support/fixtures.ts";
import { subscribe } from "../../support/subscriptions.ts";
import { settleWebhooks } from "../../support/webhooks.ts";
import type { SecurityServer } from "./server.ts";

export const PRINCIPALS = ["anonymous", "buyerA", "buyerB", "sellerA", "sellerB", "admin"] as const;
export type Principal = (typeof PRINCIPALS)[number];
export type Member = Exclude<Principal, "anonymous">;

type Seller = Awaited<ReturnType<typeof createListingForSale>>;

export type Purchase = {
  orderId: string;
  checkoutSessionId: string;
  entitlementId: string;
  licenseKey: string;
  /** The licence key's row id (the seller's key page, the buyer's "Free this device"). */
  licenseKeyId: string;
  /** A signed download link for the listing's file, as the library page makes it. */
  downloadPath: string;
};

export type WorldPlan = { id: string; handle: string; priceId: string };

export type World = {
  server: SecurityServer;
  users: Record<Member, { id: string; email: string }>;
  shopA: Seller;
  shopB: Seller;
  /** Shop A's plan and shop B's (everything in the shop, monthly in EUR), on sale in Stripe. */
  planA: WorldPlan;
  planB: WorldPlan;
  /** Buyer A subscribes to shop A's plan (monthly, paid with 4242): the account page's subscription. */
  subscriptionA: { id: string; invoiceId: string };
  /** buyer A bought shop A's listing; buyer B bought shop B's. */
  purchaseA: Purchase;
  purchaseB: Purchase;
  /**
   * A correctly signed download link that pairs buyer B's entitlement (shop B's listing) with shop
   * A's file: the signature is fine, the entitlement does not cover the file.
   */
  crossLinkBtoA: string;
  /** Paid orders of shop A (bought by helper accounts) that tests may refund, one per use. */
  refundableOrderIdsA: string[];
  /** Shop A's unfinished upload (nothing received yet) and one of its images (widths 320 and 640). */
  mediaA: { uploadId: string; imageId: string };
  /** Reviews and reports (issue 9): buyer A's review of shop A's listing; an open report of shop B's. */
  reviewA: string;
  listingReportB: string;
  /** A fresh session cookie (`name=value`) for a principal, null for anonymous. */
  cookie(principal: Principal): Promise<string | null>;
  /** The headers a browser sends with a form from one of our own pages (Origin, Sec-Fetch-Site). */
  sameOrigin: Record<string, string>;
  /** A paid order for `buyerId` of `listingId`, through the sandbox's hosted page and its webhooks. */
  buy(buyer: { id: string; email: string }, listingId: string): Promise<Purchase>;
};

export async function seedWorld(
  server: SecurityServer,
  options: { refundable?: number } = {},
): Promise<World> {
  const shopA = await createListingForSale({ priceAmount: 1200, currency: "EUR" });
  const shopB = await createListingForSale({ priceAmount: 2500, currency: "EUR" });
  const user = (email: string, role: "BUYER" | "ADMIN" = "BUYER") =>
    prisma.user.create({ data: { email, role }, select: { id: true, email: true } });
  const users: Record<Member, { id: string; email: string }> = {
    buyerA: await user("buyer-a@example.com"),
    buyerB: await user("buyer-b@example.com"),
    sellerA: { id: shopA.seller.id, email: shopA.seller.email },
    sellerB: { id: shopB.seller.id, email: shopB.seller.email },
    admin: await user("admin@example.com", "ADMIN"),
  };

  const buy = async (buyer: { id: string; email: string }, listingId: string): Promise<Purchase> => {
    const started = await startCheckout(buyer, listingId);
    if (started.kind !== "redirect-to-stripe") throw new Error(`checkout did not start: ${started.kind}`);
    const paid = await payHostedCheckout(started.url, "4242424242424242", buyer.email);
    if (paid.status !== 303) throw new Error(`the sandbox refused the payment: ${paid.status} ${paid.body}`);
    // The webhook stores each event and queues its job; run them as the worker would.
    await settleWebhooks(server.sandbox);
    const order = await prisma.order.findFirstOrThrow({
      where: { buyerId: buyer.id, status: "PAID", items: { some: { listingId } } },
      orderBy: { createdAt: "desc" },
      include: { items: { include: { entitlements: { include: { licenseKey: true } } } } },
    });
    const entitlement = order.items[0]?.entitlements[0];
    if (!entitlement?.licenseKey || !order.stripeCheckoutSessionId)
      throw new Error(`order ${order.id} was paid but not fulfilled`);
    const file = await prisma.listingFile.findFirstOrThrow({ where: { listingId } });
    // The library gives a buyer their leak-tracing code on the first visit: give it now, so the
    // corpus's GETs of the library page change nothing.
    await ensureBuyerCode(entitlement.id);
    return {
      orderId: order.id,
      checkoutSessionId: order.stripeCheckoutSessionId,
      entitlementId: entitlement.id,
      licenseKey: entitlement.licenseKey.key,
      licenseKeyId: entitlement.licenseKey.id,
      // Valid for DOWNLOAD_LINK_TTL_SECONDS; a day here so slow runs do not see it expire.
      downloadPath: createDownloadPath(
        { userId: buyer.id, entitlementId: entitlement.id, fileId: file.id },
        Date.now() + 24 * 60 * 60 * 1000,
      ),
    };
  };

  const plan = async (shop: Seller): Promise<WorldPlan> => {
    const saved = await createPlan(shop.shop.id, {
      name: `Membership of ${shop.shop.name}`,
      description: "Everything in the shop.",
      grants: "everything",
      categories: [],
      listingIds: [],
      priceMonthEur: 900,
      priceMonthUsd: null,
      priceYearEur: null,
      priceYearUsd: null,
      trialDays: 0,
      moveSubscribers: false,
    });
    if (!saved.stripe.ok) throw new Error(`the plan did not reach Stripe: ${saved.stripe.message}`);
    const price = await prisma.planPrice.findFirstOrThrow({ where: { planId: saved.planId } });
    return { id: saved.planId, handle: shop.shop.handle, priceId: price.id };
  };
  const planA = await plan(shopA);
  const planB = await plan(shopB);

  const purchaseA = await buy(users.buyerA, shopA.listing.id);
  await subscribe(users.buyerA, planA.priceId);
  await settleWebhooks(server.sandbox);
  const subscription = await prisma.subscription.findFirstOrThrow({
    where: { userId: users.buyerA.id, planId: planA.id, status: "ACTIVE" },
    select: { id: true, invoices: { select: { id: true } } },
  });
  const invoiceId = subscription.invoices[0]?.id;
  if (!invoiceId) throw new Error(`subscription ${subscription.id} was paid but has no invoice`);
  const subscriptionA = { id: subscription.id, invoiceId };
  const purchaseB = await buy(users.buyerB, shopB.listing.id);
  const refundableOrderIdsA: string[] = [];
  for (let index = 0; index < (options.refundable ?? 0); index++) {
    const helper = await user(`refund-helper-${index}@example.com`);
    refundableOrderIdsA.push((await buy(helper, shopA.listing.id)).orderId);
  }

  const mediaA = await seedMedia(shopA);
  const { reviewA, listingReportB } = await seedReviewsAndReports(users, shopA, shopB);

  // From here on, webhooks (refunds) reach the app through the real HTTP server.
  server.deliverWebhooksOverHttp();
  const origin = new URL(server.appUrl).origin;
  return {
    server,
    users,
    shopA,
    shopB,
    planA,
    planB,
    purchaseA,
    purchaseB,
    subscriptionA,
    refundableOrderIdsA,
    mediaA,
    reviewA,
    listingReportB,
    crossLinkBtoA: createDownloadPath(
      { userId: users.buyerB.id, entitlementId: purchaseB.entitlementId, fileId: shopA.file.id },
      Date.now() + 24 * 60 * 60 * 1000,
    ),
    async cookie(principal) {
      return principal === "anonymous" ? null : signIn(users[principal].id);
    },
    sameOrigin: { Origin: origin, "Sec-Fetch-Site": "same-origin" },
    buy,
  };
}

async function seedMedia(shop: Seller): Promise<World["mediaA"]> {
  const upload = await createUpload(shop.shop.id, {
    listingId: shop.listing.id,
    fileName: "workbook.pdf",
    sizeBytes: 1000,
  });
  const { default: sharp } = await import("sharp");
  const png = await sharp({ create: { width: 700, height: 400, channels: 3, background: "#225588" } })
    .png()
    .toBuffer();
  const image = await uploadImage(shop.shop.id, { bytes: png, alt: "A blue cover" });
  if (!upload.ok || !image.ok) throw new Error("could not seed shop A's upload and image");
  return { uploadId: upload.upload.id, imageId: image.image.id };
}

// Reviews and reports (issue 9): written through the review module, so the kept rating counts it.
async function seedReviewsAndReports(users: Record<Member, { id: string }>, shopA: Seller, shopB: Seller) {
  const saved = await saveReview(users.buyerA.id, shopA.listing.id, {
    rating: 4,
    body: "Good openers; two of five got replies.",
  });
  if (!saved.ok) throw new Error(`buyer A could not review shop A's listing: ${saved.message}`);
  const review = await prisma.review.findFirstOrThrow({
    where: { listingId: shopA.listing.id, userId: users.buyerA.id },
  });
  const report = await prisma.listingReport.create({
    data: {
      listingId: shopB.listing.id,
      reporterEmail: "reporter@example.com",
      kind: "COPYRIGHT",
      details: "Copied from my blog post.",
    },
  });
  return { reviewA: review.id, listingReportB: report.id };
}
