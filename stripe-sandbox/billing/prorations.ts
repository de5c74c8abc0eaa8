import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { currentPeriod } from "../objects/subscription.ts";
import { itemAmount, productName, shortDate } from "./lines.ts";

/** A new price or quantity for one subscription item. */
export interface ItemChange {
  item: Stripe.SubscriptionItem;
  price: Stripe.Price;
  quantity: number;
}

export interface Proration {
  item: Stripe.SubscriptionItem;
  price: Stripe.Price;
  quantity: number;
  amount: number;
  description: string;
  period: { start: number; end: number };
}

/**
 * Stripe's prorations for changing items at `at`: a credit for the unused time on the old price and
 * a charge for the remaining time on the new one, both in proportion to the seconds left in the
 * period. Changing the billing interval resets the cycle instead: the old price's unused time is
 * credited and the new price is billed for a whole new period from `at`. Trials are not prorated.
 */
export function prorationsFor(
  ctx: SandboxContext,
  subscription: Stripe.Subscription,
  changes: ItemChange[],
  at: number,
): { prorations: Proration[]; resetsCycle: boolean } {
  const resetsCycle = changes.some(({ item, price }) => !sameInterval(item.price.recurring, price.recurring));
  if (subscription.status === "trialing") return { prorations: [], resetsCycle: false };
  const period = currentPeriod(subscription);
  const span = period.end - period.start;
  const fraction = span > 0 ? Math.max(0, period.end - at) / span : 0;
  const remaining = { start: at, end: period.end };
  const prorations: Proration[] = [];
  for (const { item, price, quantity } of changes) {
    const oldQuantity = item.quantity ?? 1;
    if (item.price.id === price.id && oldQuantity === quantity) continue;
    const credit = -Math.round(itemAmount(item.price, oldQuantity) * fraction);
    if (credit !== 0) {
      prorations.push({
        item,
        price: item.price,
        quantity: oldQuantity,
        amount: credit,
        description: `Unused time on ${label(ctx, item.price, oldQuantity)} after ${shortDate(at)}`,
        period: remaining,
      });
    }
    if (resetsCycle) continue;
    const charge = Math.round(itemAmount(price, quantity) * fraction);
    if (charge !== 0) {
      prorations.push({
        item,
        price,
        quantity,
        amount: charge,
        description: `Remaining time on ${label(ctx, price, quantity)} after ${shortDate(at)}`,
        period: remaining,
      });
    }
  }
  return { prorations, resetsCycle };
}

function label(ctx: SandboxContext, price: Stripe.Price, quantity: number): string {
  return quantity > 1 ? `${quantity} × ${productName(ctx, price)}` : productName(ctx, price);
}

function sameInterval(a: Stripe.Price.Recurring | null, b: Stripe.Price.Recurring | null): boolean {
  return a?.interval === b?.interval && (a?.interval_count ?? 1) === (b?.interval_count ?? 1);
}
