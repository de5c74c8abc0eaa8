import type { PricingMode } from "~/generated/prisma/enums.ts";
import { renderMarkdown } from "~/modules/markdown/render.server.ts";
import { prisma, type Tx } from "~/utils/db.server.ts";
import { MAX_TIERS, type TierFormValue } from "./forms.ts";

/**
 * A listing's licence tiers and prices, edited on its pricing page. Every change runs in one
 * transaction that also keeps `Listing.priceAmount`/`currency` in step (the storefront shows and
 * sorts by it): the first tier's price in the shop's default currency, else its first price; 0 for a
 * free listing. Another shop's listing or tier is "not-found", like a missing one.
 */

export type PricingRefusal = "not-found" | "last-tier" | "too-many-tiers" | "tiers-need-prices";
export type PricingResult = { ok: true } | { ok: false; refusal: PricingRefusal };

export const pricingRefusalMessage: Record<PricingRefusal, string> = {
  "not-found": "This listing or tier does not exist.",
  "last-tier": "A listing needs at least one tier: add another before archiving this one.",
  "too-many-tiers": `A listing can have at most ${MAX_TIERS} tiers.`,
  "tiers-need-prices": "Give every tier a price (or a minimum) first, then switch the pricing mode.",
};

const tierSelect = {
  id: true,
  name: true,
  position: true,
  licenseText: true,
  activationLimit: true,
  prices: { select: { currency: true, amount: true, suggestedAmount: true }, orderBy: { currency: "asc" } },
} as const;

/** The pricing page: the listing's mode and its tiers (archived ones are left out). */
export async function getPricingPage(shopId: string, listingId: string) {
  const listing = await prisma.listing.findFirst({
    where: { id: listingId, shopId },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      pricingMode: true,
      priceAmount: true,
      currency: true,
      shop: { select: { defaultCurrency: true } },
      tiers: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: tierSelect },
    },
  });
  if (!listing) return null;
  return {
    ...listing,
    tiers: listing.tiers.map((tier) => ({ ...tier, licenseHtml: renderMarkdown(tier.licenseText) })),
  };
}

async function ownListing(tx: Tx, shopId: string, listingId: string) {
  await tx.$executeRaw`SELECT id FROM "Listing" WHERE id = ${listingId} FOR UPDATE`;
  return tx.listing.findFirst({
    where: { id: listingId, shopId },
    select: { id: true, pricingMode: true, shop: { select: { defaultCurrency: true } } },
  });
}

/** Creates or edits a tier with its prices. Prices left empty are removed. */
export async function saveTier(
  shopId: string,
  listingId: string,
  value: TierFormValue,
): Promise<PricingResult> {
  return prisma.$transaction(async (tx) => {
    const listing = await ownListing(tx, shopId, listingId);
    if (!listing) return { ok: false, refusal: "not-found" };
    let tierId = value.tierId;
    const columns = {
      name: value.name,
      licenseText: value.licenseText,
      activationLimit: value.activationLimit,
    };
    if (tierId) {
      const updated = await tx.licenseTier.updateMany({
        where: { id: tierId, listingId, archivedAt: null },
        data: columns,
      });
      if (updated.count === 0) return { ok: false, refusal: "not-found" };
    } else {
      const active = await tx.licenseTier.count({ where: { listingId, archivedAt: null } });
      if (active >= MAX_TIERS) return { ok: false, refusal: "too-many-tiers" };
      const last = await tx.licenseTier.findFirst({
        where: { listingId },
        orderBy: { position: "desc" },
        select: { position: true },
      });
      tierId = (
        await tx.licenseTier.create({
          data: { listingId, position: (last?.position ?? -1) + 1, ...columns },
          select: { id: true },
        })
      ).id;
    }
    // A free listing's tiers keep whatever prices they had: switching back restores them.
    if (listing.pricingMode !== "FREE") {
      const rows = (value.prices ?? []).filter((row) => row.amount !== null);
      await tx.tierPrice.deleteMany({
        where: { tierId, currency: { notIn: rows.map((row) => row.currency) } },
      });
      for (const row of rows) {
        const amount = row.amount ?? 0;
        const suggestedAmount = listing.pricingMode === "PAY_WHAT_YOU_WANT" ? row.suggested : null;
        await tx.tierPrice.upsert({
          where: { tierId_currency: { tierId, currency: row.currency } },
          create: { tierId, currency: row.currency, amount, suggestedAmount },
          update: { amount, suggestedAmount },
        });
      }
    }
    await syncListingPrice(tx, listingId);
    return { ok: true };
  });
}

export async function archiveTier(shopId: string, listingId: string, tierId: string): Promise<PricingResult> {
  return prisma.$transaction(async (tx) => {
    const listing = await ownListing(tx, shopId, listingId);
    if (!listing) return { ok: false, refusal: "not-found" };
    const tier = await tx.licenseTier.findFirst({ where: { id: tierId, listingId, archivedAt: null } });
    if (!tier) return { ok: false, refusal: "not-found" };
    const active = await tx.licenseTier.count({ where: { listingId, archivedAt: null } });
    if (active <= 1) return { ok: false, refusal: "last-tier" };
    // Archived, not deleted: orders keep naming the tier their buyers bought.
    await tx.licenseTier.update({ where: { id: tierId }, data: { archivedAt: new Date() } });
    await syncListingPrice(tx, listingId);
    return { ok: true };
  });
}

/** Fixed, pay what you want or free. Paid modes need a price on every tier. */
export async function setPricingMode(
  shopId: string,
  listingId: string,
  mode: PricingMode,
): Promise<PricingResult> {
  return prisma.$transaction(async (tx) => {
    const listing = await ownListing(tx, shopId, listingId);
    if (!listing) return { ok: false, refusal: "not-found" };
    const tiers = await tx.licenseTier.count({ where: { listingId, archivedAt: null } });
    if (tiers === 0) {
      // A listing from before tiers: its price becomes the Standard tier's.
      const { priceAmount, currency } = await tx.listing.findUniqueOrThrow({ where: { id: listingId } });
      await tx.licenseTier.create({
        data: {
          listingId,
          name: "Standard",
          position: 0,
          ...(priceAmount > 0 && { prices: { create: { currency, amount: priceAmount } } }),
        },
      });
    }
    if (mode !== "FREE") {
      const unpriced = await tx.licenseTier.count({
        where: { listingId, archivedAt: null, prices: { none: {} } },
      });
      if (unpriced > 0) return { ok: false, refusal: "tiers-need-prices" };
    }
    if (mode === "FIXED") {
      await tx.tierPrice.updateMany({ where: { tier: { listingId } }, data: { suggestedAmount: null } });
    }
    await tx.listing.update({ where: { id: listingId }, data: { pricingMode: mode } });
    await syncListingPrice(tx, listingId);
    return { ok: true };
  });
}

/** Listing.priceAmount/currency from the first tier (see the module comment). */
export async function syncListingPrice(tx: Tx, listingId: string): Promise<void> {
  const listing = await tx.listing.findUniqueOrThrow({
    where: { id: listingId },
    select: {
      pricingMode: true,
      currency: true,
      shop: { select: { defaultCurrency: true } },
      tiers: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        take: 1,
        select: { prices: { select: { currency: true, amount: true }, orderBy: { currency: "asc" } } },
      },
    },
  });
  if (listing.pricingMode === "FREE") {
    await tx.listing.update({
      where: { id: listingId },
      data: { priceAmount: 0, currency: listing.shop.defaultCurrency },
    });
    return;
  }
  const prices = listing.tiers[0]?.prices ?? [];
  const shown = prices.find((price) => price.currency === listing.shop.defaultCurrency) ?? prices[0];
  if (!shown) return;
  await tx.listing.update({
    where: { id: listingId },
    data: { priceAmount: shown.amount, currency: shown.currency },
  });
}
