import { createElement } from "react";
import { languageOfLocale } from "~/modules/accounts/locale.server.ts";
import type { SubscriptionAccess } from "~/modules/delivery/subscription-access.ts";
import { queueEmail } from "~/modules/email/outbox.server.ts";
import { type EmailWords, emailWords } from "~/modules/email/recipient.server.ts";
import { renderEmail } from "~/modules/email/render.server.ts";
import { AccessEndedEmail } from "~/modules/email/templates/subscriptions/access-ended.tsx";
import { SubscriptionCancelledEmail } from "~/modules/email/templates/subscriptions/cancelled.tsx";
import { PaymentActionRequiredEmail } from "~/modules/email/templates/subscriptions/payment-action.tsx";
import { PaymentFailedEmail } from "~/modules/email/templates/subscriptions/payment-failed.tsx";
import { SubscriptionReceiptEmail } from "~/modules/email/templates/subscriptions/receipt.tsx";
import { TrialEndingEmail } from "~/modules/email/templates/subscriptions/trial-ending.tsx";
import { SubscriptionWelcomeEmail } from "~/modules/email/templates/subscriptions/welcome.tsx";
import type { Tx } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";

/**
 * The subscriber's emails, one per lifecycle moment, written to the outbox in the transaction that
 * records the moment. Each idempotency key names its cause, so a repeated event sends nothing new.
 * No request of the subscriber causes them: they are written in the account's language (User.locale).
 */

async function loadSubscription(tx: Tx, subscriptionId: string) {
  const subscription = await tx.subscription.findUniqueOrThrow({
    where: { id: subscriptionId },
    select: {
      id: true,
      trialEnd: true,
      currentPeriodEnd: true,
      user: { select: { email: true, locale: true } },
      plan: { select: { id: true, name: true, shop: { select: { name: true, handle: true } } } },
      planPrice: { select: { amount: true, currency: true, interval: true } },
    },
  });
  return { ...subscription, words: emailWords(languageOfLocale(subscription.user.locale)) };
}

const urls = () => {
  const base = env().APP_URL;
  return { library: `${base}/library`, account: `${base}/account`, base };
};

function priceLabel(
  { t, money }: EmailWords,
  price: { amount: number; currency: string; interval: "MONTH" | "YEAR" } | null,
) {
  if (!price) return undefined;
  return t(price.interval === "YEAR" ? "email.sub.perYear" : "email.sub.perMonth", { price: money(price) });
}

export async function queueWelcomeEmail(tx: Tx, subscriptionId: string, access: SubscriptionAccess) {
  const subscription = await loadSubscription(tx, subscriptionId);
  const { t, day, language } = subscription.words;
  const rendered = await renderEmail(
    t("email.sub.welcome.subject", { plan: subscription.plan.name }),
    createElement(SubscriptionWelcomeEmail, {
      planName: subscription.plan.name,
      shopName: subscription.plan.shop.name,
      trialEndsOn:
        access.grants && access.reason === "trialing" && subscription.trialEnd
          ? day(subscription.trialEnd)
          : undefined,
      libraryUrl: urls().library,
      accountUrl: urls().account,
      language,
    }),
  );
  await queueEmail(tx, {
    ...rendered,
    to: subscription.user.email,
    idempotencyKey: `subscription-welcome:${subscription.id}`,
  });
}

const endedBecause = {
  canceled: "email.sub.ended.canceled",
  unpaid: "email.sub.ended.unpaid",
  incomplete: "email.sub.ended.incomplete",
  "incomplete-expired": "email.sub.ended.incomplete-expired",
  paused: "email.sub.ended.paused",
  "grace-over": "email.sub.ended.grace-over",
  "refunded-or-disputed": "email.sub.ended.refunded-or-disputed",
} as const satisfies Record<Extract<SubscriptionAccess, { grants: false }>["reason"], string>;

/** `at` is the moment access ended; access can end again after it came back (a later failed renewal). */
export async function queueAccessEndedEmail(
  tx: Tx,
  subscriptionId: string,
  access: Extract<SubscriptionAccess, { grants: false }>,
  at: Date,
) {
  const subscription = await loadSubscription(tx, subscriptionId);
  const { t, language } = subscription.words;
  const rendered = await renderEmail(
    t("email.sub.ended.subject", { plan: subscription.plan.name }),
    createElement(AccessEndedEmail, {
      planName: subscription.plan.name,
      shopName: subscription.plan.shop.name,
      reason: t(endedBecause[access.reason]),
      planUrl: `${urls().base}/s/${subscription.plan.shop.handle}/plans/${subscription.plan.id}`,
      language,
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
  const { t, day, language } = subscription.words;
  const rendered = await renderEmail(
    t("email.sub.cancelled.subject", { plan: subscription.plan.name }),
    createElement(SubscriptionCancelledEmail, {
      planName: subscription.plan.name,
      shopName: subscription.plan.shop.name,
      accessUntil: until ? day(until) : undefined,
      accountUrl: urls().account,
      language,
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
  const { t, day, language } = subscription.words;
  const rendered = await renderEmail(
    t("email.sub.trial.subject", { plan: subscription.plan.name, day: day(trialEnd) }),
    createElement(TrialEndingEmail, {
      planName: subscription.plan.name,
      shopName: subscription.plan.shop.name,
      trialEndsOn: day(trialEnd),
      price: priceLabel(subscription.words, subscription.planPrice),
      accountUrl: urls().account,
      language,
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
  const { t, day, language } = subscription.words;
  const money = (amount: number) => subscription.words.money({ amount, currency: invoice.currency });
  const period =
    invoice.periodStart && invoice.periodEnd
      ? `${day(invoice.periodStart)} – ${day(invoice.periodEnd)}`
      : t("email.sub.receipt.comingPeriod");
  const rendered = await renderEmail(
    t("email.sub.receipt.subject", { plan: subscription.plan.name, total: money(invoice.amountPaid) }),
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
      language,
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
  const { t, day, money, language } = subscription.words;
  const rendered = await renderEmail(
    t("email.sub.failed.subject", { plan: subscription.plan.name }),
    createElement(PaymentFailedEmail, {
      planName: subscription.plan.name,
      shopName: subscription.plan.shop.name,
      amountDue: money({ amount: invoice.totalAmount, currency: invoice.currency }),
      fixUrl: invoice.hostedInvoiceUrl ?? urls().account,
      accessUntil: accessUntil ? day(accessUntil) : undefined,
      language,
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
  const { t, money, language } = subscription.words;
  const rendered = await renderEmail(
    t("email.sub.action.subject", { plan: subscription.plan.name }),
    createElement(PaymentActionRequiredEmail, {
      planName: subscription.plan.name,
      shopName: subscription.plan.shop.name,
      amountDue: money({ amount: invoice.totalAmount, currency: invoice.currency }),
      confirmUrl: invoice.hostedInvoiceUrl ?? urls().account,
      language,
    }),
  );
  await queueEmail(tx, {
    ...rendered,
    to: subscription.user.email,
    idempotencyKey: `subscription-payment-action:${invoice.stripeInvoiceId}`,
  });
}
