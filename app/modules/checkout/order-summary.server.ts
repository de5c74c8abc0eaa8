import { prisma } from "~/utils/db.server.ts";

/** What a buyer sees about one of their own orders: what, how much, which order. Null for others'. */
export async function getBuyerOrderSummary(orderId: string, buyerId: string) {
  return prisma.order.findFirst({
    where: { id: orderId, buyerId },
    select: {
      id: true,
      totalAmount: true,
      currency: true,
      paidAt: true,
      shop: { select: { name: true } },
      items: { select: { title: true, listing: { select: { slug: true } } } },
    },
  });
}
