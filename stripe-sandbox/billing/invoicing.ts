import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { newId } from "../ids.ts";
import { addLines, buildInvoice } from "../objects/invoice.ts";
import type { Decline } from "../test-cards.ts";
import { chargeCard } from "./charging.ts";
import { applySubscriptionDiscount } from "./discounts.ts";

/**
 * An invoice's life: created as a draft (`invoice.created`), finalized (`invoice.finalized`, status
 * open, a number and a hosted page), then paid (`invoice.paid`, `invoice.payment_succeeded`) or not
 * (`invoice.payment_failed`). Pending invoice items of the subscription (prorations) are pulled in.
 */

export interface NewInvoice {
  subscription: Stripe.Subscription;
  billingReason: Stripe.Invoice.BillingReason;
  now: number;
  period: { start: number; end: number };
  lines: Stripe.InvoiceLineItem[];
  /** Pull in the subscription's pending invoice items (default true). */
  pendingItems?: boolean;
}

/** Builds and stores a draft invoice without announcing it (see `announceInvoice`). */
export function prepareInvoice(ctx: SandboxContext, fields: NewInvoice): Stripe.Invoice {
  const customer = ctx.store.customers.get(String(fields.subscription.customer));
  if (!customer) throw new Error(`stripe-sandbox: customer of ${fields.subscription.id} vanished`);
  const invoice = buildInvoice({
    customer,
    subscription: fields.subscription,
    billingReason: fields.billingReason,
    currency: fields.subscription.currency,
    now: fields.now,
    period: fields.period,
  });
  addLines(invoice, fields.lines);
  if (fields.pendingItems !== false)
    addLines(invoice, claimPendingItems(ctx, fields.subscription, invoice.id));
  applySubscriptionDiscount(ctx, fields.subscription, invoice, fields.now);
  ctx.store.invoices.set(invoice.id, invoice);
  ctx.store.markDirty();
  return invoice;
}

export function announceInvoice(ctx: SandboxContext, invoice: Stripe.Invoice): void {
  ctx.emit("invoice.created", invoice, { created: invoice.created });
}

/** Lines for the subscription's invoice items that no invoice has taken yet; they now belong to `invoiceId`. */
function claimPendingItems(
  ctx: SandboxContext,
  subscription: Stripe.Subscription,
  invoiceId: string,
): Stripe.InvoiceLineItem[] {
  const lines: Stripe.InvoiceLineItem[] = [];
  for (const item of ctx.store.invoiceItems.values()) {
    const owner = item.parent?.subscription_details?.subscription;
    if (item.invoice !== null || owner !== subscription.id) continue;
    item.invoice = invoiceId;
    const subItem = subscription.items.data.find(
      (candidate) => candidate.id === item.parent?.subscription_details?.subscription_item,
    );
    const price = item.pricing?.price_details?.price;
    lines.push({
      id: newId("il_1"),
      object: "line_item",
      amount: item.amount,
      currency: item.currency,
      description: item.description,
      discount_amounts: [],
      discountable: false,
      discounts: [],
      invoice: invoiceId,
      livemode: false,
      metadata: {},
      parent: {
        type: "subscription_item_details",
        invoice_item_details: null,
        subscription_item_details: {
          invoice_item: item.id,
          proration: item.proration,
          proration_details: { credited_items: null },
          subscription: subscription.id,
          subscription_item: subItem?.id ?? item.parent?.subscription_details?.subscription_item ?? "",
        },
      },
      period: item.period,
      pretax_credit_amounts: [],
      pricing: item.pricing && {
        type: "price_details",
        price_details: {
          price: typeof price === "string" ? price : (price?.id ?? ""),
          product: item.pricing.price_details?.product ?? "",
        },
        unit_amount_decimal: item.pricing.unit_amount_decimal,
      },
      quantity: item.quantity,
      quantity_decimal: item.quantity_decimal,
      subscription: subscription.id,
      subtotal: item.amount,
      taxes: [],
    });
  }
  return lines;
}

/** Draft → open: a number, the hosted page, the customer's balance applied. A $0 invoice is paid at once. */
export function finalizeInvoice(ctx: SandboxContext, invoice: Stripe.Invoice, now: number): void {
  const customer = ctx.store.customers.get(String(invoice.customer));
  const sequence = customer?.next_invoice_sequence ?? 1;
  if (customer) customer.next_invoice_sequence = sequence + 1;
  const balanceAfter = Math.min(0, invoice.total + invoice.starting_balance);
  if (customer && customer.balance !== balanceAfter) {
    const before = { balance: customer.balance };
    customer.balance = balanceAfter;
    ctx.emit("customer.updated", customer, { previous: before, created: now });
  }
  Object.assign(invoice, {
    status: "open",
    number: `${customer?.invoice_prefix ?? "SANDBOX"}-${String(sequence).padStart(4, "0")}`,
    hosted_invoice_url: `${ctx.publicBaseUrl()}/i/${invoice.id}`,
    invoice_pdf: `${ctx.publicBaseUrl()}/i/${invoice.id}/pdf`,
    effective_at: now,
    ending_balance: balanceAfter,
    automatically_finalizes_at: null,
    webhooks_delivered_at: invoice.webhooks_delivered_at ?? now,
    status_transitions: { ...invoice.status_transitions, finalized_at: now },
  } satisfies Partial<Stripe.Invoice>);
  ctx.store.markDirty();
  ctx.emit("invoice.finalized", invoice, { created: now });
  if (invoice.amount_due === 0) markPaid(ctx, invoice, now);
}

function markPaid(ctx: SandboxContext, invoice: Stripe.Invoice, now: number): void {
  Object.assign(invoice, {
    status: "paid",
    amount_paid: invoice.amount_due,
    amount_remaining: 0,
    attempted: true,
    auto_advance: false,
    next_payment_attempt: null,
    status_transitions: { ...invoice.status_transitions, paid_at: now },
  } satisfies Partial<Stripe.Invoice>);
  ctx.store.markDirty();
  ctx.emit("invoice.paid", invoice, { created: now });
  ctx.emit("invoice.payment_succeeded", invoice, { created: now });
}

export interface Collection {
  paymentMethod: Stripe.PaymentMethod | undefined;
  now: number;
  /** When Stripe will try again after this attempt fails (null: no further attempt). */
  nextAttempt: number | null;
  applicationFeePercent?: number | null;
  transferDestination?: string | null;
  /** The customer pays on a hosted page (3D Secure passes); default off-session, as renewals are. */
  onSession?: boolean;
}

export type CollectionOutcome =
  | { paid: true; decline?: undefined; requiresAction?: undefined }
  | { paid: false; decline: Decline; requiresAction?: undefined }
  | { paid: false; decline?: undefined; requiresAction: true };

/**
 * One payment attempt on an open invoice with the given card. The invoice keeps one PaymentIntent
 * across attempts (listed in `invoice.payments`), as Stripe's invoices do.
 */
export function collectInvoice(
  ctx: SandboxContext,
  invoice: Stripe.Invoice,
  collection: Collection,
): CollectionOutcome {
  const { now } = collection;
  invoice.attempt_count += 1;
  invoice.attempted = true;
  const method = collection.paymentMethod;
  if (!method) {
    const decline: Decline = {
      code: "card_declined",
      declineCode: "no_payment_method",
      message: "The customer has no payment method to charge.",
    };
    invoice.next_payment_attempt = collection.nextAttempt;
    ctx.emit("invoice.payment_failed", invoice, { created: now });
    return { paid: false, decline };
  }
  const record = [...ctx.store.invoicePayments.values()].find((payment) => payment.invoice === invoice.id);
  const existing = record?.payment.payment_intent;
  const fee = collection.applicationFeePercent
    ? Math.round((invoice.amount_due * collection.applicationFeePercent) / 100)
    : null;
  const result = chargeCard(ctx, {
    customer: String(invoice.customer),
    amount: invoice.amount_due,
    currency: invoice.currency,
    paymentMethod: method,
    description:
      invoice.billing_reason === "subscription_create" ? "Subscription creation" : "Subscription update",
    now,
    applicationFeeAmount: fee,
    transferDestination: collection.transferDestination ?? null,
    intent: typeof existing === "string" ? ctx.store.paymentIntents.get(existing) : undefined,
    onSession: collection.onSession,
  });
  const payment = record ?? newInvoicePayment(ctx, invoice, result.intent.id, now);
  if (result.requiresAction) {
    // Stripe reports the attempt as failed and asks for the customer's authentication; there is
    // nothing to retry until they authenticate (on the hosted invoice page).
    invoice.next_payment_attempt = null;
    ctx.store.markDirty();
    ctx.emit("invoice.payment_failed", invoice, { created: now });
    ctx.emit("invoice.payment_action_required", invoice, { created: now });
    return { paid: false, requiresAction: true };
  }
  if (result.decline) {
    invoice.next_payment_attempt = collection.nextAttempt;
    ctx.store.markDirty();
    ctx.emit("invoice.payment_failed", invoice, { created: now });
    return { paid: false, decline: result.decline };
  }
  Object.assign(payment, {
    status: "paid",
    amount_paid: invoice.amount_due,
    status_transitions: { canceled_at: null, paid_at: now },
  } satisfies Partial<Stripe.InvoicePayment>);
  ctx.emit("invoice_payment.paid", payment, { created: now });
  markPaid(ctx, invoice, now);
  return { paid: true };
}

function newInvoicePayment(
  ctx: SandboxContext,
  invoice: Stripe.Invoice,
  intent: string,
  now: number,
): Stripe.InvoicePayment {
  const payment: Stripe.InvoicePayment = {
    id: newId("inpay_1"),
    object: "invoice_payment",
    amount_paid: null,
    amount_requested: invoice.amount_due,
    created: now,
    currency: invoice.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: "payment_intent", payment_intent: intent },
    status: "open",
    status_transitions: { canceled_at: null, paid_at: null },
  };
  ctx.store.invoicePayments.set(payment.id, payment);
  return payment;
}

/** `invoice.voided`: a draft or open invoice that will never be paid (e.g. collection paused with `void`). */
export function voidInvoice(ctx: SandboxContext, invoice: Stripe.Invoice, now: number): void {
  Object.assign(invoice, {
    status: "void",
    amount_remaining: 0,
    auto_advance: false,
    next_payment_attempt: null,
    status_transitions: { ...invoice.status_transitions, voided_at: now },
  } satisfies Partial<Stripe.Invoice>);
  ctx.store.markDirty();
  ctx.emit("invoice.voided", invoice, { created: now });
}

export function markUncollectible(ctx: SandboxContext, invoice: Stripe.Invoice, now: number): void {
  Object.assign(invoice, {
    status: "uncollectible",
    auto_advance: false,
    next_payment_attempt: null,
    status_transitions: { ...invoice.status_transitions, marked_uncollectible_at: now },
  } satisfies Partial<Stripe.Invoice>);
  ctx.store.markDirty();
  ctx.emit("invoice.marked_uncollectible", invoice, { created: now });
}
