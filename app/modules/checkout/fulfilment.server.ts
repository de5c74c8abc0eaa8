import { createElement } from "react";
import type { Prisma } from "~/generated/prisma/client.ts";
import { type Stripe, stripe } from "~/integrations/stripe.server.ts";
import { type ChargeSettlement, retrieveChargeSettlement } from "~/integrations/stripe-connect.server.ts";
import { rememberLanguage } from "~/modules/accounts/locale.server.ts";
import { grantOrderEntitlements } from "~/modules/delivery/grants.server.ts";
import { recordRedemption } from "~/modules/discounts/redeem.server.ts";
import { queueEmail } from "~/modules/email/outbox.server.ts";
import { renderEmail } from "~/modules/email/render.server.ts";
import { ReceiptEmail } from "~/modules/email/templates/receipt.tsx";
import { translator } from "~/modules/i18n/messages.server.ts";
import { type Language, NUMBER_LOCALE, parseLanguage } from "~/modules/i18n/viewer.ts";
import { applyTierActivationLimits } from "~/modules/licensing/license-keys.server.ts";
import { prisma, type Tx } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { formatMoney } from "~/utils/money.ts";

export type FulfilmentResult =
  | { status: "fulfilled"; orderId: string; buyerId: string }
  | { status: "unpaid"; orderId: string | null }
  | { status: "unknown-order" };

/**
 * Grants everything a paid Checkout Session bought. The webhook and the success page both call
 * this, in either order and any number of times: the order row is locked, PAID orders are left
 * alone, and every grant, licence key and email has a unique key, so repeats change nothing.
 */
export async function fulfilCheckoutSession(sessionId: string): Promise<FulfilmentResult> {
  // A session no order was opened for is not Stapel's (another app on the same Stripe account, a
  // forged success URL): answered without asking Stripe, whose 404 would look like a failure.
  const opened = await prisma.order.findUnique({
    where: { stripeCheckoutSessionId: sessionId },
    select: { id: true },
  });
  if (!opened) return { status: "unknown-order" };

  // Ask Stripe rather than trusting the caller: a success-page URL can be forged, Stripe cannot.
  const session = await stripe().checkout.sessions.retrieve(sessionId);
  const orderId = session.metadata?.orderId ?? session.client_reference_id;
  if (!orderId) return { status: "unknown-order" };
  if (session.payment_status !== "paid" && session.payment_status !== "no_payment_required") {
    return { status: "unpaid", orderId };
  }

  const settlement = await settlementOf(session);
  const order = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
    const order = await tx.order.findUnique({
      where: { id: orderId },
      include: { items: true, shop: { select: { name: true } } },
    });
    if (!order || order.stripeCheckoutSessionId !== session.id) return null;
    if (order.status !== "PENDING" && order.status !== "EXPIRED") {
      // Fulfilled before Stripe's fee could be read: a later call fills in the money columns.
      if (order.stripeFeeAmount === null && settlement) {
        await tx.order.update({ where: { id: order.id }, data: moneyColumns(order, settlement, session) });
      }
      return order;
    }

    // Counted here, inside the one PENDING → PAID transition: a repeated event never counts twice.
    const redemption = await recordRedemption(tx, order, session);
    const paid = await tx.order.update({
      where: { id: order.id },
      data: {
        status: "PAID",
        discountCodeId: redemption.discountCodeId,
        discountAmount: redemption.discountAmount,
        paidAt: new Date(),
        stripePaymentIntentId: paymentIntentId(session),
        totalAmount: session.amount_total ?? order.totalAmount,
        email: session.customer_details?.email ?? order.email,
        ...(settlement && moneyColumns(order, settlement, session)),
      },
      include: { items: true, shop: { select: { name: true } } },
    });
    const licenseKeys = await grantOrderEntitlements(tx, paid);
    await applyTierActivationLimits(tx, paid.items);
    const language = parseLanguage(session.metadata?.lang);
    await queueReceipt(tx, paid, licenseKeys, language ?? "en");
    // The checkout's language becomes the buyer's: their later emails (refunds, updates) use it.
    if (language) await rememberLanguage(paid.buyerId, language, tx);
    return paid;
  });

  if (!order) return { status: "unknown-order" };
  return { status: "fulfilled", orderId: order.id, buyerId: order.buyerId };
}

/**
 * What the payment cost and where its money went, read from Stripe (the charge's balance transaction
 * and transfer). Unreadable now (Stripe briefly unreachable), the order is fulfilled all the same:
 * the buyer paid, and the next delivery of the session's events fills the columns in.
 */
async function settlementOf(session: Stripe.Checkout.Session): Promise<ChargeSettlement | null> {
  const intentId = paymentIntentId(session);
  if (!intentId) return null;
  try {
    return await retrieveChargeSettlement(intentId);
  } catch (error) {
    console.warn(
      `Could not read the fees of ${intentId}:`,
      error instanceof Error ? error.message.split("\n")[0] : error,
    );
    return null;
  }
}

/**
 * The order's money as Stripe booked it. Stapel pays Stripe's fee out of its application fee, so the
 * seller's net is what the transfer moved to their account: total less the platform fee and tax
 * (ADR 19). Tax is 0 until Stapel collects it.
 */
function moneyColumns(
  order: { totalAmount: number; taxAmount: number },
  settlement: ChargeSettlement,
  session: Stripe.Checkout.Session,
) {
  const total = session.amount_total ?? order.totalAmount;
  const platformFee = settlement.applicationFeeAmount;
  return {
    stripeChargeId: settlement.chargeId,
    stripeFeeAmount: settlement.stripeFeeAmount,
    platformFeeAmount: platformFee,
    netAmount: settlement.destinationAccountId
      ? (settlement.transferAmount ?? total - platformFee) - order.taxAmount
      : total - (settlement.stripeFeeAmount ?? 0) - order.taxAmount,
    destinationAccountId: settlement.destinationAccountId,
    stripeTransferId: settlement.transferId,
    country: settlement.country ?? session.customer_details?.address?.country ?? null,
  } satisfies Prisma.OrderUncheckedUpdateInput;
}

function paymentIntentId(session: Stripe.Checkout.Session): string | null {
  const intent = session.payment_intent;
  return typeof intent === "string" ? intent : (intent?.id ?? null);
}

type PaidOrder = {
  id: string;
  email: string;
  currency: string;
  totalAmount: number;
  shop: { name: string };
  items: {
    listingId: string;
    title: string;
    unitAmount: number;
    currency: string;
    tierName: string | null;
  }[];
};

// Queued in the same transaction as the grants: a crash can lose neither, and never only one.
async function queueReceipt(tx: Tx, order: PaidOrder, licenseKeys: Map<string, string>, language: Language) {
  const t = translator(language);
  const locale = NUMBER_LOCALE[language];
  const rendered = await renderEmail(
    t("email.receipt.subject", { shop: order.shop.name }),
    createElement(ReceiptEmail, {
      shopName: order.shop.name,
      orderId: order.id,
      total: formatMoney({ amount: order.totalAmount, currency: order.currency }, locale),
      libraryUrl: `${env().APP_URL}/library`,
      language,
      lines: order.items.map((item) => ({
        title: item.tierName
          ? t("email.receipt.tier", { title: item.title, tier: item.tierName })
          : item.title,
        price: formatMoney({ amount: item.unitAmount, currency: item.currency }, locale),
        licenseKey: licenseKeys.get(item.listingId),
      })),
    }),
  );
  await queueEmail(tx, { ...rendered, to: order.email, idempotencyKey: `receipt:order:${order.id}` });
}
