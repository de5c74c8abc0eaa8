import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { currentPeriod, periodEnd, setPeriod } from "../objects/subscription.ts";
import { chargeSubscriptionInvoice } from "./collection.ts";
import {
  announceInvoice,
  finalizeInvoice,
  markUncollectible,
  prepareInvoice,
  voidInvoice,
} from "./invoicing.ts";
import { cycleLines } from "./lines.ts";
import { endSubscription, stateOf, updateSubscription } from "./subscription-state.ts";

/** Stripe finalizes and charges a renewal invoice an hour after `invoice.created`. */
export const DRAFT_WINDOW_SECONDS = 60 * 60;

/**
 * The end of a billing period (or of a trial): a subscription set to cancel ends
 * (`customer.subscription.deleted`); otherwise the period moves on (`customer.subscription.updated`,
 * `trialing` → `active` at a trial's end) and the next invoice is created as a draft
 * (`invoice.created`), to be finalized and charged an hour later — unless collection is paused.
 */
export function renewSubscription(ctx: SandboxContext, subscription: Stripe.Subscription, now: number): void {
  const period = currentPeriod(subscription);
  if (
    subscription.cancel_at_period_end ||
    (subscription.cancel_at !== null && subscription.cancel_at <= period.end)
  ) {
    endSubscription(ctx, subscription, now, "cancellation_requested");
    return;
  }
  const recurring = subscription.items.data[0]?.price.recurring ?? null;
  const next = { start: period.end, end: periodEnd(period.end, recurring) };
  const invoice = prepareInvoice(ctx, {
    subscription,
    billingReason: "subscription_cycle",
    now,
    period,
    lines: cycleLines(ctx, subscription, next),
  });
  updateSubscription(ctx, subscription, now, (s) => {
    setPeriod(s, next);
    s.latest_invoice = invoice.id;
    if (s.status === "trialing") s.status = "active";
  });
  announceInvoice(ctx, invoice);
  const pause = subscription.pause_collection?.behavior;
  if (pause === "void") {
    voidInvoice(ctx, invoice, now);
    return;
  }
  if (pause === "keep_as_draft") {
    invoice.auto_advance = false;
    return;
  }
  if (pause === "mark_uncollectible") {
    finalizeInvoice(ctx, invoice, now);
    if (invoice.status === "open") markUncollectible(ctx, invoice, now);
    return;
  }
  invoice.automatically_finalizes_at = now + DRAFT_WINDOW_SECONDS;
  invoice.next_payment_attempt = now + DRAFT_WINDOW_SECONDS;
  stateOf(ctx, subscription.id).draftInvoice = { id: invoice.id, finalizeAt: now + DRAFT_WINDOW_SECONDS };
  ctx.store.markDirty();
}

/** An hour after its creation, the renewal draft is finalized and charged. */
export function finalizeDraft(ctx: SandboxContext, subscription: Stripe.Subscription, now: number): void {
  const state = stateOf(ctx, subscription.id);
  const invoice = state.draftInvoice ? ctx.store.invoices.get(state.draftInvoice.id) : undefined;
  state.draftInvoice = null;
  if (invoice?.status !== "draft") return;
  finalizeInvoice(ctx, invoice, now);
  if (invoice.status === "open") chargeSubscriptionInvoice(ctx, subscription, invoice, now);
}

/** Three days before a trial ends: `customer.subscription.trial_will_end`. */
export function announceTrialEnd(ctx: SandboxContext, subscription: Stripe.Subscription, now: number): void {
  stateOf(ctx, subscription.id).trialWillEndSent = true;
  ctx.store.markDirty();
  ctx.emit("customer.subscription.trial_will_end", subscription, { created: now });
}
