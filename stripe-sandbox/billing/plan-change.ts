import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { planFromPrice } from "../objects/catalog.ts";
import { buildProrationItem } from "../objects/invoice.ts";
import { periodEnd, setPeriod } from "../objects/subscription.ts";
import { snapshot } from "../store.ts";
import { chargeSubscriptionInvoice } from "./collection.ts";
import { announceInvoice, finalizeInvoice, prepareInvoice } from "./invoicing.ts";
import { cycleLines } from "./lines.ts";
import { type ItemChange, prorationsFor } from "./prorations.ts";
import { updateSubscription } from "./subscription-state.ts";

export type ProrationBehavior = "create_prorations" | "none" | "always_invoice";

export interface PlanChangeOptions {
  behavior: ProrationBehavior;
  /** The moment prorations are computed for (default `now`). */
  prorationDate?: number;
  now: number;
  request?: Stripe.Event.Request;
  /** Other changes made by the same request, applied inside the same `customer.subscription.updated`. */
  alsoChange?: (subscription: Stripe.Subscription) => void;
}

/**
 * Changes items' prices or quantities as `POST /v1/subscriptions/:id` with `items[]` does:
 * `create_prorations` leaves proration invoice items for the next invoice, `always_invoice` invoices
 * them at once (created, finalized, charged), `none` changes the price without prorating. A new
 * billing interval restarts the cycle now and is invoiced at once. Events:
 * `customer.subscription.updated`, `invoiceitem.created` per proration, then the invoice's events.
 */
export function applyPlanChange(
  ctx: SandboxContext,
  subscription: Stripe.Subscription,
  changes: ItemChange[],
  options: PlanChangeOptions,
): void {
  const { now } = options;
  const { prorations, resetsCycle } = prorationsFor(ctx, subscription, changes, options.prorationDate ?? now);
  const customer = ctx.store.customers.get(String(subscription.customer));
  if (!customer) throw new Error(`stripe-sandbox: customer of ${subscription.id} vanished`);
  const prorate = options.behavior !== "none" || resetsCycle;
  const items = prorate
    ? prorations.map((p) => buildProrationItem({ customer, subscription, ...p, now }))
    : [];
  for (const item of items) ctx.store.invoiceItems.set(item.id, item);

  const newPeriod = resetsCycle
    ? { start: now, end: periodEnd(now, changes[0]?.price.recurring ?? null) }
    : undefined;
  const apply = (s: Stripe.Subscription) => {
    for (const { item, price, quantity } of changes) {
      const target = s.items.data.find((candidate) => candidate.id === item.id);
      if (!target) continue;
      Object.assign(target, { price, plan: planFromPrice(price), quantity });
    }
    if (newPeriod) {
      setPeriod(s, newPeriod);
      s.billing_cycle_anchor = now;
    }
    options.alsoChange?.(s);
  };
  const immediate = options.behavior === "always_invoice" || resetsCycle;
  if (!immediate) {
    updateSubscription(ctx, subscription, now, apply, options.request);
    for (const item of items)
      ctx.emit("invoiceitem.created", item, { created: now, request: options.request });
    return;
  }
  // The invoice is prepared first so that the update event already names it as latest_invoice.
  const preview = snapshot(subscription);
  apply(preview);
  const invoice = prepareInvoice(ctx, {
    subscription: preview,
    billingReason: "subscription_update",
    now,
    period: { start: now, end: now },
    lines: newPeriod ? cycleLines(ctx, preview, newPeriod) : [],
  });
  updateSubscription(
    ctx,
    subscription,
    now,
    (s) => {
      apply(s);
      s.latest_invoice = invoice.id;
    },
    options.request,
  );
  for (const item of items) ctx.emit("invoiceitem.created", item, { created: now, request: options.request });
  announceInvoice(ctx, invoice);
  finalizeInvoice(ctx, invoice, now);
  if (invoice.status === "open") chargeSubscriptionInvoice(ctx, subscription, invoice, now, options.request);
}
