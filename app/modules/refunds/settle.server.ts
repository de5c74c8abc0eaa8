import { createElement } from "react";
import type { RefundStatus } from "~/generated/prisma/enums.ts";
import { revokeOrderEntitlements } from "~/modules/delivery/grants.server.ts";
import { queueEmail } from "~/modules/email/outbox.server.ts";
import { wordsFor } from "~/modules/email/recipient.server.ts";
import { renderEmail } from "~/modules/email/render.server.ts";
import { RefundEmail } from "~/modules/email/templates/refund.tsx";
import { prisma, type Tx } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";

/**
 * Applies what Stripe says about refunds to Stapel's rows. Three paths report the same refund, in
 * any order and any number of times: Stripe's answer to the seller's request, refund.created (and
 * refund.updated), and charge.refunded. Each takes the order's row lock first, so they apply one at
 * a time, and each is idempotent: a refund is one row (found by Stripe's id, or by our own id in its
 * metadata), its email has a key of its own, and access ends once.
 */

/** The fields of a Stripe Refund that matter here (Stripe.Refund and the webhook's shape fit it). */
export type StripeRefundFacts = {
  id: string;
  amount: number;
  currency: string;
  status?: string | null;
  reason?: string | null;
  metadata?: Record<string, string> | null;
};

export const refundStatusFromStripe = (status: string | null | undefined): RefundStatus => {
  switch (status) {
    case "succeeded":
      return "SUCCEEDED";
    case "failed":
      return "FAILED";
    case "canceled":
      return "CANCELED";
    default:
      // pending, requires_action, or not said yet: money has not moved back.
      return "PENDING";
  }
};

export const lockOrder = (tx: Tx, orderId: string) =>
  tx.$executeRaw`SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;

/** Records one Stripe refund of an order and brings the order (amount, status, access) in line. */
export async function applyStripeRefund(orderId: string, refund: StripeRefundFacts): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockOrder(tx, orderId);
    let row = await tx.refund.findUnique({ where: { stripeRefundId: refund.id } });
    const ourId = refund.metadata?.refundId;
    if (!row && ourId) {
      row = await tx.refund.findFirst({ where: { id: ourId, orderId, stripeRefundId: null } });
    }
    let status = refundStatusFromStripe(refund.status);
    if (!row) {
      // Made elsewhere (Stripe's dashboard); a failed or cancelled one gave nothing back.
      if (status === "FAILED" || status === "CANCELED") return;
      row = await tx.refund.create({
        data: {
          orderId,
          stripeRefundId: refund.id,
          amount: refund.amount,
          currency: refund.currency.toUpperCase(),
          reason: refund.reason ?? null,
          status,
        },
      });
    } else {
      // Events arrive out of order: an older "pending" never undoes a later answer.
      if (status === "PENDING" && row.status !== "PENDING") status = row.status;
      const before = row.status;
      row = await tx.refund.update({
        where: { id: row.id },
        data: { stripeRefundId: refund.id, amount: refund.amount, status },
      });
      if (before === "SUCCEEDED") {
        await settleOrderRefunds(tx, orderId);
        return;
      }
    }
    const settled = await settleOrderRefunds(tx, orderId);
    if (row.status === "SUCCEEDED") await queueRefundEmail(tx, orderId, row, settled.accessEnded);
  });
}

/**
 * The order's refunded amount and status from its succeeded refunds (or Stripe's charge, whichever
 * says more: a refund Stapel has not seen yet still counts), and access ended once it is all
 * refunded. A partial refund keeps access: the buyer still paid for the item.
 */
export async function settleOrderRefunds(
  tx: Tx,
  orderId: string,
  charge?: { amountRefunded: number; fullyRefunded: boolean },
): Promise<{ accessEnded: boolean }> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { id: true, status: true, totalAmount: true, refundedAmount: true },
  });
  const succeeded = await tx.refund.aggregate({
    where: { orderId, status: "SUCCEEDED" },
    _sum: { amount: true },
  });
  const refundedAmount = Math.max(
    order.refundedAmount,
    succeeded._sum.amount ?? 0,
    charge?.amountRefunded ?? 0,
  );
  if (refundedAmount === 0) return { accessEnded: false };
  const fullyRefunded = Boolean(charge?.fullyRefunded) || refundedAmount >= order.totalAmount;
  const status = fullyRefunded ? "REFUNDED" : order.status === "DISPUTED" ? "DISPUTED" : "PARTIALLY_REFUNDED";
  if (status !== order.status || refundedAmount !== order.refundedAmount) {
    await tx.order.update({ where: { id: order.id }, data: { refundedAmount, status } });
  }
  if (fullyRefunded) await revokeOrderEntitlements(tx, order.id, "REFUNDED");
  return { accessEnded: fullyRefunded };
}

// Queued in the transaction that marks the refund succeeded; the key makes it once per refund.
async function queueRefundEmail(
  tx: Tx,
  orderId: string,
  refund: { id: string; stripeRefundId: string | null; amount: number; currency: string },
  accessEnded: boolean,
) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      email: true,
      currency: true,
      totalAmount: true,
      refundedAmount: true,
      shop: { select: { name: true } },
      items: { select: { title: true, tierName: true } },
    },
  });
  // No request of the buyer causes a refund: the email is in their account's language.
  const { t, language, ...format } = await wordsFor(tx, order.email);
  const money = (amount: number) => format.money({ amount, currency: order.currency });
  const rendered = await renderEmail(
    t("email.refund.subject", { shop: order.shop.name, amount: money(refund.amount) }),
    createElement(RefundEmail, {
      shopName: order.shop.name,
      orderId: order.id,
      amount: money(refund.amount),
      refundedTotal: money(order.refundedAmount),
      orderTotal: money(order.totalAmount),
      items: order.items.map((item) => (item.tierName ? `${item.title} (${item.tierName})` : item.title)),
      accessEnded,
      libraryUrl: `${env().APP_URL}/library`,
      language,
    }),
  );
  await queueEmail(tx, {
    ...rendered,
    to: order.email,
    idempotencyKey: `refund:${refund.stripeRefundId ?? refund.id}`,
  });
}
