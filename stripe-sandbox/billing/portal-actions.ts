import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { previousAttributes } from "../diff.ts";
import { invalidRequest } from "../errors.ts";
import type { CardDetails } from "../objects/payments.ts";
import { customerIdOf } from "../objects/subscription.ts";
import { attachCard } from "../routes/payment-methods.ts";
import { snapshot } from "../store.ts";
import type { TestCard } from "../test-cards.ts";
import { endSubscription, updateSubscription } from "./subscription-state.ts";
import { applySubscriptionUpdate } from "./subscription-update.ts";
import { nowFor } from "./time.ts";

/**
 * What a customer can do in the hosted portal, each through the same code as the API so the same
 * events go out (with `request.id` null, as for any action taken on a Stripe-hosted page).
 */

type Configuration = Stripe.BillingPortal.Configuration;

export function portalCancel(
  ctx: SandboxContext,
  configuration: Configuration,
  subscription: Stripe.Subscription,
): string {
  const cancel = configuration.features.subscription_cancel;
  if (!cancel.enabled) throw invalidRequest("Canceling is not enabled in this portal.");
  if (cancel.mode === "immediately") {
    endSubscription(ctx, subscription, nowFor(ctx, customerIdOf(subscription)), "cancellation_requested");
    return "Your subscription has been canceled.";
  }
  applySubscriptionUpdate(ctx, subscription, { cancel_at_period_end: true });
  return "Your subscription will be canceled at the end of the billing period.";
}

export function portalRenew(ctx: SandboxContext, subscription: Stripe.Subscription): string {
  applySubscriptionUpdate(ctx, subscription, { cancel_at_period_end: false });
  return "Your subscription will renew.";
}

/** The prices the configuration offers for switching plans (none when updates are off). */
export function offeredPrices(ctx: SandboxContext, configuration: Configuration): Stripe.Price[] {
  const update = configuration.features.subscription_update;
  if (!update.enabled) return [];
  return (update.products ?? [])
    .flatMap((product) => product.prices)
    .flatMap((id) => {
      const price = ctx.store.prices.get(id);
      return price?.active ? [price] : [];
    });
}

export function portalSwitch(
  ctx: SandboxContext,
  configuration: Configuration,
  subscription: Stripe.Subscription,
  priceId: string,
): string {
  if (!offeredPrices(ctx, configuration).some((price) => price.id === priceId)) {
    throw invalidRequest("That plan is not offered in this portal.");
  }
  const item = subscription.items.data[0];
  if (!item) throw invalidRequest("This subscription has no items.");
  if (item.price.id === priceId) return "You are already on that plan.";
  applySubscriptionUpdate(ctx, subscription, {
    items: [{ id: item.id, price: priceId }],
    proration_behavior: configuration.features.subscription_update.proration_behavior as
      | "none"
      | "create_prorations"
      | "always_invoice",
  });
  return "Your plan has been updated.";
}

/**
 * A new card becomes the customer's default (`payment_method.attached`, `customer.updated`) and the
 * default of their subscriptions that name their own card (`customer.subscription.updated`).
 */
export function portalUpdateCard(
  ctx: SandboxContext,
  customer: Stripe.Customer,
  card: TestCard & CardDetails,
  name: string,
): string {
  const method = attachCard(ctx, customer, card, { email: customer.email, name });
  const now = nowFor(ctx, customer.id);
  const before = snapshot(customer);
  customer.invoice_settings.default_payment_method = method.id;
  const previous = previousAttributes(before, customer);
  if (previous) ctx.emit("customer.updated", customer, { previous, created: now });
  for (const subscription of ctx.store.subscriptions.values()) {
    if (customerIdOf(subscription) !== customer.id || !subscription.default_payment_method) continue;
    if (subscription.status === "canceled" || subscription.status === "incomplete_expired") continue;
    updateSubscription(ctx, subscription, now, (s) => {
      s.default_payment_method = method.id;
    });
  }
  ctx.store.markDirty();
  return `Your card ending in ${card.last4} has been saved.`;
}
