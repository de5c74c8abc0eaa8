import type Stripe from "stripe";
import { settleCharge } from "../connect-money.ts";
import type { SandboxContext } from "../context.ts";
import { buildDispute } from "../objects/dispute.ts";
import { cardDetailsOf } from "../objects/payment-method.ts";
import { buildCharge, buildPaymentIntent } from "../objects/payments.ts";
import { chargeDecline, type Decline, testCardByFingerprint } from "../test-cards.ts";

export interface ChargeRequest {
  customer: string | null;
  amount: number;
  currency: string;
  paymentMethod: Stripe.PaymentMethod;
  description: string | null;
  metadata?: Stripe.Metadata;
  now: number;
  applicationFeeAmount?: number | null;
  transferDestination?: string | null;
  receiptEmail?: string | null;
  /** A PaymentIntent to charge again (an invoice retry); default: a new one. */
  intent?: Stripe.PaymentIntent;
  /** The buyer is on a hosted page (3D Secure is passed there); default off-session. */
  onSession?: boolean;
}

export type ChargeResult =
  | { intent: Stripe.PaymentIntent; charge: Stripe.Charge; decline?: Decline; requiresAction?: undefined }
  | { intent: Stripe.PaymentIntent; charge?: undefined; decline?: undefined; requiresAction: true };

/**
 * Charges a saved card off-session, with Stripe's events: `payment_intent.created` (new intents),
 * then `charge.succeeded` + `payment_intent.succeeded`, or `charge.failed` +
 * `payment_intent.payment_failed`. The card's test number decides the outcome; Stripe's dispute
 * card (…0259) succeeds and is then disputed.
 */
export function chargeCard(ctx: SandboxContext, request: ChargeRequest): ChargeResult {
  const { paymentMethod, now } = request;
  let intent = request.intent;
  if (!intent) {
    intent = buildPaymentIntent({
      amount: request.amount,
      currency: request.currency,
      customer: request.customer,
      description: request.description,
      metadata: request.metadata ?? {},
      receiptEmail: request.receiptEmail ?? null,
      applicationFeeAmount: request.applicationFeeAmount ?? null,
      transferDestination: request.transferDestination ?? null,
      created: now,
    });
    ctx.store.paymentIntents.set(intent.id, intent);
    ctx.emit("payment_intent.created", intent, { created: now });
  }
  const testCard = testCardByFingerprint(paymentMethod.card?.fingerprint);
  if (testCard?.authentication && !request.onSession) {
    Object.assign(intent, {
      status: "requires_action",
      payment_method: paymentMethod.id,
      next_action: { type: "use_stripe_sdk", use_stripe_sdk: {} },
      last_payment_error: null,
    } satisfies Partial<Stripe.PaymentIntent>);
    ctx.store.markDirty();
    ctx.emit("payment_intent.requires_action", intent, { created: now });
    return { intent, requiresAction: true };
  }
  const decline = chargeDecline(testCard);
  const charge = buildCharge({
    intent,
    paymentMethod: paymentMethod.id,
    card: cardDetailsOf(paymentMethod),
    billingEmail: paymentMethod.billing_details.email ?? "",
    billingName: paymentMethod.billing_details.name,
    failure: decline,
    created: now,
  });
  ctx.store.charges.set(charge.id, charge);
  ctx.store.markDirty();
  // Its balance transaction (with Stripe's fee) and, for a destination charge, transfer and fee.
  const announceConnect = settleCharge(ctx, charge, now);
  if (decline) {
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
        payment_method: paymentMethod,
        payment_method_type: "card",
        type: "card_error",
      },
    } satisfies Partial<Stripe.PaymentIntent>);
    ctx.emit("charge.failed", charge, { created: now });
    ctx.emit("payment_intent.payment_failed", intent, { created: now });
    return { intent, charge, decline };
  }
  Object.assign(intent, {
    status: "succeeded",
    amount_received: intent.amount,
    latest_charge: charge.id,
    payment_method: paymentMethod.id,
    last_payment_error: null,
    next_action: null,
  } satisfies Partial<Stripe.PaymentIntent>);
  ctx.emit("charge.succeeded", charge, { created: now });
  ctx.emit("payment_intent.succeeded", intent, { created: now });
  ctx.afterwards(announceConnect);
  if (testCard?.dispute) {
    const reason = testCard.dispute;
    ctx.afterwards(() => openDispute(ctx, charge, reason, now));
  }
  return { intent, charge };
}

/** The cardholder disputes the charge: the charge is marked disputed, `charge.dispute.created` follows. */
export function openDispute(ctx: SandboxContext, charge: Stripe.Charge, reason: string, now: number): void {
  const dispute = buildDispute(charge, reason, now);
  ctx.store.disputes.set(dispute.id, dispute);
  charge.disputed = true;
  ctx.store.markDirty();
  ctx.emit("charge.dispute.created", dispute, { created: now });
}
