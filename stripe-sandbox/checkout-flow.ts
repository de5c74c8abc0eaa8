import type Stripe from "stripe";
import type { SandboxContext } from "./context.ts";
import { newId, nowSeconds } from "./ids.ts";
import { buildPaidInvoice, buildSubscription } from "./objects/billing.ts";
import { buildCharge, buildPaymentIntent, type CardDetails } from "./objects/payments.ts";
import { createCustomer } from "./routes/customers.ts";
import type { SessionRecord } from "./store.ts";

/**
 * What happens to a Checkout Session over its life: it expires, or a buyer pays (or fails to pay)
 * on the hosted page. Events are emitted in the order Stripe's documentation lists them.
 */

export function expireSession(
  ctx: SandboxContext,
  record: SessionRecord,
  request?: Stripe.Event.Request,
): void {
  record.session.status = "expired";
  record.session.url = null;
  ctx.store.markDirty();
  ctx.emit("checkout.session.expired", record.session, { request });
}

/** Open sessions past `expires_at` expire when next looked at (and on a periodic sweep). */
export function expireIfDue(ctx: SandboxContext, record: SessionRecord): void {
  if (record.session.status === "open" && record.session.expires_at <= nowSeconds())
    expireSession(ctx, record);
}

export interface Buyer {
  email: string;
  name: string;
  card: CardDetails;
}

export interface Decline {
  code: "card_declined";
  declineCode: string;
  message: string;
}

/** The PaymentIntent of a payment-mode session: reused across attempts, created on the first. */
function intentFor(
  ctx: SandboxContext,
  record: SessionRecord,
  customer: string | null,
): Stripe.PaymentIntent {
  const existing =
    typeof record.session.payment_intent === "string"
      ? ctx.store.paymentIntents.get(record.session.payment_intent)
      : undefined;
  if (existing) {
    existing.customer = customer ?? existing.customer;
    return existing;
  }
  const data = record.paymentIntentData;
  const intent = buildPaymentIntent({
    amount: record.session.amount_total ?? 0,
    currency: record.session.currency ?? "eur",
    customer,
    description: data.description,
    metadata: data.metadata,
    receiptEmail: data.receiptEmail,
    applicationFeeAmount: data.applicationFeeAmount,
    transferDestination: data.transferDestination,
  });
  ctx.store.paymentIntents.set(intent.id, intent);
  ctx.emit("payment_intent.created", intent);
  return intent;
}

function customerDetails(buyer: Buyer): Stripe.Checkout.Session.CustomerDetails {
  return {
    address: {
      city: null,
      country: buyer.card.country,
      line1: null,
      line2: null,
      postal_code: null,
      state: null,
    },
    business_name: null,
    email: buyer.email,
    individual_name: null,
    name: buyer.name,
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
  };
}

function succeedIntent(ctx: SandboxContext, intent: Stripe.PaymentIntent, buyer: Buyer): Stripe.Charge {
  const paymentMethod = newId("pm_1");
  const charge = buildCharge({
    intent,
    paymentMethod,
    card: buyer.card,
    billingEmail: buyer.email,
    billingName: buyer.name,
  });
  ctx.store.charges.set(charge.id, charge);
  Object.assign(intent, {
    status: "succeeded",
    amount_received: intent.amount,
    latest_charge: charge.id,
    payment_method: paymentMethod,
    last_payment_error: null,
  } satisfies Partial<Stripe.PaymentIntent>);
  ctx.emit("charge.succeeded", charge);
  ctx.emit("payment_intent.succeeded", intent);
  return charge;
}

/** A successful card payment on the hosted page. */
export function completeSession(ctx: SandboxContext, record: SessionRecord, buyer: Buyer): void {
  const { session } = record;
  let customerId = typeof session.customer === "string" ? session.customer : null;
  const needsCustomer = session.mode === "subscription" || record.customerCreation === "always";
  if (!customerId && needsCustomer) {
    customerId = createCustomer(ctx, { email: buyer.email, name: buyer.name }).id;
  }

  if (session.mode === "subscription") {
    completeSubscription(ctx, record, buyer, customerId ?? "");
  } else {
    const intent = intentFor(ctx, record, customerId);
    succeedIntent(ctx, intent, buyer);
    session.payment_intent = intent.id;
  }
  Object.assign(session, {
    status: "complete",
    payment_status: "paid",
    customer: customerId,
    customer_details: customerDetails(buyer),
    url: null,
  } satisfies Partial<Stripe.Checkout.Session>);
  ctx.store.markDirty();
  ctx.emit("checkout.session.completed", session);
}

function completeSubscription(
  ctx: SandboxContext,
  record: SessionRecord,
  buyer: Buyer,
  customerId: string,
): void {
  const customer = ctx.store.customers.get(customerId);
  if (!customer) throw new Error(`stripe-sandbox: customer ${customerId} vanished`);
  const subscription = buildSubscription({
    customer: customerId,
    currency: record.session.currency ?? "eur",
    lineItems: record.lineItems,
    metadata: record.subscriptionData.metadata,
    description: record.subscriptionData.description,
    paymentMethod: newId("pm_1"),
  });
  const invoice = buildPaidInvoice({ subscription, customer });
  subscription.latest_invoice = invoice.id;
  const intent = buildPaymentIntent({
    amount: invoice.amount_paid,
    currency: invoice.currency,
    customer: customerId,
    description: "Subscription creation",
    metadata: {},
    receiptEmail: null,
    applicationFeeAmount: null,
    transferDestination: null,
  });
  ctx.store.paymentIntents.set(intent.id, intent);
  ctx.store.subscriptions.set(subscription.id, subscription);
  ctx.store.invoices.set(invoice.id, invoice);
  succeedIntent(ctx, intent, buyer);
  ctx.emit("customer.subscription.created", subscription);
  ctx.emit("invoice.paid", invoice);
  ctx.emit("invoice.payment_succeeded", invoice);
  Object.assign(record.session, { subscription: subscription.id, invoice: invoice.id });
}

/** A declined card: a failed charge on the session's PaymentIntent, which stays open for another try. */
export function declinePayment(
  ctx: SandboxContext,
  record: SessionRecord,
  buyer: Buyer,
  decline: Decline,
): void {
  const { session } = record;
  if (session.mode !== "payment") return;
  const intent = intentFor(ctx, record, typeof session.customer === "string" ? session.customer : null);
  const paymentMethod = newId("pm_1");
  const charge = buildCharge({
    intent,
    paymentMethod,
    card: buyer.card,
    billingEmail: buyer.email,
    billingName: buyer.name,
    failure: decline,
  });
  ctx.store.charges.set(charge.id, charge);
  Object.assign(intent, {
    status: "requires_payment_method",
    latest_charge: charge.id,
    payment_method: null,
    last_payment_error: {
      charge: charge.id,
      code: decline.code,
      decline_code: decline.declineCode,
      doc_url: "https://stripe.com/docs/error-codes/card-declined",
      message: decline.message,
      payment_method_type: "card",
      type: "card_error",
    },
  } satisfies Partial<Stripe.PaymentIntent>);
  session.payment_intent = intent.id;
  ctx.store.markDirty();
  ctx.emit("charge.failed", charge);
  ctx.emit("payment_intent.payment_failed", intent);
}
