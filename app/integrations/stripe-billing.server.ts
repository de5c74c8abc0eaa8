import Stripe from "stripe";
import { stripe } from "./stripe.server.ts";

/**
 * What a subscriber does to their own subscription, through the official SDK: schedule or withdraw
 * a cancellation, preview and make a price change, open Stripe's billing portal. Stripe answers with
 * the new state, and its webhooks say the same later; callers apply the state from Stripe.
 */

/**
 * Immediate changes are invoiced at once: the subscriber pays (or is credited) the prorated
 * difference now, which is exactly the preview's "due now". Stripe resets the billing cycle anyway
 * when the interval changes (monthly <-> yearly).
 */
const PRORATION_BEHAVIOR = "always_invoice" as const;

/** Sets or withdraws "cancel at the period's end". Setting a state is safe to repeat. */
export function setCancelAtPeriodEnd(
  stripeSubscriptionId: string,
  cancelAtPeriodEnd: boolean,
): Promise<Stripe.Subscription> {
  return stripe().subscriptions.update(stripeSubscriptionId, { cancel_at_period_end: cancelAtPeriodEnd });
}

export type PriceChange = {
  stripeCustomerId: string;
  stripeSubscriptionId: string;
  /** The subscription item whose price changes (Stapel's subscriptions have one). */
  stripeItemId: string;
  stripePriceId: string;
  /** Unix seconds the proration is computed for; the preview and the change must use the same. */
  prorationDate: number;
};

export type PriceChangePreview = {
  currency: string;
  /** What the subscriber pays now (0 when a credit covers it). */
  amountDue: number;
  total: number;
  lines: { description: string; amount: number }[];
};

/** The invoice the change would create, from Stripe's invoices.createPreview. Changes nothing. */
export async function previewPriceChange(change: PriceChange): Promise<PriceChangePreview> {
  const invoice = await stripe().invoices.createPreview({
    customer: change.stripeCustomerId,
    subscription: change.stripeSubscriptionId,
    subscription_details: {
      items: [{ id: change.stripeItemId, price: change.stripePriceId }],
      proration_behavior: PRORATION_BEHAVIOR,
      proration_date: change.prorationDate,
    },
  });
  return {
    currency: invoice.currency,
    amountDue: invoice.amount_due,
    total: invoice.total,
    lines: invoice.lines.data.map((line) => ({ description: line.description ?? "", amount: line.amount })),
  };
}

export type PriceChangeOutcome =
  | { kind: "changed"; subscription: Stripe.Subscription }
  /** The card was declined for the prorated amount: Stripe left the subscription as it was. */
  | { kind: "declined"; message: string };

/**
 * Makes the change previewed with the same proration date. `error_if_incomplete` makes Stripe
 * refuse the change (402) when the prorated invoice cannot be paid, instead of switching the plan
 * and leaving the subscription past due. The key names the subscription, the target price and the
 * date, so a double submit is answered from Stripe's idempotency store instead of invoicing twice.
 */
export async function changeSubscriptionPrice(change: PriceChange): Promise<PriceChangeOutcome> {
  try {
    const subscription = await stripe().subscriptions.update(
      change.stripeSubscriptionId,
      {
        items: [{ id: change.stripeItemId, price: change.stripePriceId }],
        proration_behavior: PRORATION_BEHAVIOR,
        proration_date: change.prorationDate,
        payment_behavior: "error_if_incomplete",
      },
      {
        idempotencyKey: `subscriber-price-change:${change.stripeSubscriptionId}:${change.stripePriceId}:${change.prorationDate}`,
      },
    );
    return { kind: "changed", subscription };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) return { kind: "declined", message: error.message };
    throw error;
  }
}

export function retrieveSubscription(stripeSubscriptionId: string): Promise<Stripe.Subscription> {
  return stripe().subscriptions.retrieve(stripeSubscriptionId);
}

/** Stapel's own portal configuration, found by this metadata; made once per Stripe account. */
const PORTAL_CONFIGURATION_TAG = { stapel: "subscriber-portal-v1" };
let portalConfigurationId: string | undefined;

/**
 * The portal offers what Stapel itself does not: the payment method, invoice history, and
 * cancelling. Plan changes stay in Stapel, where the preview is shown first. Real Stripe accounts
 * have no default configuration until one is saved in the Dashboard, so Stapel brings its own.
 */
async function portalConfiguration(): Promise<string> {
  if (portalConfigurationId) return portalConfigurationId;
  const existing = await stripe().billingPortal.configurations.list({ active: true, limit: 100 });
  const ours = existing.data.find((row) => row.metadata?.stapel === PORTAL_CONFIGURATION_TAG.stapel);
  const configuration =
    ours ??
    (await stripe().billingPortal.configurations.create(
      {
        business_profile: { headline: "Stapel: your memberships" },
        features: {
          payment_method_update: { enabled: true },
          invoice_history: { enabled: true },
          subscription_cancel: { enabled: true, mode: "at_period_end" },
        },
        metadata: PORTAL_CONFIGURATION_TAG,
      },
      { idempotencyKey: `portal-configuration:${PORTAL_CONFIGURATION_TAG.stapel}` },
    ));
  portalConfigurationId = configuration.id;
  return configuration.id;
}

/** A one-time link into Stripe's billing portal for one customer, coming back to `returnUrl`. */
export async function createBillingPortalSession(
  stripeCustomerId: string,
  returnUrl: string,
): Promise<string> {
  const session = await stripe().billingPortal.sessions.create({
    customer: stripeCustomerId,
    return_url: returnUrl,
    configuration: await portalConfiguration(),
  });
  return session.url;
}

/**
 * Cancels a subscription now, without proration (an account being deleted, a plan invoice refunded
 * or disputed); `comment` says why in Stripe's dashboard. Repeating it is safe:
 * Stripe answers 400 for a subscription that has already ended, and that answer is read back as
 * the subscription's current state. DELETE takes no idempotency key at Stripe, hence the retrieve.
 */
export async function cancelSubscriptionNow(
  stripeSubscriptionId: string,
  comment: string,
): Promise<Stripe.Subscription> {
  try {
    return await stripe().subscriptions.cancel(stripeSubscriptionId, { cancellation_details: { comment } });
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code !== "resource_missing") {
      const current = await stripe().subscriptions.retrieve(stripeSubscriptionId);
      if (current.status === "canceled" || current.status === "incomplete_expired") return current;
    }
    throw error;
  }
}

/** The address Stripe sends the customer's receipts and invoices to. Setting a value is safe to repeat. */
export function updateCustomerEmail(stripeCustomerId: string, email: string): Promise<Stripe.Customer> {
  return stripe().customers.update(stripeCustomerId, { email });
}

/**
 * Removes a deleted account's email and name from its Stripe customer ("" unsets a field). Stripe
 * keeps its payment records itself; the customer object stays, so late webhooks still name it.
 */
export function forgetCustomerContact(stripeCustomerId: string): Promise<Stripe.Customer> {
  return stripe().customers.update(stripeCustomerId, { email: "", name: "" });
}
