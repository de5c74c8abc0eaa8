import { isStripeResourceMissing, stripe } from "~/integrations/stripe.server.ts";
import { fulfilCheckoutSession } from "~/modules/checkout/fulfilment.server.ts";
import { revokeOrderEntitlements } from "~/modules/delivery/grants.server.ts";
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
 * recorded. Stripe's charge is the truth for how much has been refunded in total.
 */
export async function handleChargeRefunded(charge: ChargeObject): Promise<HandlerOutcome> {
  const paymentIntentId = idOf(charge.payment_intent);
  const orderId = paymentIntentId && (await findOrderForPayment(paymentIntentId));
  if (!orderId) return notOurs(paymentIntentId);
  await prisma.$transaction(async (tx) => {
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    const fullyRefunded = charge.refunded || charge.amount_refunded >= charge.amount;
    await tx.order.update({
      where: { id: order.id },
      data: {
        refundedAmount: charge.amount_refunded,
        status: fullyRefunded ? "REFUNDED" : order.status === "DISPUTED" ? "DISPUTED" : "PARTIALLY_REFUNDED",
      },
    });
    if (fullyRefunded) await revokeOrderEntitlements(tx, order.id, "REFUNDED");
  });
  return handled;
}

export async function handleRefundCreated(refund: RefundObject): Promise<HandlerOutcome> {
  const paymentIntentId = idOf(refund.payment_intent);
  if (!paymentIntentId) return notOurs(undefined);
  // A refund that failed or was cancelled gave nothing back: there is nothing to record.
  if (refund.status === "failed" || refund.status === "canceled") return handled;
  const orderId = await findOrderForPayment(paymentIntentId);
  if (!orderId) return notOurs(paymentIntentId);
  await recordRefund(orderId, refund);
  return handled;
}

export async function recordRefund(
  orderId: string,
  refund: { id: string; amount: number; currency: string; reason?: string | null },
): Promise<void> {
  // The seller's refund action and Stripe's refund.created webhook record the same refund, often
  // at the same moment. Prisma's upsert reads before it writes, so two of them race on the unique
  // key; INSERT … ON CONFLICT DO NOTHING (createMany with skipDuplicates) is one atomic statement.
  await prisma.refund.createMany({
    data: {
      orderId,
      stripeRefundId: refund.id,
      amount: refund.amount,
      currency: refund.currency.toUpperCase(),
      reason: refund.reason ?? null,
    },
    skipDuplicates: true,
  });
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
