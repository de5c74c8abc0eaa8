import type Stripe from "stripe";
import { checkoutCustomer, customerDetails, intentFor } from "./checkout-flow.ts";
import type { SandboxContext } from "./context.ts";
import { nowSeconds } from "./ids.ts";
import { buildCharge } from "./objects/payments.ts";
import {
  buildSepaPaymentMethod,
  normalizeIban,
  outcomeOfMethod,
  sepaChargeDetails,
  testIbanOutcome,
} from "./sepa.ts";
import type { SessionRecord } from "./store.ts";

/**
 * A Checkout payment with a delayed-notification method (SEPA Direct Debit). On submit:
 * `payment_intent.processing`, `charge.pending`, then `checkout.session.completed` with
 * `payment_status: "unpaid"`. After `ctx.asyncPaymentDelayMs`: `charge.succeeded`,
 * `payment_intent.succeeded`, `checkout.session.async_payment_succeeded` (`paid`) — or
 * `charge.failed`, `payment_intent.payment_failed`, `checkout.session.async_payment_failed`.
 */
export function startDelayedPayment(
  ctx: SandboxContext,
  record: SessionRecord,
  payer: { email: string; name: string; iban: string },
): void {
  const { session } = record;
  const now = nowSeconds();
  const customerId = checkoutCustomer(ctx, record, payer);
  const intent = intentFor(ctx, record, customerId);
  const method = buildSepaPaymentMethod(payer.iban, payer, now);
  ctx.store.paymentMethods.set(method.id, method);
  const charge = buildCharge({
    intent,
    paymentMethod: method.id,
    card: { brand: "visa", last4: "0000", expMonth: 1, expYear: 2099, funding: "debit", country: "DE" },
    billingEmail: payer.email,
    billingName: payer.name,
    created: now,
  });
  Object.assign(charge, {
    status: "pending",
    paid: false,
    amount_captured: 0,
    balance_transaction: null,
    payment_method_details: sepaChargeDetails(method),
  } satisfies Partial<Stripe.Charge>);
  ctx.store.charges.set(charge.id, charge);
  Object.assign(intent, {
    status: "processing",
    payment_method: method.id,
    payment_method_types: ["card", "sepa_debit"],
    latest_charge: charge.id,
    last_payment_error: null,
  } satisfies Partial<Stripe.PaymentIntent>);
  ctx.emit("payment_intent.processing", intent);
  ctx.emit("charge.pending", charge);
  Object.assign(session, {
    status: "complete",
    payment_status: "unpaid",
    payment_intent: intent.id,
    customer: customerId,
    customer_details: customerDetails({
      email: payer.email,
      name: payer.name,
      card: { country: normalizeIban(payer.iban).slice(0, 2) },
    }),
    url: null,
  } satisfies Partial<Stripe.Checkout.Session>);
  ctx.store.markDirty();
  ctx.emit("checkout.session.completed", session);
  const outcome = testIbanOutcome(payer.iban) ?? "succeeds";
  ctx.later(ctx.asyncPaymentDelayMs, () => settleDelayedPayment(ctx, record, outcome));
}

/** After a restart: direct debits still `processing` get their answer after the usual delay. */
export function resumeDelayedPayments(ctx: SandboxContext): void {
  for (const record of ctx.store.sessions.values()) {
    const intent = ctx.store.paymentIntents.get(String(record.session.payment_intent));
    if (intent?.status !== "processing") continue;
    const outcome = outcomeOfMethod(ctx.store.paymentMethods.get(String(intent.payment_method)));
    ctx.later(ctx.asyncPaymentDelayMs, () => settleDelayedPayment(ctx, record, outcome));
  }
}

/** The bank's answer arrives: the payment succeeds or fails, and Checkout says so. */
export function settleDelayedPayment(
  ctx: SandboxContext,
  record: SessionRecord,
  outcome: "succeeds" | "fails",
): void {
  const intent = ctx.store.paymentIntents.get(String(record.session.payment_intent));
  const charge = intent ? ctx.store.charges.get(String(intent.latest_charge)) : undefined;
  if (!intent || !charge || intent.status !== "processing") return;
  if (outcome === "succeeds") {
    Object.assign(charge, {
      status: "succeeded",
      paid: true,
      amount_captured: charge.amount,
    } satisfies Partial<Stripe.Charge>);
    Object.assign(intent, {
      status: "succeeded",
      amount_received: intent.amount,
    } satisfies Partial<Stripe.PaymentIntent>);
    record.session.payment_status = "paid";
    ctx.store.markDirty();
    ctx.emit("charge.succeeded", charge);
    ctx.emit("payment_intent.succeeded", intent);
    ctx.emit("checkout.session.async_payment_succeeded", record.session);
    return;
  }
  const message = "The customer's bank account has insufficient funds to cover this payment.";
  Object.assign(charge, {
    status: "failed",
    failure_code: "insufficient_funds",
    failure_message: message,
  } satisfies Partial<Stripe.Charge>);
  Object.assign(intent, {
    status: "requires_payment_method",
    payment_method: null,
    last_payment_error: {
      charge: charge.id,
      code: "insufficient_funds",
      message,
      payment_method_type: "sepa_debit",
      type: "invalid_request_error",
    },
  } satisfies Partial<Stripe.PaymentIntent>);
  ctx.store.markDirty();
  ctx.emit("charge.failed", charge);
  ctx.emit("payment_intent.payment_failed", intent);
  ctx.emit("checkout.session.async_payment_failed", record.session);
}
