import type Stripe from "stripe";
import { newId } from "../ids.ts";
import { planFromPrice } from "./catalog.ts";

/** End of one billing period that starts at `start` (calendar arithmetic in UTC, like Stripe). */
export function periodEnd(start: number, recurring: Stripe.Price.Recurring | null): number {
  const date = new Date(start * 1000);
  const count = recurring?.interval_count ?? 1;
  switch (recurring?.interval ?? "month") {
    case "day":
      date.setUTCDate(date.getUTCDate() + count);
      break;
    case "week":
      date.setUTCDate(date.getUTCDate() + 7 * count);
      break;
    case "year":
      date.setUTCFullYear(date.getUTCFullYear() + count);
      break;
    default: {
      // Month ends clamp (Jan 31 + 1 month = Feb 28/29), as Stripe's billing cycle does.
      const day = date.getUTCDate();
      date.setUTCDate(1);
      date.setUTCMonth(date.getUTCMonth() + count);
      const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
      date.setUTCDate(Math.min(day, last));
    }
  }
  return Math.floor(date.getTime() / 1000);
}

export function buildSubscriptionItem(
  subscription: string,
  price: Stripe.Price,
  quantity: number,
  period: { start: number; end: number },
  created: number,
): Stripe.SubscriptionItem {
  return {
    id: newId("si_", 14),
    object: "subscription_item",
    billing_thresholds: null,
    created,
    current_period_end: period.end,
    current_period_start: period.start,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planFromPrice(price),
    price,
    quantity,
    subscription,
    tax_rates: [],
  };
}

export interface SubscriptionFields {
  customer: string;
  currency: string;
  items: { price: Stripe.Price; quantity: number }[];
  metadata: Stripe.Metadata;
  description: string | null;
  paymentMethod: string | null;
  now: number;
  /** End of the free trial; null for none. The first period then runs to the trial's end. */
  trialEnd: number | null;
  testClock: string | null;
  applicationFeePercent: number | null;
  transferData: Stripe.Subscription.TransferData | null;
}

/**
 * A new subscription: `trialing` with a trial, else `incomplete` until its first invoice is paid.
 * Since API 2025-03-31 the current period lives on each item, not on the subscription.
 */
export function buildSubscription(fields: SubscriptionFields): Stripe.Subscription {
  const id = newId("sub_1");
  const { now, trialEnd } = fields;
  const items = fields.items.map(({ price, quantity }) =>
    buildSubscriptionItem(
      id,
      price,
      quantity,
      { start: now, end: trialEnd ?? periodEnd(now, price.recurring) },
      now,
    ),
  );
  return {
    id,
    object: "subscription",
    application: null,
    application_fee_percent: fields.applicationFeePercent,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: trialEnd ?? now,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: "classic" },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: "charge_automatically",
    created: now,
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: fields.paymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: fields.description,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: "self" },
    },
    items: { object: "list", data: items, has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: fields.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: "off",
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: trialEnd ? "trialing" : "incomplete",
    test_clock: fields.testClock,
    transfer_data: fields.transferData,
    trial_end: trialEnd,
    trial_settings: {
      end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" },
    },
    trial_start: trialEnd ? now : null,
  };
}

/** The period all items share (the sandbox keeps items on one billing cycle). */
export function currentPeriod(subscription: Stripe.Subscription): { start: number; end: number } {
  const item = subscription.items.data[0];
  return {
    start: item?.current_period_start ?? subscription.created,
    end: item?.current_period_end ?? subscription.created,
  };
}

export function setPeriod(subscription: Stripe.Subscription, period: { start: number; end: number }): void {
  for (const item of subscription.items.data) {
    item.current_period_start = period.start;
    item.current_period_end = period.end;
  }
}

export function customerIdOf(subscription: Stripe.Subscription): string {
  return typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
}
