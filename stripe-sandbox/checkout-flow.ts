import type Stripe from "stripe";
import { chargeCard } from "./billing/charging.ts";
import { startSubscription } from "./billing/start.ts";
import { nowFor } from "./billing/time.ts";
import type { SandboxContext } from "./context.ts";
import { redeemSessionDiscounts } from "./discounts.ts";
import { nowSeconds } from "./ids.ts";
import { buildPaymentMethod } from "./objects/payment-method.ts";
import { buildPaymentIntent, type CardDetails } from "./objects/payments.ts";
import { createCustomer } from "./routes/customers.ts";
import { createClock } from "./routes/test-clocks.ts";
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

/** The PaymentIntent of a payment-mode session: reused across attempts, created on the first. */
export function intentFor(
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

export function customerDetails(
  buyer: Pick<Buyer, "email" | "name"> & { card: { country: string } },
): Stripe.Checkout.Session.CustomerDetails {
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

/** The card the buyer entered, as a PaymentMethod (attached to `customer` when given). */
function savePaymentMethod(
  ctx: SandboxContext,
  buyer: Buyer,
  customer: string | null,
  now: number,
): Stripe.PaymentMethod {
  const method = buildPaymentMethod({
    card: buyer.card,
    customer,
    email: buyer.email,
    name: buyer.name,
    created: now,
  });
  ctx.store.paymentMethods.set(method.id, method);
  if (customer) ctx.emit("payment_method.attached", method, { created: now });
  return method;
}

/** A successful card payment on the hosted page. */
/** The session's customer: the one given, or one created now when the mode or `customer_creation` needs it. */
export function checkoutCustomer(
  ctx: SandboxContext,
  record: SessionRecord,
  buyer: Pick<Buyer, "email" | "name">,
): string | null {
  const { session } = record;
  const customerId = typeof session.customer === "string" ? session.customer : null;
  const needsCustomer = session.mode === "subscription" || record.customerCreation === "always";
  if (customerId || !needsCustomer) return customerId;
  const clock = ctx.billing.clockPerCheckoutCustomer
    ? createClock(ctx, nowSeconds(), `Checkout customer ${buyer.email}`)
    : undefined;
  return createCustomer(ctx, { email: buyer.email, name: buyer.name, clock }).id;
}

export function completeSession(ctx: SandboxContext, record: SessionRecord, buyer: Buyer): void {
  const { session } = record;
  const customerId = checkoutCustomer(ctx, record, buyer);

  if (session.mode === "subscription") {
    const customer = ctx.store.customers.get(customerId ?? "");
    if (!customer) throw new Error(`stripe-sandbox: customer ${customerId} vanished`);
    const now = nowFor(ctx, customer.id);
    const method = savePaymentMethod(ctx, buyer, customer.id, now);
    const subscription = startSubscription(ctx, { record, customer, paymentMethod: method, now });
    Object.assign(session, { subscription: subscription.id, invoice: subscription.latest_invoice });
  } else if ((session.amount_total ?? 0) > 0) {
    const intent = intentFor(ctx, record, customerId);
    const method = savePaymentMethod(ctx, buyer, null, nowSeconds());
    chargeCard(ctx, { ...chargeFieldsOf(intent, method), intent });
    session.payment_intent = intent.id;
  }
  Object.assign(session, {
    status: "complete",
    payment_status: session.amount_total === 0 ? "no_payment_required" : "paid",
    customer: customerId,
    customer_details: customerDetails(buyer),
    url: null,
  } satisfies Partial<Stripe.Checkout.Session>);
  // Nothing to charge (a 100% discount): Stripe completes the session without a PaymentIntent.
  redeemSessionDiscounts(ctx, record);
  ctx.store.markDirty();
  ctx.emit("checkout.session.completed", session);
}

function chargeFieldsOf(intent: Stripe.PaymentIntent, method: Stripe.PaymentMethod) {
  return {
    customer: typeof intent.customer === "string" ? intent.customer : null,
    amount: intent.amount,
    currency: intent.currency,
    paymentMethod: method,
    description: intent.description,
    now: nowSeconds(),
    onSession: true,
  };
}

/** A declined card: a failed charge on the session's PaymentIntent, which stays open for another try. */
export function declinePayment(ctx: SandboxContext, record: SessionRecord, buyer: Buyer): void {
  const { session } = record;
  if (session.mode !== "payment") return;
  const intent = intentFor(ctx, record, typeof session.customer === "string" ? session.customer : null);
  const method = savePaymentMethod(ctx, buyer, null, nowSeconds());
  chargeCard(ctx, { ...chargeFieldsOf(intent, method), intent });
  session.payment_intent = intent.id;
  ctx.store.markDirty();
}
