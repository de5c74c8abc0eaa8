import type Stripe from "stripe";
import type { SandboxContext } from "./context.ts";
import { invalidRequest, resourceMissing } from "./errors.ts";
import { nowSeconds } from "./ids.ts";
import { refreshCouponValidity } from "./objects/coupon.ts";
import type { SessionRecord } from "./store.ts";

/**
 * Discounts in Checkout (payment and subscription mode; a subscription's invoices are discounted
 * in billing/discounts.ts): a coupon or promotion code given in `discounts[]`, or a code the buyer types on the hosted page when `allow_promotion_codes` is true. The discount lowers the
 * matching line items (all of them, or the coupon's `applies_to.products`), the session's
 * `amount_total`, `total_details.amount_discount` and `discounts`; the coupon and code are redeemed
 * (`times_redeemed`) when the session completes. Messages and codes of refusals: see README.
 */

export type DiscountInput = { coupon?: string; promotion_code?: string };
type Resolved = { coupon: Stripe.Coupon; promotionCode: Stripe.PromotionCode | null };

/** Finds what `discounts[i]` names; unknown ids answer as Stripe does (404 resource_missing). */
export function resolveDiscount(ctx: SandboxContext, input: DiscountInput, param: string): Resolved {
  if (input.coupon && input.promotion_code) {
    throw invalidRequest("You may only specify one of these parameters: coupon, promotion_code.", param);
  }
  if (input.promotion_code) {
    const promotionCode = ctx.store.promotionCodes.get(input.promotion_code);
    if (!promotionCode) {
      throw resourceMissing("promotion_code", input.promotion_code, `${param}[promotion_code]`);
    }
    const coupon = ctx.store.coupons.get(String(promotionCode.promotion.coupon));
    if (!coupon) throw resourceMissing("coupon", String(promotionCode.promotion.coupon), `${param}[coupon]`);
    return { coupon, promotionCode };
  }
  if (input.coupon) {
    const coupon = ctx.store.coupons.get(input.coupon);
    if (!coupon) throw resourceMissing("coupon", input.coupon, `${param}[coupon]`);
    return { coupon, promotionCode: null };
  }
  throw invalidRequest(`Missing required param: ${param}[coupon].`, `${param}[coupon]`, "parameter_missing");
}

/** The active active promotion code with this code (case-insensitive, as Checkout's field is). */
export function findPromotionCodeByCode(ctx: SandboxContext, code: string): Stripe.PromotionCode | undefined {
  const wanted = code.trim().toUpperCase();
  return [...ctx.store.promotionCodes.values()].find(
    (promo) => promo.active && promo.code.toUpperCase() === wanted,
  );
}

/**
 * Whether the discount can be redeemed on this session now. Throws Stripe's error otherwise:
 * an inactive, expired or used-up code or coupon, another customer's code, a first-time-only code,
 * a minimum amount not reached, an amount_off coupon in another currency, nothing it applies to.
 */
export function checkRedeemable(
  ctx: SandboxContext,
  record: SessionRecord,
  { coupon, promotionCode }: Resolved,
  param: string,
): void {
  const now = nowSeconds();
  refreshCouponValidity(coupon, now);
  const session = record.session;
  const currency = session.currency ?? "eur";
  if (promotionCode) {
    if (!promotionCode.active) {
      throw invalidRequest(
        `This promotion code is inactive: '${promotionCode.code}'.`,
        param,
        "coupon_expired",
      );
    }
    if (promotionCode.expires_at !== null && promotionCode.expires_at <= now) {
      throw invalidRequest(
        `This promotion code has expired: '${promotionCode.code}'.`,
        param,
        "coupon_expired",
      );
    }
    if (
      promotionCode.max_redemptions !== null &&
      promotionCode.times_redeemed >= promotionCode.max_redemptions
    ) {
      throw invalidRequest(
        `This promotion code has reached its maximum number of redemptions: '${promotionCode.code}'.`,
        param,
        "coupon_expired",
      );
    }
    const customer = typeof promotionCode.customer === "string" ? promotionCode.customer : null;
    if (customer && session.customer !== customer) {
      throw invalidRequest("This promotion code cannot be redeemed by this customer.", param);
    }
    const { restrictions } = promotionCode;
    if (restrictions.first_time_transaction && typeof session.customer === "string") {
      const customerId = session.customer;
      const paidBefore = [...ctx.store.charges.values()].some(
        (charge) => charge.customer === customerId && charge.paid,
      );
      if (paidBefore) {
        throw invalidRequest(
          "This promotion code cannot be redeemed because the associated customer has prior transactions.",
          param,
        );
      }
    }
    const minimum =
      restrictions.currency_options?.[currency]?.minimum_amount ??
      (restrictions.minimum_amount_currency === currency ? restrictions.minimum_amount : null);
    if (minimum !== null && minimum !== undefined && subtotalOf(record) < minimum) {
      throw invalidRequest(
        `This promotion code requires a minimum order amount of ${minimum} ${currency}.`,
        param,
      );
    }
  }
  if (!coupon.valid) {
    throw invalidRequest(
      `This coupon has expired or reached its maximum number of redemptions: '${coupon.id}'.`,
      param,
      "coupon_expired",
    );
  }
  if (coupon.amount_off !== null && coupon.currency !== currency && !coupon.currency_options?.[currency]) {
    throw invalidRequest(
      `The coupon's currency (${coupon.currency}) does not match the currency of this Checkout Session (${currency}).`,
      param,
    );
  }
  if (matchingItems(record, coupon).length === 0) {
    throw invalidRequest(
      "This coupon cannot be applied to any of the items in this Checkout Session.",
      param,
    );
  }
}

function subtotalOf(record: SessionRecord): number {
  return record.lineItems.reduce((sum, item) => sum + item.amount_subtotal, 0);
}

function matchingItems(record: SessionRecord, coupon: Stripe.Coupon): Stripe.LineItem[] {
  const products = coupon.applies_to?.products;
  if (!products) return record.lineItems;
  return record.lineItems.filter((item) => products.includes(String(item.price?.product ?? "")));
}

/**
 * Applies the discount to the session's line items and totals. Percent coupons take their share of
 * each matching item (rounded to the minor unit); an amount_off coupon is spread over the matching
 * items in proportion and never takes an item below zero.
 */
export function applyDiscount(record: SessionRecord, resolved: Resolved): void {
  const { coupon, promotionCode } = resolved;
  const session = record.session;
  const currency = session.currency ?? "eur";
  const items = matchingItems(record, coupon);
  const base = items.reduce((sum, item) => sum + item.amount_subtotal, 0);
  let left =
    coupon.percent_off !== null
      ? Math.round((base * coupon.percent_off) / 100)
      : Math.min(
          base,
          coupon.currency === currency
            ? (coupon.amount_off ?? 0)
            : (coupon.currency_options?.[currency]?.amount_off ?? 0),
        );
  const total = left;
  items.forEach((item, index) => {
    const share =
      index === items.length - 1
        ? left
        : Math.min(left, Math.round((total * item.amount_subtotal) / (base || 1)));
    item.amount_discount = share;
    item.amount_total = item.amount_subtotal - share;
    left -= share;
  });
  const subtotal = subtotalOf(record);
  session.amount_subtotal = subtotal;
  session.amount_total = subtotal - total;
  session.total_details = {
    amount_discount: total,
    amount_shipping: session.total_details?.amount_shipping ?? 0,
    amount_tax: session.total_details?.amount_tax ?? 0,
  };
  session.discounts = [{ coupon: coupon.id, promotion_code: promotionCode?.id ?? null }];
}

/** On completion: the coupon and promotion code count one more redemption. */
export function redeemSessionDiscounts(ctx: SandboxContext, record: SessionRecord): void {
  for (const discount of record.session.discounts ?? []) {
    const coupon = ctx.store.coupons.get(String(discount.coupon));
    if (coupon) {
      coupon.times_redeemed += 1;
      refreshCouponValidity(coupon);
    }
    const promo = discount.promotion_code
      ? ctx.store.promotionCodes.get(String(discount.promotion_code))
      : undefined;
    if (promo) promo.times_redeemed += 1;
  }
  ctx.store.markDirty();
}
