import { createElement } from "react";
import type { SubscriptionAccess } from "~/modules/delivery/subscription-access.ts";
import { queueEmail } from "~/modules/email/outbox.server.ts";
import { renderEmail } from "~/modules/email/render.server.ts";
import { AccessEndedEmail } from "~/modules/email/templates/subscriptions/access-ended.tsx";
import { SubscriptionCancelledEmail } from "~/modules/email/templates/subscriptions/cancelled.tsx";
import { PaymentActionRequiredEmail } from "~/modules/email/templates/subscriptions/payment-action.tsx";
import { PaymentFailedEmail } from "~/modules/email/templates/subscriptions/payment-failed.tsx";
import { SubscriptionReceiptEmail } from "~/modules/email/templates/subscriptions/receipt.tsx";
import { TrialEndingEmail } from "~/modules/email/templates/subscriptions/trial-ending.tsx";
import { SubscriptionWelcomeEmail } from "~/modules/email/templates/subscriptions/welcome.tsx";
import { formatDay } from "~/utils/dates.ts";
import type { Tx } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { formatMoney } from "~/utils/money.ts";

/**
 * The subscriber's emails, one per lifecycle moment, written to the outbox in the transaction that
 * records the moment. Each idempotency key names its cause, so a repeated event sends nothing new.
 */

async function loadSubscription(tx: Tx, subscriptionId: string) {
  return tx.subscription.findUniqueOrThrow({
    where: { id: subscriptionId },
    select: {
      id: true,
      trialEnd: true,
      currentPeriodEnd: true,
      user: { select: { email: true } },
      plan: { select: { id: true, name: true, shop: { select: { name: true, handle: true } } } },
      planPrice: { select: { amount: true, currency: true, interval: true } },
    },
  });
}

const urls = () => {
  const base = env().APP_URL;
  return { library: `${base}/library`, account: `${base}/account`, base };
};

function priceLabel(price: { amount: number; currency: string; interval: "MONTH" | "YEAR" } | null) {
  if (!price) return undefined;
  return `${formatMoney(price)} per ${price.interval === "YEAR" ? "year" : "month"}`;
}

export async function queueWelcomeEmail(tx: Tx, subscriptionId: string, access: SubscriptionAccess) {
  const subscription = await loadSubscription(tx, subscriptionId);
  const rendered = await renderEmail(
    `Welcome to ${subscription.plan.name}`,
    createElement(SubscriptionWelcomeEmail, {
      planName: subscription.plan.name,
      shopName: subscription.plan.shop.name,
      trialEndsOn:
        access.grants && access.reason === "trialing" && subscription.trialEnd
          ? formatDay(subscription.trialEnd)
          : undefined,
      libraryUrl: urls().library,
      accountUrl: urls().account,
    }),
  );
  await queueEmail(tx, {
    ...rendered,
    to: subscription.user.email,
    idempotencyKey: `subscription-welcome:${subscription.id}`,
  });
}

const endedBecause: Record<Extract<SubscriptionAccess, { grants: false }>["reason"], string> = {
  canceled: "your subscription ended",
  unpaid: "the subscription's payment could not be collected",
  incomplete: "the first payment has not gone through",
  "incomplete-expired": "the first payment never went through",
  paused: "the subscription is paused until a payment method is added",
  "grace-over": "the renewal payment is still outstanding after the grace period",
  "refunded-or-disputed": "a payment for it was refunded or disputed",
};

/** `at` is the moment access ended; access can end again after it came back (a later failed renewal). */
export async function queueAccessEndedEmail(
  tx: Tx,
  subscriptionId: string,
  access: Extract<SubscriptionAccess, { grants: false }>,
  at: Date,
) {
  const subscription = await loadSubscription(tx, subscriptionId);
  const rendered = await renderEmail(
    `Your access to ${subscription.plan.name} has ended`,
    createElement(AccessEndedEmail, {
      planName: subscription.plan.name,
      shopName: subscription.plan.shop.name,
      reason: endedBecause[access.reason],
      planUrl: `${urls().base}/s/${subscription.plan.shop.handle}/plans/${subscription.plan.id}`,
    }),
  );
  await queueEmail(tx, {
    ...rendered,
    to: subscription.user.email,
    idempotencyKey: `subscription-access-ended:${subscription.id}:${at.toISOString()}`,
  });
}

/** Cancellation was scheduled; `until` is the end of the period (the key: cancel, resume, cancel again). */
export async function queueCancelledEmail(tx: Tx, subscriptionId: string, until: Date | null) {
  const subscription = await loadSubscription(tx, subscriptionId);
  const rendered = await renderEmail(
    `Your ${subscription.plan.name} subscription is cancelled`,
    createElement(SubscriptionCancelledEmail, {
      planName: subscription.plan.name,
      shopName: subscription.plan.shop.name,
      accessUntil: until ? formatDay(until) : undefined,
      accountUrl: urls().account,
    }),
  );
  await queueEmail(tx, {
    ...rendered,
    to: subscription.user.email,
    idempotencyKey: `subscription-cancelled:${subscription.id}:${until?.toISOString() ?? "now"}`,
  });
}

export async function queueTrialEndingEmail(tx: Tx, subscriptionId: string, trialEnd: Date) {
  const subscription = await loadSubscription(tx, subscriptionId);
  const rendered = await renderEmail(
    `Your ${subscription.plan.name} trial ends on ${formatDay(trialEnd)}`,
    createElement(TrialEndingEmail, {
      planName: subscription.plan.name,
      shopName: subscription.plan.shop.name,
      trialEndsOn: formatDay(trialEnd),
      price: priceLabel(subscription.planPrice),
      accountUrl: urls().account,
    }),
  );
  await queueEmail(tx, {
    ...rendered,
    to: subscription.user.email,
    idempotencyKey: `subscription-trial-ending:${subscription.id}:${trialEnd.toISOString()}`,
  });
}

type InvoiceForEmail = {
  id: string;
  stripeInvoiceId: string;
  subscriptionId: string;
  number: string | null;
  currency: string;
  totalAmount: number;
  taxAmount: number;
  amountPaid: number;
  periodStart: Date | null;
  periodEnd: Date | null;
  hostedInvoiceUrl: string | null;
  lines: { description: string; amount: number }[];
};

export async function queueInvoiceReceipt(tx: Tx, invoice: InvoiceForEmail) {
  const subscription = await loadSubscription(tx, invoice.subscriptionId);
  const money = (amount: number) => formatMoney({ amount, currency: invoice.currency });
  const period =
    invoice.periodStart && invoice.periodEnd
      ? `${formatDay(invoice.periodStart)} – ${formatDay(invoice.periodEnd)}`
      : "the coming period";
  const rendered = await renderEmail(
    `Receipt for ${subscription.plan.name}: ${money(invoice.amountPaid)}`,
    createElement(SubscriptionReceiptEmail, {
      planName: subscription.plan.name,
      shopName: subscription.plan.shop.name,
      total: money(invoice.amountPaid),
      tax: invoice.taxAmount > 0 ? money(invoice.taxAmount) : undefined,
      period,
      invoiceNumber: invoice.number,
      lines: invoice.lines.map((line, position) => ({
        key: `line-${position}`,
        description: line.description,
        amount: money(line.amount),
      })),
      invoiceUrl: invoice.hostedInvoiceUrl ?? undefined,
      accountUrl: urls().account,
    }),
  );
  await queueEmail(tx, {
    ...rendered,
    to: subscription.user.email,
    idempotencyKey: `subscription-receipt:${invoice.stripeInvoiceId}`,
  });
}

export async function queuePaymentFailedEmail(tx: Tx, invoice: InvoiceForEmail, accessUntil: Date | null) {
  const subscription = await loadSubscription(tx, invoice.subscriptionId);
  const rendered = await renderEmail(
    `Your payment for ${subscription.plan.name} did not go through`,
    createElement(PaymentFailedEmail, {
      planName: subscription.plan.name,
      shopName: subscription.plan.shop.name,
      amountDue: formatMoney({ amount: invoice.totalAmount, currency: invoice.currency }),
      fixUrl: invoice.hostedInvoiceUrl ?? urls().account,
      accessUntil: accessUntil ? formatDay(accessUntil) : undefined,
    }),
  );
  await queueEmail(tx, {
    ...rendered,
    to: subscription.user.email,
    idempotencyKey: `subscription-payment-failed:${invoice.stripeInvoiceId}`,
  });
}

export async function queuePaymentActionEmail(tx: Tx, invoice: InvoiceForEmail) {
  const subscription = await loadSubscription(tx, invoice.subscriptionId);
  const rendered = await renderEmail(
    `Please confirm your payment for ${subscription.plan.name}`,
    createElement(PaymentActionRequiredEmail, {
      planName: subscription.plan.name,
      shopName: subscription.plan.shop.name,
      amountDue: formatMoney({ amount: invoice.totalAmount, currency: invoice.currency }),
      confirmUrl: invoice.hostedInvoiceUrl ?? urls().account,
    }),
  );
  await queueEmail(tx, {
    ...rendered,
    to: subscription.user.email,
    idempotencyKey: `subscription-payment-action:${invoice.stripeInvoiceId}`,
  });
}
