import { prisma } from "~/utils/db.server.ts";
import { SOLD_STATUSES } from "./sales.server.ts";

export const CUSTOMERS_PAGE_SIZE = 25;

/** Paid minus refunded, per currency (never added across currencies). */
export type LifetimeValue = { currency: string; amount: number };

/**
 * The shop's buyers, most recent purchase first: each with their number of orders, what they
 * bought and their lifetime value per currency. Paged by buyer in the database; the amounts of the
 * page's buyers are summed there too.
 */
export async function listShopCustomers(shopId: string, page = 1) {
  const sold = { shopId, status: { in: [...SOLD_STATUSES] } };
  const [buyers, total] = await Promise.all([
    prisma.order.groupBy({
      by: ["buyerId"],
      where: sold,
      _max: { paidAt: true },
      _count: { _all: true },
      orderBy: [{ _max: { paidAt: "desc" } }, { buyerId: "asc" }],
      skip: (page - 1) * CUSTOMERS_PAGE_SIZE,
      take: CUSTOMERS_PAGE_SIZE,
    }),
    prisma.order.groupBy({ by: ["buyerId"], where: sold }).then((rows) => rows.length),
  ]);
  const buyerIds = buyers.map((row) => row.buyerId);
  const [users, amounts, items] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: buyerIds } }, select: { id: true, email: true, name: true } }),
    prisma.order.groupBy({
      by: ["buyerId", "currency"],
      where: { ...sold, buyerId: { in: buyerIds } },
      _sum: { totalAmount: true, refundedAmount: true },
    }),
    prisma.orderItem.findMany({
      where: { order: { ...sold, buyerId: { in: buyerIds } } },
      select: { title: true, order: { select: { buyerId: true } } },
    }),
  ]);
  return {
    customers: buyers.map((row) => {
      const user = users.find((candidate) => candidate.id === row.buyerId);
      return {
        id: row.buyerId,
        email: user?.email ?? "",
        name: user?.name ?? null,
        orders: row._count._all,
        lastPurchaseAt: row._max.paidAt,
        purchases: [
          ...new Set(items.filter((item) => item.order.buyerId === row.buyerId).map((item) => item.title)),
        ],
        lifetimeValue: lifetimeValues(amounts.filter((amount) => amount.buyerId === row.buyerId)),
      };
    }),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / CUSTOMERS_PAGE_SIZE)),
  };
}

function lifetimeValues(
  rows: { currency: string; _sum: { totalAmount: number | null; refundedAmount: number | null } }[],
): LifetimeValue[] {
  return rows
    .map((row) => ({
      currency: row.currency,
      amount: (row._sum.totalAmount ?? 0) - (row._sum.refundedAmount ?? 0),
    }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * One buyer as the shop knows them: their orders in this shop (with refunds) and the shop's
 * listings given to them. Null for someone who never bought from or was given anything by the shop,
 * so an id reveals nothing about users elsewhere.
 */
export async function getShopCustomer(shopId: string, customerId: string) {
  const [user, orders, gifts] = await Promise.all([
    prisma.user.findUnique({ where: { id: customerId }, select: { id: true, email: true, name: true } }),
    prisma.order.findMany({
      where: { shopId, buyerId: customerId, status: { in: [...SOLD_STATUSES] } },
      orderBy: [{ paidAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        status: true,
        currency: true,
        totalAmount: true,
        refundedAmount: true,
        paidAt: true,
        items: { select: { title: true, tierName: true } },
      },
    }),
    prisma.entitlement.findMany({
      where: { userId: customerId, source: "GIFT", listing: { shopId } },
      orderBy: { createdAt: "desc" },
      select: { id: true, status: true, createdAt: true, listing: { select: { title: true } } },
    }),
  ]);
  if (!user || (orders.length === 0 && gifts.length === 0)) return null;
  const byCurrency = new Map<string, number>();
  for (const order of orders) {
    byCurrency.set(
      order.currency,
      (byCurrency.get(order.currency) ?? 0) + order.totalAmount - order.refundedAmount,
    );
  }
  return {
    ...user,
    orders,
    gifts,
    lifetimeValue: [...byCurrency]
      .map(([currency, amount]) => ({ currency, amount }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
