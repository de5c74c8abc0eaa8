import { z } from "zod";
import { prisma } from "~/utils/db.server.ts";

/**
 * The buyer's receipts: one-off orders (paid, refunded or disputed; never the pending or expired
 * checkouts) and subscription invoices as Stripe reported them. Amounts are integer minor units.
 */

const SHOWN = 100;
const RECEIPT_ORDER_STATUSES = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED", "DISPUTED"] as const;
const RECEIPT_INVOICE_STATUSES = ["OPEN", "PAID", "UNCOLLECTIBLE", "VOID"] as const;

export type ReceiptRow = {
  kind: "order" | "invoice";
  id: string;
  href: string;
  date: string;
  title: string;
  seller: string;
  status: string;
  amount: number;
  currency: string;
};

const orderStatusLabel = {
  PAID: "Paid",
  PARTIALLY_REFUNDED: "Partly refunded",
  REFUNDED: "Refunded",
  DISPUTED: "Disputed",
} as const;

const invoiceStatusLabel = {
  DRAFT: "Draft",
  OPEN: "Due",
  PAID: "Paid",
  UNCOLLECTIBLE: "Uncollectible",
  VOID: "Void",
} as const;

/** Orders and invoices, newest first (the newest {@link SHOWN} of each). */
export async function listReceipts(userId: string): Promise<{ rows: ReceiptRow[]; capped: boolean }> {
  const [orders, invoices] = await Promise.all([
    prisma.order.findMany({
      where: { buyerId: userId, status: { in: [...RECEIPT_ORDER_STATUSES] } },
      orderBy: { createdAt: "desc" },
      take: SHOWN,
      select: {
        id: true,
        status: true,
        totalAmount: true,
        currency: true,
        paidAt: true,
        createdAt: true,
        shop: { select: { name: true } },
        items: { select: { title: true }, take: 2 },
        _count: { select: { items: true } },
      },
    }),
    prisma.invoice.findMany({
      where: { userId, status: { in: [...RECEIPT_INVOICE_STATUSES] } },
      orderBy: { createdAt: "desc" },
      take: SHOWN,
      select: {
        id: true,
        number: true,
        status: true,
        totalAmount: true,
        currency: true,
        paidAt: true,
        createdAt: true,
        subscription: { select: { plan: { select: { name: true, shop: { select: { name: true } } } } } },
      },
    }),
  ]);
  const rows: ReceiptRow[] = [
    ...orders.map((order) => ({
      kind: "order" as const,
      id: order.id,
      href: `/account/orders/${order.id}`,
      date: (order.paidAt ?? order.createdAt).toISOString(),
      title:
        order._count.items > 2
          ? `${order.items[0]?.title} and ${order._count.items - 1} more`
          : order.items.map((item) => item.title).join(", "),
      seller: order.shop.name,
      status: orderStatusLabel[order.status as keyof typeof orderStatusLabel],
      amount: order.totalAmount,
      currency: order.currency,
    })),
    ...invoices.map((invoice) => ({
      kind: "invoice" as const,
      id: invoice.id,
      href: `/account/invoices/${invoice.id}`,
      date: (invoice.paidAt ?? invoice.createdAt).toISOString(),
      title: `${invoice.subscription.plan.name} membership${invoice.number ? ` (${invoice.number})` : ""}`,
      seller: invoice.subscription.plan.shop.name,
      status: invoiceStatusLabel[invoice.status],
      amount: invoice.totalAmount,
      currency: invoice.currency,
    })),
  ];
  rows.sort((a, b) => b.date.localeCompare(a.date));
  return { rows, capped: orders.length === SHOWN || invoices.length === SHOWN };
}

/** One printable receipt: whoever sold it, the lines, the totals. Same shape for orders and invoices. */
export type Receipt = {
  kind: "order" | "invoice";
  reference: string;
  status: string;
  issuedAt: string;
  paidAt: string | null;
  seller: { name: string; handle: string };
  buyerEmail: string;
  currency: string;
  lines: { description: string; quantity: number; amount: number }[];
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  /** Refunded so far (orders) or paid (invoices), when it differs from the total. */
  refunded: number;
  paid: number;
  period: { start: string; end: string } | null;
  hostedInvoiceUrl: string | null;
};

/** An order's receipt, for its buyer only (anyone else's order reads as missing). */
export async function getOrderReceipt(userId: string, orderId: string): Promise<Receipt | null> {
  const order = await prisma.order.findFirst({
    where: { id: orderId, buyerId: userId, status: { in: [...RECEIPT_ORDER_STATUSES] } },
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
      paidAt: true,
      createdAt: true,
      shop: { select: { name: true, handle: true } },
      items: { select: { title: true, unitAmount: true, quantity: true }, orderBy: { id: "asc" } },
    },
  });
  if (!order) return null;
  return {
    kind: "order",
    reference: order.id,
    status: orderStatusLabel[order.status as keyof typeof orderStatusLabel],
    issuedAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    seller: order.shop,
    buyerEmail: order.email,
    currency: order.currency,
    lines: order.items.map((item) => ({
      description: item.title,
      quantity: item.quantity,
      amount: item.unitAmount * item.quantity,
    })),
    subtotal: order.subtotalAmount,
    discount: order.discountAmount,
    tax: order.taxAmount,
    total: order.totalAmount,
    refunded: order.refundedAmount,
    paid: order.paidAt ? order.totalAmount : 0,
    period: null,
    hostedInvoiceUrl: null,
  };
}

/** Invoice lines as stored from Stripe; a line of another shape is shown by its amount alone. */
const storedLine = z.object({
  description: z.string().nullish(),
  amount: z.number().int(),
  quantity: z.number().int().nullish(),
});

/** A subscription invoice's receipt, for its subscriber only. */
export async function getInvoiceReceipt(userId: string, invoiceId: string): Promise<Receipt | null> {
  const invoice = await prisma.invoice.findFirst({
    where: { id: invoiceId, userId, status: { in: [...RECEIPT_INVOICE_STATUSES] } },
    select: {
      id: true,
      number: true,
      status: true,
      currency: true,
      subtotalAmount: true,
      taxAmount: true,
      totalAmount: true,
      amountPaid: true,
      periodStart: true,
      periodEnd: true,
      paidAt: true,
      createdAt: true,
      hostedInvoiceUrl: true,
      lines: true,
      user: { select: { email: true } },
      subscription: {
        select: { plan: { select: { name: true, shop: { select: { name: true, handle: true } } } } },
      },
    },
  });
  if (!invoice) return null;
  const lines = Array.isArray(invoice.lines) ? invoice.lines : [];
  return {
    kind: "invoice",
    reference: invoice.number ?? invoice.id,
    status: invoiceStatusLabel[invoice.status],
    issuedAt: invoice.createdAt.toISOString(),
    paidAt: invoice.paidAt?.toISOString() ?? null,
    seller: invoice.subscription.plan.shop,
    buyerEmail: invoice.user.email,
    currency: invoice.currency,
    lines: lines.map((raw) => {
      const line = storedLine.safeParse(raw);
      if (!line.success) return { description: "Invoice line", quantity: 1, amount: 0 };
      return {
        description: line.data.description || `${invoice.subscription.plan.name} membership`,
        quantity: line.data.quantity ?? 1,
        amount: line.data.amount,
      };
    }),
    subtotal: invoice.subtotalAmount,
    discount: 0,
    tax: invoice.taxAmount,
    total: invoice.totalAmount,
    refunded: 0,
    paid: invoice.amountPaid,
    period:
      invoice.periodStart && invoice.periodEnd
        ? { start: invoice.periodStart.toISOString(), end: invoice.periodEnd.toISOString() }
        : null,
    hostedInvoiceUrl: invoice.hostedInvoiceUrl,
  };
}
