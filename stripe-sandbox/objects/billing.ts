import type Stripe from "stripe";
import { newId, nowSeconds } from "../ids.ts";
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
    default:
      date.setUTCMonth(date.getUTCMonth() + count);
  }
  return Math.floor(date.getTime() / 1000);
}

export interface SubscriptionFields {
  customer: string;
  currency: string;
  lineItems: Stripe.LineItem[];
  metadata: Stripe.Metadata;
  description: string | null;
  paymentMethod: string;
}

/** An active subscription; since API 2025-03-31 the current period lives on each item. */
export function buildSubscription(fields: SubscriptionFields): Stripe.Subscription {
  const id = newId("sub_1");
  const start = nowSeconds();
  const items: Stripe.SubscriptionItem[] = fields.lineItems.flatMap((line) => {
    const price = line.price;
    if (!price) return [];
    return [
      {
        id: newId("si_", 14),
        object: "subscription_item",
        billing_thresholds: null,
        created: start,
        current_period_end: periodEnd(start, price.recurring),
        current_period_start: start,
        current_trial: null,
        discounts: [],
        metadata: {},
        plan: planFromPrice(price),
        price,
        quantity: line.quantity ?? 1,
        subscription: id,
        tax_rates: [],
      },
    ];
  });
  return {
    id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: start,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: "classic" },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: "charge_automatically",
    created: start,
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
    start_date: start,
    status: "active",
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: {
      end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" },
    },
    trial_start: null,
  };
}

export interface InvoiceFields {
  subscription: Stripe.Subscription;
  customer: Stripe.Customer;
}

/** The first invoice of a subscription, already paid. */
export function buildPaidInvoice({ subscription, customer }: InvoiceFields): Stripe.Invoice {
  const id = newId("in_1");
  const now = nowSeconds();
  const firstItem = subscription.items.data[0];
  const periodStart = firstItem?.current_period_start ?? now;
  const periodEndAt = firstItem?.current_period_end ?? now;
  const lines: Stripe.InvoiceLineItem[] = subscription.items.data.map((item) => {
    const amount = (item.price.unit_amount ?? 0) * (item.quantity ?? 1);
    return {
      id: newId("il_1"),
      object: "line_item",
      amount,
      currency: subscription.currency,
      description: `${item.quantity ?? 1} × ${item.price.nickname ?? "subscription"}`,
      discount_amounts: [],
      discountable: true,
      discounts: [],
      invoice: id,
      livemode: false,
      metadata: {},
      parent: {
        type: "subscription_item_details",
        invoice_item_details: null,
        subscription_item_details: {
          invoice_item: null,
          proration: false,
          proration_details: { credited_items: null },
          subscription: subscription.id,
          subscription_item: item.id,
        },
      },
      period: { end: item.current_period_end, start: item.current_period_start },
      pretax_credit_amounts: [],
      pricing: {
        type: "price_details",
        price_details: { price: item.price.id, product: item.plan.product ? String(item.plan.product) : "" },
        unit_amount_decimal: item.price.unit_amount_decimal,
      },
      quantity: item.quantity ?? 1,
      quantity_decimal: null,
      subscription: subscription.id,
      subtotal: amount,
      taxes: [],
    };
  });
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  return {
    id,
    object: "invoice",
    account_country: "DE",
    account_name: "Stapel (sandbox)",
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: total,
    amount_remaining: 0,
    amount_shipping: 0,
    application: null,
    attempt_count: 1,
    attempted: true,
    auto_advance: false,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: "subscription_create",
    collection_method: "charge_automatically",
    created: now,
    currency: subscription.currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: now,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: "list", data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: `${customer.invoice_prefix ?? "SANDBOX"}-0001`,
    on_behalf_of: null,
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { metadata: subscription.metadata, subscription: subscription.id },
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: periodEndAt,
    period_start: periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: "paid",
    status_transitions: { finalized_at: now, marked_uncollectible_at: null, paid_at: now, voided_at: null },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: now,
  };
}
