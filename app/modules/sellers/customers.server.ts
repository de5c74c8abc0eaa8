import { prisma } from "~/utils/db.server.ts";
import { SOLD_STATUSES } from "./sales.server.ts";

export const CUSTOMERS_PAGE_SIZE = 25;

/** Paid minus refunded, per currency (never added across currencies). */
export type LifetimeValue = { currency: string; amount: number };

/**
 * The shop's customers: its buyers, most recent purchase first, each with their number of orders,
 * what they bought and their lifetime value per currency; then the people the shop only gave
 * listings to (no order, lifetime value 0, marked as gift), most recent gift first. Paged in the
 * database over buyers, then over gift-only recipients; the amounts of the page's buyers are summed
 * there too.
 */
export async function listShopCustomers(shopId: string, page = 1) {
  const sold = { shopId, status: { in: [...SOLD_STATUSES] } };
  const offset = (page - 1) * CUSTOMERS_PAGE_SIZE;
  const [buyers, allBuyerIds] = await Promise.all([
    prisma.order.groupBy({
      by: ["buyerId"],
      where: sold,
      _max: { paidAt: true },
      _count: { _all: true },
      orderBy: [{ _max: { paidAt: "desc" } }, { buyerId: "asc" }],
      skip: offset,
      take: CUSTOMERS_PAGE_SIZE,
    }),
    prisma.order.groupBy({ by: ["buyerId"], where: sold }).then((rows) => rows.map((row) => row.buyerId)),
  ]);
  // A gift recipient who also bought is listed once, as a buyer.
  const giftOnly = { source: "GIFT" as const, listing: { shopId }, userId: { notIn: allBuyerIds } };
  const [giftOnlyTotal, recipients] = await Promise.all([
    prisma.entitlement.groupBy({ by: ["userId"], where: giftOnly }).then((rows) => rows.length),
    buyers.length < CUSTOMERS_PAGE_SIZE
      ? prisma.entitlement.groupBy({
          by: ["userId"],
          where: giftOnly,
          _max: { createdAt: true },
          orderBy: [{ _max: { createdAt: "desc" } }, { userId: "asc" }],
          skip: Math.max(0, offset - allBuyerIds.length),
          take: CUSTOMERS_PAGE_SIZE - buyers.length,
        })
      : Promise.resolve([]),
  ]);
  const total = allBuyerIds.length + giftOnlyTotal;
  const buyerIds = buyers.map((row) => row.buyerId);
  const recipientIds = recipients.map((row) => row.userId);
  const [users, amounts, items, gifts] = await Promise.all([
    prisma.user.findMany({
      where: { id: { in: [...buyerIds, ...recipientIds] } },
      select: { id: true, email: true, name: true },
    }),
    prisma.order.groupBy({
      by: ["buyerId", "currency"],
      where: { ...sold, buyerId: { in: buyerIds } },
      _sum: { totalAmount: true, refundedAmount: true },
    }),
    prisma.orderItem.findMany({
      where: { order: { ...sold, buyerId: { in: buyerIds } } },
      select: { title: true, order: { select: { buyerId: true } } },
    }),
    prisma.entitlement.findMany({
      where: { source: "GIFT", listing: { shopId }, userId: { in: recipientIds } },
      select: { userId: true, listing: { select: { title: true } } },
    }),
  ]);
  const userOf = (id: string) => users.find((candidate) => candidate.id === id);
  return {
    customers: [
      ...buyers.map((row) => ({
        id: row.buyerId,
        email: userOf(row.buyerId)?.email ?? "",
        name: userOf(row.buyerId)?.name ?? null,
        orders: row._count._all,
        lastPurchaseAt: row._max.paidAt,
        purchases: [
          ...new Set(items.filter((item) => item.order.buyerId === row.buyerId).map((item) => item.title)),
        ],
        lifetimeValue: lifetimeValues(amounts.filter((amount) => amount.buyerId === row.buyerId)),
        giftOnly: false,
      })),
      ...recipients.map((row) => ({
        id: row.userId,
        email: userOf(row.userId)?.email ?? "",
        name: userOf(row.userId)?.name ?? null,
        orders: 0,
        lastPurchaseAt: null,
        purchases: [
          ...new Set(
            gifts.filter((gift) => gift.userId === row.userId).map((gift) => `${gift.listing.title} (gift)`),
          ),
        ],
        lifetimeValue: [] as LifetimeValue[],
        giftOnly: true,
      })),
    ],
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
