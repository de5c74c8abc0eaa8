import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { formatAmount } from "../money.ts";
import { buildLine } from "../objects/invoice.ts";

export function productName(ctx: SandboxContext, price: Stripe.Price): string {
  const id = typeof price.product === "string" ? price.product : price.product.id;
  return ctx.store.products.get(id)?.name ?? price.nickname ?? "Subscription";
}

export function itemAmount(price: Stripe.Price, quantity: number | undefined): number {
  return (price.unit_amount ?? 0) * (quantity ?? 1);
}

/** `1 × Pro (at €9.00 / month)`, Stripe's wording for a subscription line. */
export function cycleDescription(ctx: SandboxContext, price: Stripe.Price, quantity: number): string {
  const interval = price.recurring
    ? `${price.recurring.interval_count > 1 ? `${price.recurring.interval_count} ` : ""}${price.recurring.interval}${price.recurring.interval_count > 1 ? "s" : ""}`
    : "";
  const at = formatAmount(price.unit_amount ?? 0, price.currency);
  return `${quantity} × ${productName(ctx, price)} (at ${at}${interval ? ` / ${interval}` : ""})`;
}

/** One line per item for the given period, at the items' current prices. */
export function cycleLines(
  ctx: SandboxContext,
  subscription: Stripe.Subscription,
  period: { start: number; end: number },
): Stripe.InvoiceLineItem[] {
  return subscription.items.data.map((item) =>
    buildLine({
      subscription,
      item,
      amount: itemAmount(item.price, item.quantity),
      description: cycleDescription(ctx, item.price, item.quantity ?? 1),
      period,
    }),
  );
}

/** The $0 lines of a trial's first invoice. */
export function trialLines(
  ctx: SandboxContext,
  subscription: Stripe.Subscription,
  period: { start: number; end: number },
): Stripe.InvoiceLineItem[] {
  return subscription.items.data.map((item) =>
    buildLine({
      subscription,
      item,
      amount: 0,
      description: `Trial period for ${productName(ctx, item.price)}`,
      period,
    }),
  );
}

/** `12 Jan 2026`, the date format of Stripe's proration descriptions. */
export function shortDate(seconds: number): string {
  return new Date(seconds * 1000).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}
