import { stripe } from "~/integrations/stripe.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { formatMoney } from "~/utils/money.ts";
import { applyStripeRefund, lockOrder } from "./settle.server.ts";

/** Why a refund was not made; the route turns each into an answer (not found, conflict, ...). */
export type RefundRefusal =
  | "not-found"
  | "already-refunded"
  | "not-refundable"
  | "refund-pending"
  | "amount-too-large"
  | "stripe-refused"
  | "stripe-unreachable";

type Refused = { ok: false; refusal: RefundRefusal; message: string };
export type RefundResult =
  | {
      ok: true;
      refundId: string;
      amount: number;
      currency: string;
      status: "SUCCEEDED" | "PENDING";
      accessEnded: boolean;
    }
  | Refused;

const refuse = (refusal: RefundRefusal, message: string): Refused => ({ ok: false, refusal, message });

const REFUNDABLE_STATUSES = ["PAID", "PARTIALLY_REFUNDED"] as const;

/**
 * What is left to refund: the total, less what is refunded (our succeeded refunds or Stripe's
 * charge, whichever says more) and less what is waiting for Stripe's answer.
 */
export function refundableAmount(order: {
  totalAmount: number;
  refundedAmount: number;
  refunds: { amount: number; status: string }[];
}): number {
  const sum = (status: string) =>
    order.refunds
      .filter((refund) => refund.status === status)
      .reduce((total, refund) => total + refund.amount, 0);
  return Math.max(0, order.totalAmount - Math.max(order.refundedAmount, sum("SUCCEEDED")) - sum("PENDING"));
}

/**
 * Refunds `amount` (minor units of the order's currency; null for everything that is left) of one of
 * the shop's orders. The Refund row is written PENDING first, under the order's lock, so a second
 * click while Stripe has not answered is refused instead of refunding twice; its id is the
 * idempotency key, so the SDK's retries and "Check with Stripe" can never make a second refund.
 * A partial refund keeps the buyer's access; the refund that reaches the total ends it.
 */
export async function refundOrder(
  shopId: string,
  orderId: string,
  amount: number | null = null,
): Promise<RefundResult> {
  const reserved = await prisma.$transaction(async (tx) => {
    await lockOrder(tx, orderId);
    const order = await tx.order.findFirst({
      where: { id: orderId, shopId },
      select: {
        id: true,
        status: true,
        currency: true,
        totalAmount: true,
        refundedAmount: true,
        stripePaymentIntentId: true,
        destinationAccountId: true,
        refunds: { select: { amount: true, status: true } },
      },
    });
    // Another shop's order and a made-up id look the same.
    if (!order) return refuse("not-found", "That order does not exist in your shop.");
    const money = (value: number) => formatMoney({ amount: value, currency: order.currency });
    const pending = order.refunds.find((refund) => refund.status === "PENDING");
    if (pending) {
      return refuse(
        "refund-pending",
        `A refund of ${money(pending.amount)} is waiting for Stripe's answer. Wait for it before refunding more.`,
      );
    }
    if (order.status === "REFUNDED") return refuse("already-refunded", "This order is already refunded.");
    if (!(REFUNDABLE_STATUSES as readonly string[]).includes(order.status)) {
      return refuse("not-refundable", "Only paid orders can be refunded.");
    }
    if (!order.stripePaymentIntentId) {
      return refuse("not-refundable", "This order has no Stripe payment to refund.");
    }
    const refundable = refundableAmount(order);
    if (refundable <= 0) return refuse("already-refunded", "This order is already refunded.");
    const requested = amount ?? refundable;
    if (requested > refundable) {
      return refuse(
        "amount-too-large",
        `You can refund at most ${money(refundable)} of this order (${money(order.totalAmount)} paid).`,
      );
    }
    const row = await tx.refund.create({
      data: {
        orderId: order.id,
        amount: requested,
        currency: order.currency,
        reason: "requested_by_customer",
        status: "PENDING",
      },
      select: { id: true },
    });
    return { ok: true as const, refundId: row.id, order, amount: requested };
  });
  if (!reserved.ok) return reserved;
  return sendRefund({
    refundId: reserved.refundId,
    orderId: reserved.order.id,
    amount: reserved.amount,
    currency: reserved.order.currency,
    paymentIntentId: reserved.order.stripePaymentIntentId as string,
    destinationAccountId: reserved.order.destinationAccountId,
  });
}

type RefundRequest = {
  refundId: string;
  orderId: string;
  amount: number;
  currency: string;
  paymentIntentId: string;
  destinationAccountId: string | null;
};

/**
 * Asks Stripe for the refund the row describes. Same row, same request, same idempotency key: sent
 * again it returns the refund Stripe already made.
 */
async function sendRefund(request: RefundRequest): Promise<RefundResult> {
  try {
    const refund = await stripe().refunds.create(
      {
        payment_intent: request.paymentIntentId,
        amount: request.amount,
        reason: "requested_by_customer",
        metadata: { orderId: request.orderId, refundId: request.refundId },
        // A destination charge: the seller's transfer gives the refund back, and the platform's fee
        // is returned in proportion, so the seller is not charged a fee on money they returned.
        ...(request.destinationAccountId ? { reverse_transfer: true, refund_application_fee: true } : {}),
      },
      { idempotencyKey: `refund:${request.refundId}` },
    );
    await applyStripeRefund(request.orderId, refund);
    return outcome(request.refundId);
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === "StripeConnectionError" || type === "StripeAPIError") {
      // Stripe may or may not have made it: the row stays PENDING (the button stays disabled) until
      // a webhook or "Check with Stripe" tells which. Never a second refund in the meantime.
      return refuse(
        "stripe-unreachable",
        "Stripe could not be reached. The refund is pending: use Check with Stripe in a moment; it can never be made twice.",
      );
    }
    // A definite refusal: nothing was refunded, so the row is closed and the seller may try again.
    await prisma.refund.updateMany({
      where: { id: request.refundId, status: "PENDING", stripeRefundId: null },
      data: { status: "FAILED" },
    });
    const message = error instanceof Error ? error.message : String(error);
    return refuse("stripe-refused", `Stripe refused the refund: ${message}`);
  }
}

async function outcome(refundId: string): Promise<RefundResult> {
  const row = await prisma.refund.findUniqueOrThrow({
    where: { id: refundId },
    select: { id: true, amount: true, currency: true, status: true, order: { select: { status: true } } },
  });
  if (row.status === "FAILED" || row.status === "CANCELED") {
    return refuse("stripe-refused", "Stripe could not make the refund: nothing was refunded.");
  }
  return {
    ok: true,
    refundId: row.id,
    amount: row.amount,
    currency: row.currency,
    status: row.status,
    accessEnded: row.order.status === "REFUNDED",
  };
}

/**
 * "Check with Stripe" on a pending refund: one Stripe has not acknowledged is sent again with its
 * idempotency key (made once whatever happened before); one Stripe has is read back. Either way
 * Stripe's answer is applied, as a webhook would.
 */
export async function checkPendingRefund(
  shopId: string,
  orderId: string,
  refundId: string,
): Promise<RefundResult> {
  const row = await prisma.refund.findFirst({
    where: { id: refundId, orderId, order: { shopId } },
    select: {
      id: true,
      amount: true,
      currency: true,
      status: true,
      stripeRefundId: true,
      order: { select: { id: true, stripePaymentIntentId: true, destinationAccountId: true } },
    },
  });
  if (!row) return refuse("not-found", "That refund does not exist in your shop.");
  if (row.status !== "PENDING") return outcome(row.id);
  if (row.stripeRefundId) {
    try {
      await applyStripeRefund(row.order.id, await stripe().refunds.retrieve(row.stripeRefundId));
      return outcome(row.id);
    } catch {
      return refuse("stripe-unreachable", "Stripe could not be reached. Try again in a moment.");
    }
  }
  if (!row.order.stripePaymentIntentId) {
    return refuse("not-refundable", "This order has no Stripe payment to refund.");
  }
  return sendRefund({
    refundId: row.id,
    orderId: row.order.id,
    amount: row.amount,
    currency: row.currency,
    paymentIntentId: row.order.stripePaymentIntentId,
    destinationAccountId: row.order.destinationAccountId,
  });
}
