import { prisma } from "~/utils/db.server.ts";
import { SOLD_STATUSES } from "./sales.server.ts";

/**
 * Headline numbers per currency: amounts in different currencies are never added together.
 * Net revenue is what buyers paid less what was refunded; refunds are shown on their own, and the
 * order count is of orders that were not refunded in full (a fully refunded order sold nothing).
 */
export async function getShopOverview(shopId: string) {
  const [listings, sold, refundedOrders, refunds] = await Promise.all([
    prisma.listing.groupBy({ by: ["status"], where: { shopId }, _count: { _all: true } }),
    prisma.order.groupBy({
      by: ["currency"],
      where: { shopId, status: { in: [...SOLD_STATUSES] } },
      _sum: { totalAmount: true, refundedAmount: true },
      _count: { _all: true },
    }),
    prisma.order.groupBy({
      by: ["currency"],
      where: { shopId, status: "REFUNDED" },
      _count: { _all: true },
    }),
    prisma.order.groupBy({
      by: ["currency"],
      where: { shopId, status: { in: [...SOLD_STATUSES] }, refundedAmount: { gt: 0 } },
      _count: { _all: true },
    }),
  ]);
  const count = (rows: { currency: string; _count: { _all: number } }[], currency: string) =>
    rows.find((row) => row.currency === currency)?._count._all ?? 0;
  return {
    listingsByStatus: Object.fromEntries(listings.map((row) => [row.status, row._count._all])),
    revenue: sold
      .map((row) => {
        const grossAmount = row._sum.totalAmount ?? 0;
        const refundedAmount = row._sum.refundedAmount ?? 0;
        return {
          currency: row.currency,
          grossAmount,
          refundedAmount,
          netAmount: grossAmount - refundedAmount,
          /** Orders that still count as sales: not refunded in full. */
          orders: row._count._all - count(refundedOrders, row.currency),
          /** Orders with any refund, and those refunded in full. */
          ordersWithRefunds: count(refunds, row.currency),
          fullyRefundedOrders: count(refundedOrders, row.currency),
        };
      })
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
