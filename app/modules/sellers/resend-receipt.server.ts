import { createElement } from "react";
import { queueEmail } from "~/modules/email/outbox.server.ts";
import { wordsFor } from "~/modules/email/recipient.server.ts";
import { renderEmail } from "~/modules/email/render.server.ts";
import { ReceiptEmail } from "~/modules/email/templates/receipt.tsx";
import { lockOrder } from "~/modules/refunds/settle.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { SOLD_STATUSES } from "./sales.server.ts";

/** A buyer asked again: at most this many receipts again per order and hour. */
export const RESENDS_PER_HOUR = 3;
const HOUR_MS = 60 * 60 * 1000;

export type ResendResult =
  | { ok: true; to: string; alreadySent: boolean }
  | { ok: false; refusal: "not-found"; message: string }
  | { ok: false; refusal: "rate-limited"; message: string; retryAfterSeconds: number };

/**
 * Sends the order's receipt again to the buyer. `clickId` comes from the page's form: the email's
 * key names it, so a double submit of one click sends one email. The outbox rows are also the rate
 * limit's counter (per order, per hour), counted under the order's lock.
 */
export async function resendReceipt(shopId: string, orderId: string, clickId: string): Promise<ResendResult> {
  return prisma.$transaction(async (tx) => {
    await lockOrder(tx, orderId);
    const order = await tx.order.findFirst({
      where: { id: orderId, shopId, status: { in: [...SOLD_STATUSES] } },
      select: {
        id: true,
        email: true,
        currency: true,
        totalAmount: true,
        shop: { select: { name: true } },
        items: {
          select: {
            title: true,
            tierName: true,
            unitAmount: true,
            currency: true,
            entitlements: {
              select: { licenseKey: { select: { key: true } } },
              where: { source: "ORDER_ITEM" },
            },
          },
        },
      },
    });
    if (!order)
      return { ok: false, refusal: "not-found", message: "That order does not exist in your shop." };
    const prefix = `receipt:order:${order.id}:resend:`;
    const idempotencyKey = `${prefix}${clickId}`;
    if (await tx.emailMessage.findUnique({ where: { idempotencyKey }, select: { id: true } })) {
      return { ok: true, to: order.email, alreadySent: true };
    }
    const recent = await tx.emailMessage.findMany({
      where: { idempotencyKey: { startsWith: prefix }, createdAt: { gt: new Date(Date.now() - HOUR_MS) } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    const oldest = recent[0];
    if (recent.length >= RESENDS_PER_HOUR && oldest) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((oldest.createdAt.getTime() + HOUR_MS - Date.now()) / 1000),
      );
      return {
        ok: false,
        refusal: "rate-limited",
        message: "Too many receipts for this order",
        retryAfterSeconds,
      };
    }
    // The seller asks, not the buyer: the receipt is in the buyer's account language (User.locale).
    const { t, money, language } = await wordsFor(tx, order.email);
    const rendered = await renderEmail(
      t("email.receipt.subject", { shop: order.shop.name }),
      createElement(ReceiptEmail, {
        shopName: order.shop.name,
        orderId: order.id,
        total: money({ amount: order.totalAmount, currency: order.currency }),
        libraryUrl: `${env().APP_URL}/library`,
        lines: order.items.map((item) => ({
          title: item.tierName
            ? t("email.receipt.tier", { title: item.title, tier: item.tierName })
            : item.title,
          price: money({ amount: item.unitAmount, currency: item.currency }),
          licenseKey: item.entitlements[0]?.licenseKey?.key,
        })),
        language,
      }),
    );
    await queueEmail(tx, { ...rendered, to: order.email, idempotencyKey });
    return { ok: true, to: order.email, alreadySent: false };
  });
}
