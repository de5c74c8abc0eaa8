import { isStripeResourceMissing, type Stripe, stripe } from "./stripe.server.ts";

/**
 * Discount codes mirrored to Stripe (ADR 22): one Coupon and one Promotion Code per Stapel
 * `DiscountCode`, their ids derived from ours and every create made with an idempotency key from our
 * id, so a repeated save never makes a second coupon. A coupon is limited (`applies_to.products`) to
 * the Stripe products of the listings and plans it covers: all shops share the platform's Stripe
 * account, and a code typed on Stripe's Checkout page must not discount another shop's listing.
 * Listings are sold through a stable Product each (`stapel_listing_<id>`) for that reason.
 */

export const productIdForListing = (listingId: string) => `stapel_listing_${listingId}`;
export const couponIdForDiscount = (discountId: string) => `stapel_discount_${discountId}`;

const isAlreadyExists = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === "resource_already_exists";

/**
 * The listing's Product, created on first use and renamed when the listing's title changed (Stripe's
 * Checkout page shows the product's name).
 */
export async function ensureListingProduct(listing: {
  id: string;
  title: string;
  shopId: string;
  tagline?: string;
}): Promise<string> {
  const id = productIdForListing(listing.id);
  try {
    const existing = await stripe().products.retrieve(id);
    const description = listing.tagline ?? existing.description ?? "";
    if (existing.name !== listing.title || (existing.description ?? "") !== description) {
      await stripe().products.update(id, { name: listing.title, description });
    }
    return id;
  } catch (error) {
    if (!isStripeResourceMissing(error)) throw error;
  }
  try {
    await stripe().products.create(
      {
        id,
        name: listing.title,
        // Stripe refuses an empty description on create.
        ...(listing.tagline && { description: listing.tagline }),
        metadata: { listingId: listing.id, shopId: listing.shopId },
      },
      { idempotencyKey: `listing-product:${listing.id}` },
    );
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
  return id;
}

export type CouponMirror = {
  discountId: string;
  shopId: string;
  code: string;
  percentOff: number | null;
  /** With `currency`; minor units. */
  amountOff: number | null;
  currency: string | null;
  /** Plans: billing cycles the discount lasts; null applies it once. */
  durationInMonths: number | null;
  maxRedemptions: number | null;
  endsAt: Date | null;
  /** Not yet valid: the promotion code is created inactive (Stripe has no start date). */
  active: boolean;
  productIds: string[];
};

/** Creates (or finds again) the coupon and promotion code for a discount code. */
export async function mirrorDiscountCode(
  fields: CouponMirror,
): Promise<{ couponId: string; promotionCodeId: string }> {
  const couponId = couponIdForDiscount(fields.discountId);
  const metadata = { discountCodeId: fields.discountId, shopId: fields.shopId };
  const redeemBy = fields.endsAt ? Math.floor(fields.endsAt.getTime() / 1000) : undefined;
  const couponParams: Stripe.CouponCreateParams = {
    id: couponId,
    name: fields.code,
    ...(fields.percentOff !== null
      ? { percent_off: fields.percentOff }
      : { amount_off: fields.amountOff ?? 0, currency: (fields.currency ?? "eur").toLowerCase() }),
    ...(fields.durationInMonths
      ? { duration: "repeating" as const, duration_in_months: fields.durationInMonths }
      : { duration: "once" as const }),
    ...(fields.maxRedemptions !== null && { max_redemptions: fields.maxRedemptions }),
    ...(redeemBy && { redeem_by: redeemBy }),
    applies_to: { products: fields.productIds },
    metadata,
  };
  try {
    await stripe().coupons.create(couponParams, { idempotencyKey: `discount-coupon:${fields.discountId}` });
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
  const existing = await stripe().promotionCodes.list({ coupon: couponId, limit: 1 });
  const found = existing.data[0];
  if (found) return { couponId, promotionCodeId: found.id };
  const promotion = await stripe().promotionCodes.create(
    {
      promotion: { type: "coupon", coupon: couponId },
      code: fields.code,
      active: fields.active,
      ...(fields.maxRedemptions !== null && { max_redemptions: fields.maxRedemptions }),
      ...(redeemBy && { expires_at: redeemBy }),
      metadata,
    },
    { idempotencyKey: `discount-promotion-code:${fields.discountId}` },
  );
  return { couponId, promotionCodeId: promotion.id };
}

/** Turns a promotion code on (its start date came) or off (the seller deactivated the code). */
export async function setPromotionCodeActive(promotionCodeId: string, active: boolean): Promise<void> {
  await stripe().promotionCodes.update(promotionCodeId, { active });
}
