import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { ApiError, invalidRequest } from "../errors.ts";
import { newId } from "../ids.ts";
import { planFromPrice } from "../objects/catalog.ts";
import { addLines, buildInvoice, buildLine } from "../objects/invoice.ts";
import { currentPeriod, periodEnd } from "../objects/subscription.ts";
import { snapshot } from "../store.ts";
import { settleStatus } from "./collection.ts";
import { collectInvoice, finalizeInvoice } from "./invoicing.ts";
import { cycleLines } from "./lines.ts";
import type { ProrationBehavior } from "./plan-change.ts";
import { type ItemChange, prorationsFor } from "./prorations.ts";
import { paymentMethodFor, stateOf } from "./subscription-state.ts";
import { nowFor } from "./time.ts";

/**
 * `POST /v1/invoices/:id/pay` and the hosted invoice page: a draft is finalized first; a declined card
 * answers 402 after `invoice.payment_failed`; paying the latest invoice of a past-due subscription
 * makes it active again.
 */
export function payInvoiceNow(
  ctx: SandboxContext,
  invoice: Stripe.Invoice,
  method: Stripe.PaymentMethod | undefined,
  request?: Stripe.Event.Request,
  onSession = false,
): void {
  if (invoice.status === "paid") throw invalidRequest("Invoice is already paid", "invoice");
  if (invoice.status === "void") throw invalidRequest("This invoice is void and cannot be paid.", "invoice");
  const now = nowFor(ctx, String(invoice.customer));
  if (invoice.status === "draft") finalizeInvoice(ctx, invoice, now);
  if (invoice.status === "paid") return;
  const subscriptionId = invoice.parent?.subscription_details?.subscription;
  const subscription =
    typeof subscriptionId === "string" ? ctx.store.subscriptions.get(subscriptionId) : undefined;
  const outcome = collectInvoice(ctx, invoice, {
    paymentMethod: method ?? (subscription ? paymentMethodFor(ctx, subscription) : undefined),
    now,
    nextAttempt: invoice.next_payment_attempt,
    applicationFeePercent: subscription?.application_fee_percent,
    onSession,
  });
  if (outcome.requiresAction) {
    throw new ApiError(
      402,
      "card_error",
      "This payment requires additional user action before it can be completed successfully. Payment can be completed using the PaymentIntent associated with the invoice.",
      "invoice_payment_intent_requires_action",
    );
  }
  if (!outcome.paid) {
    const error = new ApiError(402, "card_error", outcome.decline.message, outcome.decline.code);
    error.declineCode = outcome.decline.declineCode;
    throw error;
  }
  if (!subscription) return;
  const state = stateOf(ctx, subscription.id);
  if (state.dunning?.invoice === invoice.id) state.dunning = null;
  settleStatus(ctx, subscription, invoice, now, request);
}

export interface PreviewRequest {
  subscription: Stripe.Subscription;
  changes: ItemChange[];
  behavior: ProrationBehavior;
  prorationDate?: number;
}

/**
 * `POST /v1/invoices/create_preview` for a subscription: the invoice a change would produce, nothing
 * stored. With `always_invoice` (or a new billing interval) that is the immediate invoice of the
 * prorations; otherwise the next renewal invoice: pending items, the change's prorations and the
 * next period at the new prices.
 */
export function previewInvoice(ctx: SandboxContext, request: PreviewRequest): Stripe.Invoice {
  const { subscription, changes } = request;
  const customer = ctx.store.customers.get(String(subscription.customer));
  if (!customer) throw new Error(`stripe-sandbox: customer of ${subscription.id} vanished`);
  const now = nowFor(ctx, customer.id);
  const at = request.prorationDate ?? now;
  const { prorations, resetsCycle } = prorationsFor(ctx, subscription, changes, at);
  const future = snapshot(subscription);
  for (const { item, price, quantity } of changes) {
    const target = future.items.data.find((candidate) => candidate.id === item.id);
    if (target) Object.assign(target, { price, plan: planFromPrice(price), quantity });
  }
  const immediate = request.behavior === "always_invoice" || resetsCycle;
  const period = currentPeriod(subscription);
  const invoice = buildInvoice({
    id: newId("upcoming_in_1"),
    customer,
    subscription,
    billingReason: immediate ? "subscription_update" : "upcoming",
    currency: subscription.currency,
    now,
    period: immediate ? { start: now, end: now } : period,
  });
  const prorationLines =
    request.behavior === "none" && !resetsCycle
      ? []
      : prorations.map((p) => buildLine({ subscription, ...p, proration: true }));
  const pending = immediate ? [] : pendingLines(ctx, subscription);
  const nextPeriod = resetsCycle
    ? { start: now, end: periodEnd(now, changes[0]?.price.recurring ?? null) }
    : { start: period.end, end: periodEnd(period.end, future.items.data[0]?.price.recurring ?? null) };
  const cycle = immediate && !resetsCycle ? [] : cycleLines(ctx, future, nextPeriod);
  addLines(invoice, [...pending, ...prorationLines, ...cycle]);
  invoice.next_payment_attempt = immediate ? now : period.end + 3600;
  return invoice;
}

function pendingLines(ctx: SandboxContext, subscription: Stripe.Subscription): Stripe.InvoiceLineItem[] {
  return [...ctx.store.invoiceItems.values()]
    .filter(
      (item) => item.invoice === null && item.parent?.subscription_details?.subscription === subscription.id,
    )
    .flatMap((item) => {
      const subItem = subscription.items.data.find(
        (s) => s.id === item.parent?.subscription_details?.subscription_item,
      );
      const priceId = item.pricing?.price_details?.price;
      const price = ctx.store.prices.get(typeof priceId === "string" ? priceId : (priceId?.id ?? ""));
      if (!subItem || !price) return [];
      return [
        buildLine({
          subscription,
          item: subItem,
          amount: item.amount,
          description: item.description ?? "",
          period: item.period,
          invoiceItem: item.id,
          price,
          quantity: item.quantity,
        }),
      ];
    });
}
