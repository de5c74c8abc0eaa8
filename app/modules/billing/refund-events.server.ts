import { isStripeResourceMissing, stripe } from "~/integrations/stripe.server.ts";
import { fulfilCheckoutSession } from "~/modules/checkout/fulfilment.server.ts";
import { revokeOrderEntitlements } from "~/modules/delivery/grants.server.ts";
import { applyStripeRefund, lockOrder, settleOrderRefunds } from "~/modules/refunds/settle.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { type ChargeObject, type DisputeObject, idOf, type RefundObject } from "./stripe-event-objects.ts";
import { type HandlerOutcome, handled, ignored } from "./stripe-event-outcomes.ts";

/**
 * Finds the order a payment belongs to. Stripe does not promise event order: a refund or dispute
 * can arrive before checkout.session.completed was handled. Then the PaymentIntent's metadata names
 * the order, and we fulfil it first, so the refund that follows is applied instead of lost.
 * Payments without our metadata, or that Stripe does not know under our key, are not Stapel's.
 */
async function findOrderForPayment(paymentIntentId: string): Promise<string | null> {
  const known = await prisma.order.findUnique({
    where: { stripePaymentIntentId: paymentIntentId },
    select: { id: true },
  });
  if (known) return known.id;
  let orderId: string | undefined;
  try {
    orderId = (await stripe().paymentIntents.retrieve(paymentIntentId)).metadata?.orderId;
  } catch (error) {
    if (isStripeResourceMissing(error)) return null;
    throw error;
  }
  if (!orderId) return null;
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: { stripeCheckoutSessionId: true },
  });
  if (!order?.stripeCheckoutSessionId) return null;
  await fulfilCheckoutSession(order.stripeCheckoutSessionId);
  return orderId;
}

const notOurs = (paymentIntentId: string | undefined) =>
  ignored(
    "UNKNOWN_PAYMENT",
    paymentIntentId
      ? `no order of Stapel's paid with ${paymentIntentId}`
      : "the object names no PaymentIntent",
  );

/**
 * A full refund ends access; a partial one keeps it (the buyer still paid for the item) but is
 * recorded. Stripe's charge is the truth for how much has been refunded in total; events can arrive
 * out of order, so an older charge never lowers what a newer one said.
 */
export async function handleChargeRefunded(charge: ChargeObject): Promise<HandlerOutcome> {
  const paymentIntentId = idOf(charge.payment_intent);
  const orderId = paymentIntentId && (await findOrderForPayment(paymentIntentId));
  if (!orderId) return notOurs(paymentIntentId);
  await prisma.$transaction(async (tx) => {
    await lockOrder(tx, orderId);
    await settleOrderRefunds(tx, orderId, {
      amountRefunded: charge.amount_refunded,
      fullyRefunded: charge.refunded || charge.amount_refunded >= charge.amount,
    });
  });
  return handled;
}

/**
 * refund.created (and refund.updated, which carries the same object): the refund's row takes
 * Stripe's status; the one that succeeds sends the buyer's refund email, once.
 */
export async function handleRefundCreated(refund: RefundObject): Promise<HandlerOutcome> {
  const paymentIntentId = idOf(refund.payment_intent);
  if (!paymentIntentId) return notOurs(undefined);
  const orderId = await findOrderForPayment(paymentIntentId);
  if (!orderId) return notOurs(paymentIntentId);
  await recordRefund(orderId, refund);
  return handled;
}

export const handleRefundUpdated = handleRefundCreated;

export async function recordRefund(
  orderId: string,
  refund: { id: string; amount: number; currency: string; reason?: string | null; status?: string | null },
): Promise<void> {
  // Our refunds name their Refund row in metadata; the webhook can beat Stripe's answer to us.
  const metadata = (refund as { metadata?: { refundId?: unknown } | null }).metadata;
  const refundId = typeof metadata?.refundId === "string" ? metadata.refundId : undefined;
  await applyStripeRefund(orderId, { ...refund, metadata: refundId ? { refundId } : null });
}

/** A dispute freezes access at once: the buyer is contesting that they bought it. */
export async function handleChargeDisputed(dispute: DisputeObject): Promise<HandlerOutcome> {
  const paymentIntentId = idOf(dispute.payment_intent);
  const orderId = paymentIntentId && (await findOrderForPayment(paymentIntentId));
  if (!orderId) return notOurs(paymentIntentId);
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: "DISPUTED" } });
    await revokeOrderEntitlements(tx, orderId, "DISPUTED");
  });
  return handled;
}
