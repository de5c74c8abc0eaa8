import { isStripeResourceMissing, stripe } from "~/integrations/stripe.server.ts";
import { cancelSubscriptionNow } from "~/integrations/stripe-billing.server.ts";
import { fulfilCheckoutSession } from "~/modules/checkout/fulfilment.server.ts";
import { revokeSubscriptionForPayment } from "~/modules/delivery/grants/subscriptions.server.ts";
import { revokeOrderEntitlements } from "~/modules/delivery/grants.server.ts";
import { applyStripeRefund, lockOrder, settleOrderRefunds } from "~/modules/refunds/settle.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { type ChargeObject, type DisputeObject, idOf, type RefundObject } from "./stripe-event-objects.ts";
import { type HandlerOutcome, handled, ignored } from "./stripe-event-outcomes.ts";
import { queueAccessEndedEmail } from "./subscriptions/emails.server.ts";

/**
 * Finds the order a payment belongs to. Stripe does not promise event order: a refund or dispute
 * can arrive before checkout.session.completed was handled. Then the PaymentIntent's metadata names
 * the order, and we fulfil it first, so the refund that follows is applied instead of lost.
 * Payments without our metadata, or that Stripe does not know under our key, are not Stapel's.
 */
async function findOrderForPayment(paymentIntentId: string): Promise<string | null> {
  const known = await prisma.order.findUnique({
    where: { stripePaymentIntentId: paymentIntentId },
    select: { id: true },
  });
  if (known) return known.id;
  let orderId: string | undefined;
  try {
    orderId = (await stripe().paymentIntents.retrieve(paymentIntentId)).metadata?.orderId;
  } catch (error) {
    if (isStripeResourceMissing(error)) return null;
    throw error;
  }
  if (!orderId) return null;
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: { stripeCheckoutSessionId: true },
  });
  if (!order?.stripeCheckoutSessionId) return null;
  await fulfilCheckoutSession(order.stripeCheckoutSessionId);
  return orderId;
}

/**
 * The Stapel subscription whose invoice a payment paid. A subscription's charge carries no order:
 * Stripe links the PaymentIntent to its invoice through an InvoicePayment (API 2025-03-31 and later:
 * the charge and the PaymentIntent no longer name the invoice), and the invoice names its subscription.
 */
async function findSubscriptionForPayment(paymentIntentId: string): Promise<string | null> {
  const payments = await stripe().invoicePayments.list({
    payment: { type: "payment_intent", payment_intent: paymentIntentId },
    limit: 1,
  });
  const invoiceId = idOf(payments.data[0]?.invoice);
  if (!invoiceId) return null;
  const invoice = await stripe().invoices.retrieve(invoiceId);
  const stripeSubscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
  if (!stripeSubscriptionId) return null;
  const subscription = await prisma.subscription.findUnique({
    where: { stripeSubscriptionId },
    select: { id: true },
  });
  return subscription?.id ?? null;
}

/**
 * A plan's invoice fully refunded or disputed: access ends, the plan key is revoked, the subscriber
 * is told, and the subscription is cancelled at Stripe so no renewal charges them for access they no
 * longer have (its customer.subscription.deleted then ends it here as any cancellation does).
 */
async function endPlanAccess(subscriptionId: string, reason: "REFUNDED" | "DISPUTED"): Promise<void> {
  const stripeSubscriptionId = await prisma.$transaction(async (tx) => {
    const before = await tx.subscription.findUniqueOrThrow({
      where: { id: subscriptionId },
      select: { grantsAccess: true, stripeSubscriptionId: true },
    });
    await revokeSubscriptionForPayment(tx, subscriptionId, reason);
    if (before.grantsAccess)
      await queueAccessEndedEmail(
        tx,
        subscriptionId,
        { grants: false, reason: "refunded-or-disputed", endsAt: null },
        new Date(),
      );
    return before.stripeSubscriptionId;
  });
  // After the commit: a failed call retries with the webhook job, and cancelling twice is harmless.
  await cancelSubscriptionNow(
    stripeSubscriptionId,
    reason === "REFUNDED" ? "A plan invoice was refunded in full." : "A plan invoice was disputed.",
  );
}

const notOurs = (paymentIntentId: string | undefined) =>
  ignored(
    "UNKNOWN_PAYMENT",
    paymentIntentId
      ? `no order of Stapel's paid with ${paymentIntentId}`
      : "the object names no PaymentIntent",
  );

/**
 * A full refund ends access; a partial one keeps it (the buyer still paid for the item) but is
 * recorded. Stripe's charge is the truth for how much has been refunded in total; events can arrive
 * out of order, so an older charge never lowers what a newer one said.
 */
export async function handleChargeRefunded(charge: ChargeObject): Promise<HandlerOutcome> {
  const paymentIntentId = idOf(charge.payment_intent);
  const orderId = paymentIntentId && (await findOrderForPayment(paymentIntentId));
  if (!orderId) {
    const subscriptionId = paymentIntentId && (await findSubscriptionForPayment(paymentIntentId));
    if (!subscriptionId) return notOurs(paymentIntentId);
    // A partial refund of an invoice keeps access, as for an order.
    if (charge.refunded || charge.amount_refunded >= charge.amount)
      await endPlanAccess(subscriptionId, "REFUNDED");
    return handled;
  }
  await prisma.$transaction(async (tx) => {
    await lockOrder(tx, orderId);
    await settleOrderRefunds(tx, orderId, {
      amountRefunded: charge.amount_refunded,
      fullyRefunded: charge.refunded || charge.amount_refunded >= charge.amount,
    });
  });
  return handled;
}

/**
 * refund.created (and refund.updated, which carries the same object): the refund's row takes
 * Stripe's status; the one that succeeds sends the buyer's refund email, once.
 */
export async function handleRefundCreated(refund: RefundObject): Promise<HandlerOutcome> {
  const paymentIntentId = idOf(refund.payment_intent);
  if (!paymentIntentId) return notOurs(undefined);
  const orderId = await findOrderForPayment(paymentIntentId);
  if (!orderId) return notOurs(paymentIntentId);
  await recordRefund(orderId, refund);
  return handled;
}

export const handleRefundUpdated = handleRefundCreated;

export async function recordRefund(
  orderId: string,
  refund: { id: string; amount: number; currency: string; reason?: string | null; status?: string | null },
): Promise<void> {
  // Our refunds name their Refund row in metadata; the webhook can beat Stripe's answer to us.
  const metadata = (refund as { metadata?: { refundId?: unknown } | null }).metadata;
  const refundId = typeof metadata?.refundId === "string" ? metadata.refundId : undefined;
  await applyStripeRefund(orderId, { ...refund, metadata: refundId ? { refundId } : null });
}

/** A dispute freezes access at once: the buyer is contesting that they bought it. */
export async function handleChargeDisputed(dispute: DisputeObject): Promise<HandlerOutcome> {
  const paymentIntentId = idOf(dispute.payment_intent);
  const orderId = paymentIntentId && (await findOrderForPayment(paymentIntentId));
  if (!orderId) {
    const subscriptionId = paymentIntentId && (await findSubscriptionForPayment(paymentIntentId));
    if (!subscriptionId) return notOurs(paymentIntentId);
    await endPlanAccess(subscriptionId, "DISPUTED");
    return handled;
  }
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: "DISPUTED" } });
    await revokeOrderEntitlements(tx, orderId, "DISPUTED");
  });
  return handled;
}
