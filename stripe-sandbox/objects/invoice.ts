import Stripe from "stripe";
import { newId } from "../ids.ts";

export interface InvoiceFields {
  customer: Stripe.Customer;
  subscription: Stripe.Subscription | null;
  billingReason: Stripe.Invoice.BillingReason;
  currency: string;
  now: number;
  period: { start: number; end: number };
  /** Default `in_…`; previews use `upcoming_in_…`. */
  id?: string;
}

/** A draft invoice without lines; add them with `addLines`. */
export function buildInvoice(fields: InvoiceFields): Stripe.Invoice {
  const id = fields.id ?? newId("in_1");
  const { customer, subscription, now } = fields;
  return {
    id,
    object: "invoice",
    account_country: "DE",
    account_name: "Stapel (sandbox)",
    account_tax_ids: null,
    amount_due: 0,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: 0,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: fields.billingReason,
    collection_method: "charge_automatically",
    created: now,
    currency: fields.currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: "list", data: [], has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: subscription
      ? {
          type: "subscription_details",
          quote_details: null,
          subscription_details: { metadata: { ...subscription.metadata }, subscription: subscription.id },
        }
      : null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: fields.period.end,
    period_start: fields.period.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: customer.balance,
    statement_descriptor: null,
    status: "draft",
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: 0,
    subtotal_excluding_tax: 0,
    test_clock: typeof customer.test_clock === "string" ? customer.test_clock : null,
    total: 0,
    total_discount_amounts: [],
    total_excluding_tax: 0,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
}

/** Adds lines and recomputes the totals; a customer credit balance is applied to what is due. */
export function addLines(invoice: Stripe.Invoice, lines: Stripe.InvoiceLineItem[]): void {
  for (const line of lines) line.invoice = invoice.id;
  invoice.lines.data.push(...lines);
  const total = invoice.lines.data.reduce((sum, line) => sum + line.amount, 0);
  Object.assign(invoice, {
    subtotal: total,
    subtotal_excluding_tax: total,
    total,
    total_excluding_tax: total,
    amount_due: Math.max(0, total + invoice.starting_balance),
    amount_remaining: Math.max(0, total + invoice.starting_balance),
  } satisfies Partial<Stripe.Invoice>);
}

export interface LineFields {
  subscription: Stripe.Subscription;
  item: Stripe.SubscriptionItem;
  amount: number;
  description: string;
  period: { start: number; end: number };
  /** For proration lines: the invoice item they come from. */
  invoiceItem?: string;
  /** A proration line (default: whether `invoiceItem` is given). */
  proration?: boolean;
  price?: Stripe.Price;
  quantity?: number;
}

/** A line for a subscription item (a cycle charge, a trial, or a proration from an invoice item). */
export function buildLine(fields: LineFields): Stripe.InvoiceLineItem {
  const price = fields.price ?? fields.item.price;
  const quantity = fields.quantity ?? fields.item.quantity ?? 1;
  const product = typeof price.product === "string" ? price.product : price.product.id;
  return {
    id: newId("il_1"),
    object: "line_item",
    amount: fields.amount,
    currency: fields.subscription.currency,
    description: fields.description,
    discount_amounts: [],
    discountable: !(fields.proration ?? fields.invoiceItem),
    discounts: [],
    invoice: null,
    livemode: false,
    metadata: {},
    parent: {
      type: "subscription_item_details",
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: fields.invoiceItem ?? null,
        proration: fields.proration ?? Boolean(fields.invoiceItem),
        proration_details: { credited_items: null },
        subscription: fields.subscription.id,
        subscription_item: fields.item.id,
      },
    },
    period: { start: fields.period.start, end: fields.period.end },
    pretax_credit_amounts: [],
    pricing: {
      type: "price_details",
      price_details: { price: price.id, product },
      unit_amount_decimal: price.unit_amount_decimal,
    },
    quantity,
    quantity_decimal: Stripe.Decimal.from(String(quantity)),
    subscription: fields.subscription.id,
    subtotal: fields.amount,
    taxes: [],
  };
}

export interface InvoiceItemFields {
  customer: Stripe.Customer;
  subscription: Stripe.Subscription;
  item: Stripe.SubscriptionItem;
  price: Stripe.Price;
  quantity: number;
  amount: number;
  description: string;
  period: { start: number; end: number };
  now: number;
}

/** A pending proration invoice item; the next invoice of the subscription picks it up. */
export function buildProrationItem(fields: InvoiceItemFields): Stripe.InvoiceItem {
  const { price } = fields;
  return {
    id: newId("ii_1"),
    object: "invoiceitem",
    amount: fields.amount,
    currency: fields.subscription.currency,
    customer: fields.customer.id,
    customer_account: null,
    date: fields.now,
    description: fields.description,
    discountable: false,
    discounts: [],
    invoice: null,
    livemode: false,
    metadata: {},
    parent: {
      type: "subscription_details",
      subscription_details: { subscription: fields.subscription.id, subscription_item: fields.item.id },
    },
    period: { start: fields.period.start, end: fields.period.end },
    pricing: {
      type: "price_details",
      price_details: {
        price: price.id,
        product: typeof price.product === "string" ? price.product : price.product.id,
      },
      unit_amount_decimal: price.unit_amount_decimal,
    },
    proration: true,
    quantity: fields.quantity,
    quantity_decimal: Stripe.Decimal.from(String(fields.quantity)),
    tax_rates: [],
    test_clock: typeof fields.customer.test_clock === "string" ? fields.customer.test_clock : null,
  };
}
