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

/** Why a refund was not made; the route turns each into an answer (not found, conflict, ...). */
export type RefundRefusal =
  | "not-found"
  | "already-refunded"
  | "not-refundable"
  | "stripe-refused"
  | "stripe-unreachable";
export type RefundResult = { ok: true } | { ok: false; refusal: RefundRefusal; message: string };
const refuse = (refusal: RefundRefusal, message: string): RefundResult => ({ ok: false, refusal, message });

/**
 * Refunds the remaining amount of one of the shop's orders through Stripe. Access is revoked by
 * the charge.refunded webhook, the same path a refund made in the Stripe dashboard takes.
 */
export async function refundOrder(shopId: string, orderId: string): Promise<RefundResult> {
  const order = await prisma.order.findFirst({ where: { id: orderId, shopId } });
  // Another shop's order and a made-up id look the same.
  if (!order) return refuse("not-found", "That order does not exist in your shop.");
  if (order.status === "REFUNDED") return refuse("already-refunded", "This order is already refunded.");
  if (order.status !== "PAID" && order.status !== "PARTIALLY_REFUNDED") {
    return refuse("not-refundable", "Only paid orders can be refunded.");
  }
  if (!order.stripePaymentIntentId)
    return refuse("not-refundable", "This order has no Stripe payment to refund.");
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
    const type = (error as { type?: string }).type;
    if (type === "StripeConnectionError" || type === "StripeAPIError") {
      return refuse(
        "stripe-unreachable",
        "Stripe could not be reached. Nothing was refunded; try again shortly.",
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    return refuse("stripe-refused", `Stripe refused the refund: ${message}`);
  }
}
