import type { PricingMode } from "~/generated/prisma/enums.ts";
import { prisma } from "~/utils/db.server.ts";
import { formatMoney } from "~/utils/money.ts";
import { buyerCurrency } from "./currency.ts";
import { MAX_AMOUNT } from "./money-input.ts";

/**
 * What a buyer can buy on a listing page (the buy box) and what a purchase costs (checkout): the
 * listing's tiers with their price in the buyer's currency (see `currency.ts` for the rule), pay what
 * you want's minimum and suggestion, or free. A listing without tiers (made before tiers existed) is
 * sold as one "Standard" tier at `Listing.priceAmount`.
 */

export type OfferTier = {
  /** null: the listing has no tier rows; it sells at its listing price. */
  id: string | null;
  name: string;
  activationLimit: number | null;
  /** The price in the buyer's currency, or null when this tier has none in it. */
  price: { amount: number; suggestedAmount: number | null; currency: string } | null;
};

export type ListingOffer = {
  mode: PricingMode;
  /** Currencies any tier is priced in. */
  currencies: string[];
  currency: string;
  tiers: OfferTier[];
};

type ListingForOffer = { id: string; priceAmount: number; currency: string };

async function loadTiers(listingId: string) {
  return prisma.listing.findUniqueOrThrow({
    where: { id: listingId },
    select: {
      pricingMode: true,
      shop: { select: { defaultCurrency: true } },
      tiers: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: {
          id: true,
          name: true,
          licenseText: true,
          activationLimit: true,
          prices: { select: { currency: true, amount: true, suggestedAmount: true } },
        },
      },
    },
  });
}

type Buyer = { chosenCurrency?: string | null; acceptLanguage: string | null };

export async function listingOffer(listing: ListingForOffer, buyer: Buyer): Promise<ListingOffer> {
  return offerFromTiers(listing, await loadTiers(listing.id), buyer);
}

/** The tiers a listing sells, as `listingOffer` reads them (the listing page loads them itself). */
export type OfferTiers = {
  pricingMode: PricingMode;
  shop: { defaultCurrency: string };
  tiers: {
    id: string;
    name: string;
    activationLimit: number | null;
    prices: { currency: string; amount: number; suggestedAmount: number | null }[];
  }[];
};

/** The buy box from tiers already loaded (live ones, by position). */
export function offerFromTiers(
  listing: ListingForOffer,
  { pricingMode, shop, tiers }: OfferTiers,
  buyer: Buyer,
): ListingOffer {
  if (tiers.length === 0) {
    return {
      mode: pricingMode,
      currencies: [listing.currency],
      currency: listing.currency,
      tiers: [
        {
          id: null,
          name: "Standard",
          activationLimit: null,
          price: { amount: listing.priceAmount, suggestedAmount: null, currency: listing.currency },
        },
      ],
    };
  }
  const currencies = [...new Set(tiers.flatMap((tier) => tier.prices.map((price) => price.currency)))].sort();
  const currency =
    buyerCurrency({
      offered: currencies,
      chosen: buyer.chosenCurrency,
      acceptLanguage: buyer.acceptLanguage,
      shopDefault: shop.defaultCurrency,
    }) ?? shop.defaultCurrency;
  return {
    mode: pricingMode,
    currencies,
    currency,
    tiers: tiers.map((tier) => {
      const price = tier.prices.find((row) => row.currency === currency);
      return {
        id: tier.id,
        name: tier.name,
        activationLimit: tier.activationLimit,
        price: price ? { amount: price.amount, suggestedAmount: price.suggestedAmount, currency } : null,
      };
    }),
  };
}

export type PurchaseLine = {
  tier: { id: string; name: string; licenseText: string } | null;
  currency: string;
  unitAmount: number;
};

export type PurchaseRefusal =
  | { refusal: "tier-not-found"; message: string }
  | { refusal: "currency-not-offered"; message: string }
  | { refusal: "below-minimum"; message: string }
  | { refusal: "free-listing"; message: string };

/**
 * The line a checkout sells: the chosen tier (the first when none was chosen) in the chosen currency
 * (else the buyer's, by the rule) at its price, or, paying what they want, the buyer's amount (the
 * suggestion when they gave none) if it reaches the minimum.
 */
export async function resolvePurchase(
  listing: ListingForOffer,
  choice: { tierId?: string; currency?: string; amount?: number; acceptLanguage: string | null },
): Promise<({ ok: true } & PurchaseLine) | ({ ok: false } & PurchaseRefusal)> {
  const { pricingMode, shop, tiers } = await loadTiers(listing.id);
  if (pricingMode === "FREE") {
    return { ok: false, refusal: "free-listing", message: "This listing is free: claim it instead." };
  }
  if (tiers.length === 0) {
    if (choice.tierId)
      return { ok: false, refusal: "tier-not-found", message: "This licence tier is not for sale." };
    return { ok: true, tier: null, currency: listing.currency, unitAmount: listing.priceAmount };
  }
  const tier = choice.tierId ? tiers.find((row) => row.id === choice.tierId) : tiers[0];
  if (!tier) return { ok: false, refusal: "tier-not-found", message: "This licence tier is not for sale." };
  const offered = tier.prices.map((price) => price.currency);
  const currency = choice.currency
    ? offered.includes(choice.currency)
      ? choice.currency
      : null
    : buyerCurrency({ offered, acceptLanguage: choice.acceptLanguage, shopDefault: shop.defaultCurrency });
  const price = tier.prices.find((row) => row.currency === currency);
  if (!price) {
    return {
      ok: false,
      refusal: "currency-not-offered",
      message: `The ${tier.name} tier is not sold in ${choice.currency ?? "this currency"}; it is priced in ${offered.join(" and ")}.`,
    };
  }
  let unitAmount = price.amount;
  if (pricingMode === "PAY_WHAT_YOU_WANT") {
    unitAmount = choice.amount ?? price.suggestedAmount ?? price.amount;
    if (unitAmount < price.amount) {
      return {
        ok: false,
        refusal: "below-minimum",
        message: `Pay at least ${formatMoney({ amount: price.amount, currency: price.currency })} for the ${tier.name} tier.`,
      };
    }
    unitAmount = Math.min(unitAmount, MAX_AMOUNT);
  }
  return {
    ok: true,
    tier: { id: tier.id, name: tier.name, licenseText: tier.licenseText },
    currency: price.currency,
    unitAmount,
  };
}
