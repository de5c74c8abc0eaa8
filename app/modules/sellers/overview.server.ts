import { prisma } from "~/utils/db.server.ts";

/** Headline numbers per currency: amounts in different currencies are never added together. */
export async function getShopOverview(shopId: string) {
  const [listings, revenue] = await Promise.all([
    prisma.listing.groupBy({ by: ["status"], where: { shopId }, _count: { _all: true } }),
    prisma.order.groupBy({
      by: ["currency"],
      where: { shopId, status: { in: ["PAID", "PARTIALLY_REFUNDED", "REFUNDED", "DISPUTED"] } },
      _sum: { totalAmount: true, refundedAmount: true },
      _count: { _all: true },
    }),
  ]);
  return {
    listingsByStatus: Object.fromEntries(listings.map((row) => [row.status, row._count._all])),
    revenue: revenue.map((row) => ({
      currency: row.currency,
      orders: row._count._all,
      netAmount: (row._sum.totalAmount ?? 0) - (row._sum.refundedAmount ?? 0),
    })),
  };
}
