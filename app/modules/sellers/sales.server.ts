import type { Prisma } from "~/generated/prisma/client.ts";
import { refundableAmount } from "~/modules/refunds/request.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { SALE_PERIODS, SALE_STATUSES, type SalesQuery } from "./forms.ts";

/** Orders that were paid at some point: what the seller calls sales. */
export const SOLD_STATUSES = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED", "DISPUTED"] as const;

export const SALES_PAGE_SIZE = 25;

function salesWhere(shopId: string, query: SalesQuery, now: Date): Prisma.OrderWhereInput {
  return {
    shopId,
    status: query.status ? SALE_STATUSES[query.status] : { in: [...SOLD_STATUSES] },
    ...(query.period && {
      paidAt: { gte: new Date(now.getTime() - SALE_PERIODS[query.period] * 24 * 60 * 60 * 1000) },
    }),
    ...(query.listing && { items: { some: { listingId: query.listing } } }),
    ...(query.country && { country: query.country }),
  };
}

/**
 * One page of the shop's sales, newest first, with the filters' choices (the shop's listings and
 * the countries its buyers paid from). A refund waiting for Stripe is named, so its button waits too.
 */
export async function listShopSales(shopId: string, query: SalesQuery = {}, now = new Date()) {
  const where = salesWhere(shopId, query, now);
  const page = query.page ?? 1;
  const [sales, total, listings, countries] = await Promise.all([
    prisma.order.findMany({
      where,
      orderBy: [{ paidAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * SALES_PAGE_SIZE,
      take: SALES_PAGE_SIZE,
      select: {
        id: true,
        email: true,
        status: true,
        currency: true,
        totalAmount: true,
        refundedAmount: true,
        netAmount: true,
        country: true,
        paidAt: true,
        items: { select: { title: true, tierName: true } },
        refunds: { select: { amount: true, status: true } },
      },
    }),
    prisma.order.count({ where }),
    prisma.listing.findMany({
      where: { shopId },
      orderBy: { title: "asc" },
      select: { id: true, title: true, status: true },
    }),
    prisma.order.findMany({
      where: { shopId, status: { in: [...SOLD_STATUSES] }, country: { not: null } },
      distinct: ["country"],
      orderBy: { country: "asc" },
      select: { country: true },
    }),
  ]);
  return {
    sales: sales.map(({ refunds, ...sale }) => ({
      ...sale,
      refundable: refundableAmount({ ...sale, refunds }),
      refundPending: refunds.some((refund) => refund.status === "PENDING"),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / SALES_PAGE_SIZE)),
    listings,
    countries: countries.flatMap((row) => (row.country ? [row.country] : [])),
  };
}

export type ShopSale = NonNullable<Awaited<ReturnType<typeof getShopSale>>>;

/**
 * One sale of the shop, as its page shows it: items with their tier, the buyer, the money (gross,
 * Stripe's fee, the platform's fee, tax, net; fees null until Stripe's balance transaction is
 * known), refunds with their status, and a timeline. Null for another shop's order.
 */
export async function getShopSale(shopId: string, orderId: string) {
  const order = await prisma.order.findFirst({
    where: { id: orderId, shopId, status: { in: [...SOLD_STATUSES] } },
    select: {
      id: true,
      status: true,
      email: true,
      currency: true,
      subtotalAmount: true,
      discountAmount: true,
      taxAmount: true,
      totalAmount: true,
      refundedAmount: true,
      stripeFeeAmount: true,
      platformFeeAmount: true,
      netAmount: true,
      country: true,
      createdAt: true,
      paidAt: true,
      buyer: { select: { id: true, email: true, name: true } },
      items: {
        select: {
          id: true,
          listingId: true,
          title: true,
          tierName: true,
          unitAmount: true,
          quantity: true,
          currency: true,
        },
      },
      refunds: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          amount: true,
          currency: true,
          status: true,
          stripeRefundId: true,
          createdAt: true,
        },
      },
    },
  });
  if (!order) return null;
  const receipts = await prisma.emailMessage.findMany({
    where: { idempotencyKey: { startsWith: `receipt:order:${order.id}` } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, sentAt: true, status: true, idempotencyKey: true },
  });
  const timeline: { at: Date; label: string }[] = [
    { at: order.createdAt, label: "Checkout started" },
    ...(order.paidAt ? [{ at: order.paidAt, label: "Paid" }] : []),
    ...receipts.map((email) => ({
      at: email.sentAt ?? email.createdAt,
      label: `${email.idempotencyKey.includes(":resend:") ? "Receipt sent again" : "Receipt"} ${email.status === "SENT" ? "sent" : "queued"}`,
    })),
    ...order.refunds.map((refund) => ({
      at: refund.createdAt,
      label: `Refund ${refund.status.toLowerCase()}`,
      refundId: refund.id,
    })),
    ...(order.status === "DISPUTED"
      ? [{ at: order.paidAt ?? order.createdAt, label: "Disputed by the buyer" }]
      : []),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    ...order,
    refundable: refundableAmount(order),
    pendingRefund: order.refunds.find((refund) => refund.status === "PENDING") ?? null,
    timeline,
  };
}
