// Publishing, unpublishing and duplicating listings; addresses that stay put and redirect when the
// seller changes them; plan subscribers gaining a newly published listing (and losing it again);
// what the listing page shows its own seller and a bundle's buyer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasActiveEntitlement } from "~/modules/delivery/entitlements.server.ts";
import * as listingPage from "~/routes/p.$slug/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { createPlanForSale, subscribe } from "../support/subscriptions.ts";
import { runWebhookJobs, settleWebhooks } from "../support/webhooks.ts";
import {
  createThroughEditor,
  editListing,
  editorTables,
  fieldErrors,
  grantAccess,
  promptFields,
  sellerShop,
} from "./listings-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const page = (cookie: string | null, slug: string) =>
  callRoute(listingPage.loader, requestAs(cookie, `/p/${slug}`), { slug });

describe("publishing", () => {
  it("refuses a paid listing while the shop cannot take payments, and says what to do", async () => {
    const shop = await sellerShop({ chargesEnabled: false });
    const listingId = await createThroughEditor(shop.cookie, promptFields());
    const before = await editorTables();
    const refused = expectData(await editListing(shop.cookie, listingId, { intent: "publish" }));
    expect(refused.status).toBe(409);
    expect(fieldErrors(refused.data)[""]).toEqual([
      "This shop cannot take payments yet: finish setting up payouts with Stripe (Dashboard → Payouts) before publishing a paid listing.",
    ]);
    expect(await editorTables()).toEqual(before);
  });

  it("publishes (version 1), shows it in the shop, and unpublishes", async () => {
    const shop = await sellerShop();
    const listingId = await createThroughEditor(shop.cookie, promptFields({ aiGenerated: "on" }));
    const published = expectData(await editListing(shop.cookie, listingId, { intent: "publish" }));
    expect(published.data.done).toEqual({ kind: "published", version: 1 });
    const listing = await prisma.listing.findUniqueOrThrow({
      where: { id: listingId },
      include: { versions: true },
    });
    expect(listing).toMatchObject({ status: "PUBLISHED", currentVersion: 1, publishedAt: expect.any(Date) });
    expect(listing.versions).toEqual([
      expect.objectContaining({ number: 1, changelog: "First release.", notifiedAt: null }),
    ]);

    // Visitors see Buy; the seller sees Edit; the AI disclosure is on the page.
    const visitor = expectData(await page(null, listing.slug));
    expect(visitor.data).toMatchObject({ isOwnListing: false, aiGenerated: true });
    const seller = expectData(await page(shop.cookie, listing.slug));
    expect(seller.data.isOwnListing).toBe(true);

    expect(expectData(await editListing(shop.cookie, listingId, { intent: "publish" })).status).toBe(409);

    const unpublished = expectData(await editListing(shop.cookie, listingId, { intent: "unpublish" }));
    expect(unpublished.data.done).toEqual({ kind: "unpublished" });
    expect((await prisma.listing.findUniqueOrThrow({ where: { id: listingId } })).status).toBe("DRAFT");
    expect(expectResponse(await page(null, listing.slug)).status).toBe(404);
    expect(expectData(await editListing(shop.cookie, listingId, { intent: "unpublish" })).status).toBe(409);

    // Published again: no new version, the content did not change.
    expect(expectData(await editListing(shop.cookie, listingId, { intent: "publish" })).data.done).toEqual({
      kind: "published",
      version: null,
    });
  });

  it("refuses a listing that is not complete for its type", async () => {
    const shop = await sellerShop();
    const template = await createThroughEditor(shop.cookie, promptFields({ type: "TEMPLATE", body: "" }));
    const refused = expectData(await editListing(shop.cookie, template, { intent: "publish" }));
    expect(refused.status).toBe(409);
    expect(fieldErrors(refused.data)[""]).toEqual([
      "Add the template's duplicate link (or its files) before publishing.",
    ]);
    expect((await prisma.listing.findUniqueOrThrow({ where: { id: template } })).status).toBe("DRAFT");
  });

  it("duplicates a listing as a draft copy with its content and prices, but not its files", async () => {
    const shop = await sellerShop();
    const listingId = await createThroughEditor(shop.cookie, promptFields({ title: "Cold outreach" }));
    const response = expectResponse(await editListing(shop.cookie, listingId, { intent: "duplicate" }));
    expect(response.status).toBe(302);
    const copyId = (response.headers.get("Location") ?? "").split("/")[3]?.split("?")[0] as string;
    const copy = await prisma.listing.findUniqueOrThrow({
      where: { id: copyId },
      include: { content: true, tiers: { include: { prices: true } }, files: true, examples: true },
    });
    expect(copy).toMatchObject({
      shopId: shop.shop.id,
      status: "DRAFT",
      title: "Copy of Cold outreach",
      slug: "copy-of-cold-outreach",
    });
    expect(copy.content?.body).toBe(promptFields().body);
    expect(copy.tiers).toEqual([
      expect.objectContaining({ name: "Standard", prices: [expect.objectContaining({ amount: 1200 })] }),
    ]);
    expect(copy.examples).toHaveLength(1);
    // The shop's original listing has a file; its copy does not share it.
    const fileCopy = expectResponse(await editListing(shop.cookie, shop.listing.id, { intent: "duplicate" }));
    const fileCopyId = (fileCopy.headers.get("Location") ?? "").split("/")[3]?.split("?")[0] as string;
    expect(await prisma.listingFile.count({ where: { listingId: fileCopyId } })).toBe(0);
  });
});

describe("addresses", () => {
  it("keep the slug when the title changes, change it on request and redirect old ones with a 301", async () => {
    const shop = await sellerShop();
    const other = await sellerShop();
    const listingId = await createThroughEditor(shop.cookie, promptFields({ title: "Launch email" }));
    await editListing(shop.cookie, listingId, { intent: "publish" });
    const save = (fields: Record<string, string>) =>
      editListing(shop.cookie, listingId, { ...promptFields(fields), intent: "save" });

    expect(expectData(await save({ title: "Launch email, improved" })).status).toBe(200);
    expect((await prisma.listing.findUniqueOrThrow({ where: { id: listingId } })).slug).toBe("launch-email");

    expect(expectData(await save({ slug: "launch-emails" })).status).toBe(200);
    expect((await prisma.listing.findUniqueOrThrow({ where: { id: listingId } })).slug).toBe("launch-emails");
    const moved = expectResponse(
      await callRoute(listingPage.loader, requestAs(null, "/p/launch-email?ref=x"), { slug: "launch-email" }),
    );
    expect(moved.status).toBe(301);
    expect(moved.headers.get("Location")).toBe("/p/launch-emails?ref=x");
    expect(expectData(await page(null, "launch-emails")).status).toBe(200);

    // Nobody else can take an address that still redirects, or the current one.
    const otherListing = await createThroughEditor(other.cookie, promptFields());
    for (const slug of ["launch-email", "launch-emails"]) {
      const taken = expectData(
        await editListing(other.cookie, otherListing, { ...promptFields({ slug }), intent: "save" }),
      );
      expect(taken.status).toBe(409);
      expect(fieldErrors(taken.data)).toEqual({ slug: ["This address is taken: choose another."] });
    }
    // Bad addresses are refused by the form.
    const bad = expectData(await save({ slug: "Not A Slug!" }));
    expect(fieldErrors(bad.data).slug).toEqual([
      "The address may use lowercase letters, digits and hyphens, starting with a letter or digit",
    ]);

    // Taking back its own old address works, and the newer one redirects instead.
    expect(expectData(await save({ slug: "launch-email" })).status).toBe(200);
    expect(await prisma.listingSlug.findMany({ where: { listingId }, select: { slug: true } })).toEqual([
      { slug: "launch-emails" },
    ]);
    expect(expectResponse(await page(null, "launch-emails")).headers.get("Location")).toBe("/p/launch-email");
  });
});

describe("plans", { timeout: 60_000 }, () => {
  it("give 'everything in my shop' subscribers a newly published listing at once, and take it away on unpublish", async () => {
    const sale = await createPlanForSale({ everything: true });
    const cookie = await signIn(sale.seller.id);
    const subscriber = await createUser();
    await subscribe(subscriber, sale.price.id);
    await settleWebhooks(app.sandbox);

    const listingId = await createThroughEditor(cookie, promptFields());
    expect(await hasActiveEntitlement(subscriber.id, listingId)).toBe(false);
    await editListing(cookie, listingId, { intent: "publish" });
    await runWebhookJobs();
    expect(await hasActiveEntitlement(subscriber.id, listingId)).toBe(true);

    await editListing(cookie, listingId, { intent: "unpublish" });
    await runWebhookJobs();
    expect(await hasActiveEntitlement(subscriber.id, listingId)).toBe(false);
  });
});

describe("bundles on the listing page", () => {
  it("tell a buyer which items they already own before they pay", async () => {
    const shop = await sellerShop();
    const second = await createThroughEditor(shop.cookie, promptFields({ title: "Second prompt" }));
    await editListing(shop.cookie, second, { intent: "publish" });
    const bundleId = await createThroughEditor(
      shop.cookie,
      promptFields({
        type: "BUNDLE",
        title: "Everything bundle",
        body: "",
        bundleItemIds: [shop.listing.id, second],
      }),
    );
    expect(expectData(await editListing(shop.cookie, bundleId, { intent: "publish" })).status).toBe(200);
    const buyer = await createUser();
    await grantAccess(buyer.id, shop.listing.id);
    const seen = expectData(await page(await signIn(buyer.id), "everything-bundle"));
    expect(seen.data.ownedBundleItemSlugs).toEqual([shop.listing.slug]);
    expect(seen.data.owned).toBe(false);
    expect(expectData(await page(null, "everything-bundle")).data.ownedBundleItemSlugs).toEqual([]);
  });
});
