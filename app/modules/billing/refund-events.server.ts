import { type Stripe, stripe } from "~/integrations/stripe.server.ts";
import { fulfilCheckoutSession } from "~/modules/checkout/fulfilment.server.ts";
import { revokeOrderEntitlements } from "~/modules/delivery/grants.server.ts";
import { prisma } from "~/utils/db.server.ts";

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : value?.id;

/**
 * Finds the order a payment belongs to. Stripe does not promise event order: a refund or dispute
 * can arrive before checkout.session.completed was handled. Then the PaymentIntent's metadata names
 * the order, and we fulfil it first, so the refund that follows is applied instead of lost.
 * Payments without our metadata are not Stapel's and are ignored.
 */
async function findOrderForPayment(paymentIntentId: string) {
  const known = await prisma.order.findUnique({
    where: { stripePaymentIntentId: paymentIntentId },
    select: { id: true },
  });
  if (known) return known.id;
  const intent = await stripe().paymentIntents.retrieve(paymentIntentId);
  const orderId = intent.metadata?.orderId;
  if (!orderId) return null;
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: { stripeCheckoutSessionId: true },
  });
  if (!order?.stripeCheckoutSessionId) return null;
  await fulfilCheckoutSession(order.stripeCheckoutSessionId);
  return orderId;
}

/**
 * A full refund ends access; a partial one keeps it (the buyer still paid for the item) but is
 * recorded. Stripe's charge is the truth for how much has been refunded in total.
 */
export async function handleChargeRefunded(charge: Stripe.Charge): Promise<void> {
  const paymentIntentId = idOf(charge.payment_intent);
  const orderId = paymentIntentId && (await findOrderForPayment(paymentIntentId));
  if (!orderId) return;
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
    if (fullyRefunded) await revokeOrderEntitlements(tx, order.id, "refunded");
  });
}

export async function handleRefundCreated(refund: Stripe.Refund): Promise<void> {
  const paymentIntentId = idOf(refund.payment_intent);
  if (!paymentIntentId || refund.status === "failed" || refund.status === "canceled") return;
  const orderId = await findOrderForPayment(paymentIntentId);
  if (orderId) await recordRefund(orderId, refund);
}

export async function recordRefund(orderId: string, refund: Stripe.Refund): Promise<void> {
  await prisma.refund.upsert({
    where: { stripeRefundId: refund.id },
    update: {},
    create: {
      orderId,
      stripeRefundId: refund.id,
      amount: refund.amount,
      currency: refund.currency.toUpperCase(),
      reason: refund.reason ?? null,
    },
  });
}

/** A dispute freezes access at once: the buyer is contesting that they bought it. */
export async function handleChargeDisputed(dispute: Stripe.Dispute): Promise<void> {
  const paymentIntentId = idOf(dispute.payment_intent);
  const orderId = paymentIntentId && (await findOrderForPayment(paymentIntentId));
  if (!orderId) return;
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: "DISPUTED" } });
    await revokeOrderEntitlements(tx, orderId, "disputed");
  });
}
