import type Stripe from "stripe";
import { newId, nowSeconds } from "../ids.ts";

/** Coupons and promotion codes as Stripe returns them (API shapes of stripe-node's types). */

export interface CouponFields {
  id?: string;
  name: string | null;
  percentOff: number | null;
  amountOff: number | null;
  currency: string | null;
  duration: "once" | "repeating" | "forever";
  durationInMonths: number | null;
  maxRedemptions: number | null;
  redeemBy: number | null;
  appliesTo: string[] | null;
  metadata: Stripe.Metadata;
}

// Stripe's generated coupon ids are 8 characters of upper-case letters and digits, no prefix.
const COUPON_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
function couponId(): string {
  const random = newId("", 8);
  return [...random].map((char) => COUPON_ALPHABET[char.charCodeAt(0) % COUPON_ALPHABET.length]).join("");
}

export function buildCoupon(fields: CouponFields): Stripe.Coupon {
  return {
    id: fields.id ?? couponId(),
    object: "coupon",
    amount_off: fields.amountOff,
    ...(fields.appliesTo && { applies_to: { products: fields.appliesTo } }),
    created: nowSeconds(),
    currency: fields.currency,
    duration: fields.duration,
    duration_in_months: fields.durationInMonths,
    livemode: false,
    max_redemptions: fields.maxRedemptions,
    metadata: fields.metadata,
    name: fields.name,
    percent_off: fields.percentOff,
    redeem_by: fields.redeemBy,
    times_redeemed: 0,
    valid: true,
  };
}

export interface PromotionCodeFields {
  code: string;
  coupon: string;
  active: boolean;
  customer: string | null;
  expiresAt: number | null;
  maxRedemptions: number | null;
  metadata: Stripe.Metadata;
  restrictions: Stripe.PromotionCode.Restrictions;
}

export function buildPromotionCode(fields: PromotionCodeFields): Stripe.PromotionCode {
  return {
    id: newId("promo_1"),
    object: "promotion_code",
    active: fields.active,
    code: fields.code,
    created: nowSeconds(),
    customer: fields.customer,
    customer_account: null,
    expires_at: fields.expiresAt,
    livemode: false,
    max_redemptions: fields.maxRedemptions,
    metadata: fields.metadata,
    promotion: { coupon: fields.coupon, type: "coupon" },
    restrictions: fields.restrictions,
    times_redeemed: 0,
  };
}

/** A coupon stops being valid once its redeem_by date has passed or it reached max_redemptions. */
export function refreshCouponValidity(coupon: Stripe.Coupon, now = nowSeconds()): void {
  const expired = coupon.redeem_by !== null && coupon.redeem_by <= now;
  const usedUp = coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions;
  coupon.valid = !expired && !usedUp;
}
