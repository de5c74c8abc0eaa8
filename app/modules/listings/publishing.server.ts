import { enqueueShopGrantSync } from "~/modules/billing/subscriptions/plan-grants.server.ts";
import { shopPaymentsReadiness } from "~/modules/payouts/readiness.ts";
import { parsePrompt } from "~/modules/prompts/variables.ts";
import { prisma } from "~/utils/db.server.ts";
import { freeSlugFor } from "./slugs.server.ts";
import { recordVersionIfChanged } from "./versions.server.ts";

/**
 * Draft → published → draft, and copies. Publishing and unpublishing queue the re-sync of the
 * shop's plans in the same transaction, so "everything in my shop" subscribers get a new listing at
 * once and lose an unpublished one (unless they bought it). The first publish records version 1.
 */

export type PublishRefusal =
  | { refusal: "not-found" }
  | { refusal: "already-published" }
  | { refusal: "not-published" }
  | { refusal: "payments-not-ready"; message: string }
  | { refusal: "incomplete"; message: string };

/**
 * Why the shop cannot take charges (Stripe Connect), or null when it can. A paid listing cannot be
 * published before: buyers would reach a checkout that cannot pay the seller. The payouts module's
 * one readiness rule decides, with its words for what to do.
 */
async function paymentsRefusal(shopId: string): Promise<string | null> {
  const shop = await prisma.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: {
      stripeAccountId: true,
      stripeChargesEnabled: true,
      stripePayoutsEnabled: true,
      stripeDetailsSubmitted: true,
      stripeRequirementsDue: true,
      stripeDisabledReason: true,
    },
  });
  const readiness = shopPaymentsReadiness(shop);
  return readiness.canTakeCharges ? null : (readiness.refusal ?? "This shop cannot take payments yet.");
}

/** What a listing of each type needs before buyers can have it; null when it is complete. */
async function missingForPublish(listingId: string, shopId: string): Promise<string | null> {
  const listing = await prisma.listing.findUniqueOrThrow({
    where: { id: listingId },
    select: {
      type: true,
      agentPlatform: true,
      content: { select: { body: true, templateUrl: true, guide: true } },
      _count: { select: { files: true } },
      bundleItems: {
        select: { listing: { select: { shopId: true, status: true, type: true, title: true } } },
      },
    },
  });
  switch (listing.type) {
    case "PROMPT": {
      const body = listing.content?.body ?? "";
      if (body.trim() === "") return "Write the prompt before publishing.";
      if (!parsePrompt(body).ok) return "Fix the prompt's variables before publishing.";
      return null;
    }
    case "TEMPLATE":
      return listing.content?.templateUrl || listing._count.files > 0
        ? null
        : "Add the template's duplicate link (or its files) before publishing.";
    case "AGENT":
      if (!listing.agentPlatform) return "Choose the agent's platform before publishing.";
      return (listing.content?.guide ?? "").trim() === "" && listing._count.files === 0
        ? "Add the setup guide (or the agent's files) before publishing."
        : null;
    case "BUNDLE": {
      const items = listing.bundleItems.map((item) => item.listing);
      const stale = items.find(
        (item) => item.shopId !== shopId || item.status !== "PUBLISHED" || item.type === "BUNDLE",
      );
      if (stale) return `"${stale.title}" is no longer published: take it out of the bundle first.`;
      return items.length < 2 ? "A bundle needs at least two listings." : null;
    }
  }
}

export async function publishListing(
  shopId: string,
  listingId: string,
): Promise<{ ok: true; version: number | null } | ({ ok: false } & PublishRefusal)> {
  const listing = await prisma.listing.findFirst({
    where: { id: listingId, shopId },
    select: { id: true, status: true, priceAmount: true, publishedAt: true },
  });
  if (!listing) return { ok: false, refusal: "not-found" };
  if (listing.status === "PUBLISHED") return { ok: false, refusal: "already-published" };
  const missing = await missingForPublish(listingId, shopId);
  if (missing) return { ok: false, refusal: "incomplete", message: missing };
  const cannotCharge = listing.priceAmount > 0 ? await paymentsRefusal(shopId) : null;
  if (cannotCharge) return { ok: false, refusal: "payments-not-ready", message: cannotCharge };
  const version = await prisma.$transaction(async (tx) => {
    // Conditional, so two publishes at once record one version.
    const moved = await tx.listing.updateMany({
      where: { id: listingId, status: { not: "PUBLISHED" } },
      data: { status: "PUBLISHED", publishedAt: listing.publishedAt ?? new Date() },
    });
    if (moved.count === 0) return null;
    const number = await recordVersionIfChanged(tx, listingId, "");
    await enqueueShopGrantSync(tx, shopId);
    return number;
  });
  return { ok: true, version };
}

export async function unpublishListing(
  shopId: string,
  listingId: string,
): Promise<{ ok: true } | { ok: false; refusal: "not-found" | "not-published" }> {
  const listing = await prisma.listing.findFirst({
    where: { id: listingId, shopId },
    select: { status: true },
  });
  if (!listing) return { ok: false, refusal: "not-found" };
  if (listing.status !== "PUBLISHED") return { ok: false, refusal: "not-published" };
  await prisma.$transaction(async (tx) => {
    await tx.listing.updateMany({ where: { id: listingId, status: "PUBLISHED" }, data: { status: "DRAFT" } });
    await enqueueShopGrantSync(tx, shopId);
  });
  return { ok: true };
}

/**
 * A draft copy: storefront fields, paid text, text examples, bundle items, tiers and prices. Files
 * and images are not copied (the copy would share stored objects that deleting one would break);
 * the seller uploads them again.
 */
export async function duplicateListing(
  shopId: string,
  listingId: string,
): Promise<{ ok: true; listingId: string } | { ok: false; refusal: "not-found" }> {
  const source = await prisma.listing.findFirst({
    where: { id: listingId, shopId },
    select: {
      type: true,
      title: true,
      tagline: true,
      description: true,
      teaser: true,
      aiModels: true,
      category: true,
      priceAmount: true,
      currency: true,
      pricingMode: true,
      aiGenerated: true,
      compatibleApps: true,
      agentPlatform: true,
      requiredTools: true,
      content: {
        select: { body: true, instructions: true, modelNotes: true, templateUrl: true, guide: true },
      },
      examples: {
        where: { imageId: null },
        orderBy: { position: "asc" },
        select: { input: true, output: true },
      },
      bundleItems: { select: { listingId: true } },
      tiers: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: {
          name: true,
          position: true,
          licenseText: true,
          activationLimit: true,
          prices: { select: { currency: true, amount: true, suggestedAmount: true } },
        },
      },
    },
  });
  if (!source) return { ok: false, refusal: "not-found" };
  const { content, examples, bundleItems, tiers, ...columns } = source;
  const copyId = await prisma.$transaction(async (tx) => {
    const title = `Copy of ${columns.title}`.slice(0, 100);
    const copy = await tx.listing.create({
      data: {
        ...columns,
        shopId,
        title,
        slug: await freeSlugFor(tx, title),
        status: "DRAFT",
        ...(content && { content: { create: content } }),
        examples: { create: examples.map((example, position) => ({ ...example, position })) },
        bundleItems: { create: bundleItems.map((item) => ({ listingId: item.listingId })) },
      },
      select: { id: true },
    });
    for (const tier of tiers) {
      const { prices, ...tierColumns } = tier;
      await tx.licenseTier.create({
        data: { ...tierColumns, listingId: copy.id, prices: { create: prices } },
      });
    }
    return copy.id;
  });
  return { ok: true, listingId: copyId };
}
