import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { collectInvoice } from "./invoicing.ts";
import { endSubscription, paymentMethodFor, stateOf, updateSubscription } from "./subscription-state.ts";

const DAY = 24 * 60 * 60;

/**
 * Charges a subscription's open invoice and moves the subscription accordingly: paid → `active` (from
 * `past_due`, `unpaid` or `incomplete`); failed → `past_due` and a retry schedule (a fixed stand-in for
 * Smart Retries, `ctx.billing.retryDays`), as Stripe does with `payment_behavior=allow_incomplete`.
 */
export function chargeSubscriptionInvoice(
  ctx: SandboxContext,
  subscription: Stripe.Subscription,
  invoice: Stripe.Invoice,
  now: number,
  request?: Stripe.Event.Request,
): boolean {
  const state = stateOf(ctx, subscription.id);
  const firstRetry = ctx.billing.retryDays[0];
  const outcome = collectInvoice(ctx, invoice, {
    paymentMethod: paymentMethodFor(ctx, subscription),
    now,
    nextAttempt: firstRetry === undefined ? null : now + firstRetry * DAY,
    applicationFeePercent: subscription.application_fee_percent,
    transferDestination: destinationOf(subscription),
  });
  if (outcome.paid) {
    if (state.dunning?.invoice === invoice.id) state.dunning = null;
    settleStatus(ctx, subscription, invoice, now, request);
    return true;
  }
  // A payment waiting for the customer's authentication is not retried: it waits for them.
  const retry = firstRetry !== undefined && !outcome.requiresAction;
  if (retry) state.dunning = { invoice: invoice.id, firstFailedAt: now, retriesDone: 0 };
  if (subscription.status === "active" || subscription.status === "trialing") {
    updateSubscription(
      ctx,
      subscription,
      now,
      (s) => {
        s.status = "past_due";
      },
      request,
    );
  }
  if (firstRetry === undefined && !outcome.requiresAction) exhausted(ctx, subscription, now);
  return false;
}

/** A scheduled retry of the invoice in dunning. After the last one, `ctx.billing.afterRetries` applies. */
export function retryPayment(ctx: SandboxContext, subscription: Stripe.Subscription, now: number): void {
  const state = stateOf(ctx, subscription.id);
  const dunning = state.dunning;
  const invoice = dunning ? ctx.store.invoices.get(dunning.invoice) : undefined;
  if (!dunning || invoice?.status !== "open") {
    state.dunning = null;
    return;
  }
  const attempt = dunning.retriesDone + 1;
  const nextDay = ctx.billing.retryDays[attempt];
  const outcome = collectInvoice(ctx, invoice, {
    paymentMethod: paymentMethodFor(ctx, subscription),
    now,
    nextAttempt: nextDay === undefined ? null : dunning.firstFailedAt + nextDay * DAY,
    applicationFeePercent: subscription.application_fee_percent,
    transferDestination: destinationOf(subscription),
  });
  if (outcome.paid) {
    state.dunning = null;
    settleStatus(ctx, subscription, invoice, now);
    return;
  }
  if (outcome.requiresAction) {
    state.dunning = null;
    return;
  }
  dunning.retriesDone = attempt;
  ctx.store.markDirty();
  if (nextDay === undefined) {
    state.dunning = null;
    exhausted(ctx, subscription, now);
  }
}

/** All retries failed: Stripe's default setting cancels the subscription; `unpaid` and `past_due` are options. */
function exhausted(ctx: SandboxContext, subscription: Stripe.Subscription, now: number): void {
  const rule = ctx.billing.afterRetries;
  if (rule === "cancel") endSubscription(ctx, subscription, now, "payment_failed");
  else if (rule === "unpaid") {
    updateSubscription(ctx, subscription, now, (s) => {
      s.status = "unpaid";
    });
  }
}

/** After the latest invoice is paid, a subscription waiting on it is active again. */
export function settleStatus(
  ctx: SandboxContext,
  subscription: Stripe.Subscription,
  invoice: Stripe.Invoice,
  now: number,
  request?: Stripe.Event.Request,
): void {
  const waiting = ["past_due", "unpaid", "incomplete"].includes(subscription.status);
  if (!waiting || subscription.latest_invoice !== invoice.id) return;
  updateSubscription(
    ctx,
    subscription,
    now,
    (s) => {
      s.status = "active";
    },
    request,
  );
}

function destinationOf(subscription: Stripe.Subscription): string | null {
  const destination = subscription.transfer_data?.destination;
  return typeof destination === "string" ? destination : (destination?.id ?? null);
}
