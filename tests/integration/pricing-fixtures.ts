// Shared by the pricing and discount tests: a seller's priced listing through the real routes.
import * as checkoutRoute from "~/routes/checkout/route.tsx";
import * as pricingRoute from "~/routes/dashboard.listings.$listingId_.pricing/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createListingForSale, signIn } from "../support/fixtures.ts";
import { callRoute } from "../support/routes.ts";
import { type FormReply, postAs } from "./plans-fixtures.ts";

export { type FormReply, fieldErrors, postAs } from "./plans-fixtures.ts";

export const postPricing = (
  cookie: string | null,
  listingId: string,
  fields: Record<string, string | string[]>,
) =>
  callRoute<FormReply & { formId?: string }>(
    pricingRoute.action,
    postAs(cookie, `/dashboard/listings/${listingId}/pricing`, fields),
    { listingId },
  );

/** A tier form body: prices in EUR (index 0) and USD (index 1); empty strings leave one out. */
export const tierFields = (fields: {
  tierId?: string;
  name: string;
  licenseText?: string;
  activationLimit?: string;
  eur?: string;
  usd?: string;
  eurSuggested?: string;
  usdSuggested?: string;
}) => ({
  intent: "save-tier",
  ...(fields.tierId && { tierId: fields.tierId }),
  name: fields.name,
  licenseText: fields.licenseText ?? "",
  activationLimit: fields.activationLimit ?? "",
  "prices[0].currency": "EUR",
  "prices[0].amount": fields.eur ?? "",
  "prices[0].suggested": fields.eurSuggested ?? "",
  "prices[1].currency": "USD",
  "prices[1].amount": fields.usd ?? "",
  "prices[1].suggested": fields.usdSuggested ?? "",
});

export const COMMERCIAL_LICENCE = "## Commercial licence\n\nUse in **client work** and products you sell.";

/**
 * A seller whose published prompt has two tiers made on the pricing page: Personal (€9 / $10, 2
 * activations) and Commercial (€29 / $32, 5 activations, a licence text).
 */
export async function pricedListing() {
  const sale = await createListingForSale({ priceAmount: 1200, currency: "EUR" });
  const cookie = await signIn(sale.seller.id);
  const personal = await postPricing(
    cookie,
    sale.listing.id,
    tierFields({
      name: "Personal",
      licenseText: "Personal use only.",
      activationLimit: "2",
      eur: "9.00",
      usd: "10",
    }),
  );
  if (personal.kind !== "data" || personal.status !== 200) throw new Error("Personal tier not saved");
  await postPricing(
    cookie,
    sale.listing.id,
    tierFields({
      name: "Commercial",
      licenseText: COMMERCIAL_LICENCE,
      activationLimit: "5",
      eur: "29.00",
      usd: "32.00",
    }),
  );
  const tiers = await prisma.licenseTier.findMany({
    where: { listingId: sale.listing.id },
    orderBy: { position: "asc" },
  });
  const [personalTier, commercialTier] = tiers;
  if (!personalTier || !commercialTier) throw new Error("tiers missing");
  return { ...sale, cookie, personal: personalTier, commercial: commercialTier };
}

/** Posts the buy box as a signed-in buyer would. */
export const postCheckout = (
  cookie: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) => callRoute<FormReply>(checkoutRoute.action, withHeaders(postAs(cookie, "/checkout", fields), headers));

function withHeaders(request: Request, headers: Record<string, string>) {
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  return request;
}

/** Every table a pricing or discount action writes, to show a refused one stored nothing. */
export async function pricingTables() {
  const [listings, tiers, prices, discounts, discountListings, orders] = await Promise.all([
    prisma.listing.findMany({
      orderBy: { id: "asc" },
      select: { id: true, priceAmount: true, currency: true, pricingMode: true },
    }),
    prisma.licenseTier.findMany({ orderBy: { id: "asc" } }),
    prisma.tierPrice.findMany({ orderBy: [{ tierId: "asc" }, { currency: "asc" }] }),
    prisma.discountCode.findMany({ orderBy: { id: "asc" } }),
    prisma.discountCodeListing.findMany({ orderBy: [{ discountCodeId: "asc" }, { listingId: "asc" }] }),
    prisma.order.count(),
  ]);
  return { listings, tiers, prices, discounts, discountListings, orders };
}
