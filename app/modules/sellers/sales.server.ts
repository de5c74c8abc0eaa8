import { stripe } from "~/integrations/stripe.server.ts";
import { recordRefund } from "~/modules/billing/refund-events.server.ts";
import { prisma } from "~/utils/db.server.ts";

export async function listShopSales(shopId: string) {
  return prisma.order.findMany({
    where: { shopId, status: { in: ["PAID", "PARTIALLY_REFUNDED", "REFUNDED", "DISPUTED"] } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      email: true,
      status: true,
      currency: true,
      totalAmount: true,
      refundedAmount: true,
      paidAt: true,
      items: { select: { title: true } },
    },
  });
}

export type RefundResult = { ok: true } | { ok: false; error: string };

/**
 * Refunds the remaining amount of one of the shop's orders through Stripe. Access is revoked by
 * the charge.refunded webhook, the same path a refund made in the Stripe dashboard takes.
 */
export async function refundOrder(shopId: string, orderId: string): Promise<RefundResult> {
  const order = await prisma.order.findFirst({ where: { id: orderId, shopId } });
  if (!order) return { ok: false, error: "That order does not exist in your shop." };
  if (order.status === "REFUNDED") return { ok: false, error: "This order is already refunded." };
  if (order.status !== "PAID" && order.status !== "PARTIALLY_REFUNDED") {
    return { ok: false, error: "Only paid orders can be refunded." };
  }
  if (!order.stripePaymentIntentId)
    return { ok: false, error: "This order has no Stripe payment to refund." };
  const remaining = order.totalAmount - order.refundedAmount;
  try {
    const refund = await stripe().refunds.create(
      {
        payment_intent: order.stripePaymentIntentId,
        amount: remaining,
        reason: "requested_by_customer",
        metadata: { orderId },
      },
      { idempotencyKey: `refund:order:${order.id}:${order.refundedAmount}` },
    );
    await recordRefund(order.id, refund);
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Stripe refused the refund: ${message}` };
  }
}
