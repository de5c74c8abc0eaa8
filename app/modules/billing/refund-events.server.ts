import type { Stripe } from "~/integrations/stripe.server.ts";
import { revokeOrderEntitlements } from "~/modules/delivery/grants.server.ts";
import { prisma } from "~/utils/db.server.ts";

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : value?.id;

/**
 * A full refund ends access; a partial one keeps it (the buyer still paid for the item) but is
 * recorded. Stripe's charge is the truth for how much has been refunded in total.
 */
export async function handleChargeRefunded(charge: Stripe.Charge): Promise<void> {
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return;
  await prisma.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { stripePaymentIntentId: paymentIntentId } });
    if (!order) return;
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
  const order = await prisma.order.findUnique({
    where: { stripePaymentIntentId: paymentIntentId },
    select: { id: true },
  });
  if (!order) return;
  await recordRefund(order.id, refund);
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
  if (!paymentIntentId) return;
  await prisma.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { stripePaymentIntentId: paymentIntentId } });
    if (!order) return;
    await tx.order.update({ where: { id: order.id }, data: { status: "DISPUTED" } });
    await revokeOrderEntitlements(tx, order.id, "disputed");
  });
}
