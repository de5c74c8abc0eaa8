import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { previousAttributes } from "../diff.ts";
import { type SubscriptionState, snapshot } from "../store.ts";

/** The engine's private record for a subscription, created on first use. */
export function stateOf(ctx: SandboxContext, subscriptionId: string): SubscriptionState {
  let state = ctx.store.subscriptionStates.get(subscriptionId);
  if (!state) {
    state = { trialWillEndSent: false, draftInvoice: null, dunning: null };
    ctx.store.subscriptionStates.set(subscriptionId, state);
  }
  return state;
}

/**
 * Applies `mutate` and, if anything changed, emits `customer.subscription.updated` whose
 * `previous_attributes` hold exactly the changed keys (see diff.ts).
 */
export function updateSubscription(
  ctx: SandboxContext,
  subscription: Stripe.Subscription,
  now: number,
  mutate: (subscription: Stripe.Subscription) => void,
  request?: Stripe.Event.Request,
): boolean {
  const before = snapshot(subscription);
  mutate(subscription);
  const previous = previousAttributes(before, subscription);
  if (!previous) return false;
  ctx.store.markDirty();
  ctx.emit("customer.subscription.updated", subscription, { previous, request, created: now });
  return true;
}

/** Ends the subscription now: status canceled, `customer.subscription.deleted`. */
export function endSubscription(
  ctx: SandboxContext,
  subscription: Stripe.Subscription,
  now: number,
  reason: Stripe.Subscription.CancellationDetails.Reason,
  request?: Stripe.Event.Request,
): void {
  Object.assign(subscription, {
    status: "canceled",
    canceled_at: subscription.canceled_at ?? now,
    ended_at: now,
    cancellation_details: { ...emptyDetails(subscription), reason },
  } satisfies Partial<Stripe.Subscription>);
  const state = stateOf(ctx, subscription.id);
  state.draftInvoice = null;
  state.dunning = null;
  ctx.store.markDirty();
  ctx.emit("customer.subscription.deleted", subscription, { request, created: now });
}

function emptyDetails(subscription: Stripe.Subscription): Stripe.Subscription.CancellationDetails {
  return (
    subscription.cancellation_details ?? {
      comment: null,
      feedback: null,
      feedback_option: null,
      reason: null,
    }
  );
}

/** The card Stripe charges for the subscription: its own default, else the customer's. */
export function paymentMethodFor(
  ctx: SandboxContext,
  subscription: Stripe.Subscription,
): Stripe.PaymentMethod | undefined {
  const own = subscription.default_payment_method;
  const ownId = typeof own === "string" ? own : own?.id;
  const customer = ctx.store.customers.get(String(subscription.customer));
  const fallback = customer?.invoice_settings.default_payment_method;
  const id = ownId ?? (typeof fallback === "string" ? fallback : fallback?.id);
  return id ? ctx.store.paymentMethods.get(id) : undefined;
}
