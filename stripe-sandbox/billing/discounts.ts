import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { newId } from "../ids.ts";
import type { SessionRecord } from "../store.ts";
import { stateOf } from "./subscription-state.ts";

/**
 * A subscription started by Checkout with `discounts[]` carries a Discount (`subscription.discounts`
 * holds its id). Each invoice of the subscription applies it while it lasts, as Stripe does by the
 * coupon's `duration`: `once` — the first invoice only (the discount is then removed); `repeating` —
 * invoices created before `discount.end` (start + `duration_in_months` calendar months); `forever`.
 * The discounted lines get `discounts`/`discount_amounts`, the invoice `discounts`/`total_discount_amounts`;
 * `subtotal` stays the undiscounted sum and `total`/`amount_due` drop by the discount.
 */
export function attachSessionDiscount(
  ctx: SandboxContext,
  record: SessionRecord,
  subscription: Stripe.Subscription,
  now: number,
): void {
  const applied = record.session.discounts?.[0];
  if (!applied) return;
  const coupon = ctx.store.coupons.get(String(applied.coupon));
  if (!coupon) return;
  const discount: Stripe.Discount = {
    id: newId("di_"),
    object: "discount",
    checkout_session: record.session.id,
    customer: String(subscription.customer),
    customer_account: null,
    end:
      coupon.duration === "repeating" && coupon.duration_in_months
        ? addMonths(now, coupon.duration_in_months)
        : null,
    invoice: null,
    invoice_item: null,
    promotion_code: applied.promotion_code ? String(applied.promotion_code) : null,
    source: { coupon: coupon.id, type: "coupon" },
    start: now,
    subscription: subscription.id,
    subscription_item: null,
  };
  stateOf(ctx, subscription.id).discount = discount;
  subscription.discounts = [discount.id];
  ctx.store.markDirty();
}

/** Applies the subscription's discount, if it still lasts, to a freshly built invoice. */
export function applySubscriptionDiscount(
  ctx: SandboxContext,
  subscription: Stripe.Subscription,
  invoice: Stripe.Invoice,
  now: number,
): void {
  const state = stateOf(ctx, subscription.id);
  const discount = state.discount;
  if (!discount) return;
  if (discount.end !== null && now >= discount.end) {
    // A repeating discount ran out: Stripe removes it from the subscription.
    state.discount = null;
    subscription.discounts = [];
    ctx.store.markDirty();
    return;
  }
  const coupon = ctx.store.coupons.get(discount.source.coupon ? String(discount.source.coupon) : "");
  if (!coupon) return;
  const products = coupon.applies_to?.products;
  const lines = invoice.lines.data.filter(
    (line) =>
      line.discountable &&
      line.amount > 0 &&
      (!products || products.includes(line.pricing?.price_details?.product ?? "")),
  );
  const base = lines.reduce((sum, line) => sum + line.amount, 0);
  const amountOffFixed =
    coupon.amount_off === null
      ? null
      : coupon.currency === invoice.currency
        ? coupon.amount_off
        : (coupon.currency_options?.[invoice.currency]?.amount_off ?? 0);
  const total =
    coupon.percent_off !== null
      ? Math.round((base * coupon.percent_off) / 100)
      : Math.min(base, amountOffFixed ?? 0);
  let left = total;
  lines.forEach((line, index) => {
    const share =
      coupon.percent_off !== null
        ? index === lines.length - 1
          ? left
          : Math.min(left, Math.round((line.amount * coupon.percent_off) / 100))
        : index === lines.length - 1
          ? left
          : Math.min(left, Math.round((total * line.amount) / (base || 1)));
    line.discounts = [discount.id];
    line.discount_amounts = [{ amount: share, discount: discount.id }];
    left -= share;
  });
  if (lines.length > 0) {
    const after = invoice.subtotal - total;
    Object.assign(invoice, {
      discounts: [discount.id],
      total_discount_amounts: [{ amount: total, discount: discount.id }],
      total: after,
      total_excluding_tax: after,
      amount_due: Math.max(0, after + invoice.starting_balance),
      amount_remaining: Math.max(0, after + invoice.starting_balance),
    } satisfies Partial<Stripe.Invoice>);
  }
  if (coupon.duration === "once") {
    state.discount = null;
    subscription.discounts = [];
  }
  ctx.store.markDirty();
}

/** `seconds` plus `months` calendar months (UTC), the day clamped to the target month's last day. */
function addMonths(seconds: number, months: number): number {
  const date = new Date(seconds * 1000);
  const day = date.getUTCDate();
  const target = new Date(
    Date.UTC(
      date.getUTCFullYear(),
      date.getUTCMonth() + months,
      1,
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
    ),
  );
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return Math.floor(target.getTime() / 1000);
}
