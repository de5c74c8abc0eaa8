import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { prisma } from "~/utils/db.server.ts";

/**
 * Everything Stapel keeps about one account, as the person may take it away (GDPR art. 15 and 20).
 * Every query is scoped to the user and names its fields: no token hashes, no other person's rows,
 * no seller-side figures (Stripe and platform fees), no paid content bodies (the library has them).
 */
const listingRef = {
  select: { title: true, slug: true, shop: { select: { name: true, handle: true } } },
} as const;

/**
 * `language` is the page's: only the note a person reads is translated; every key, enum value and
 * date stays the same in every language (the format is for programs too).
 */
export async function exportAccountData(userId: string, language: Language = "en") {
  const profile = await prisma.user.findFirst({
    where: { id: userId, deletedAt: null },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      stripeCustomerId: true,
      locale: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  if (!profile) return null;
  const [
    orders,
    entitlements,
    licenseKeys,
    subscriptions,
    invoices,
    reviews,
    downloads,
    sessions,
    emailChanges,
    unsubscribes,
  ] = await Promise.all([
    prisma.order.findMany({
      where: { buyerId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        email: true,
        status: true,
        currency: true,
        subtotalAmount: true,
        discountAmount: true,
        taxAmount: true,
        totalAmount: true,
        refundedAmount: true,
        country: true,
        paidAt: true,
        createdAt: true,
        shop: { select: { name: true, handle: true } },
        items: {
          select: {
            title: true,
            unitAmount: true,
            quantity: true,
            currency: true,
            tierName: true,
            licenseText: true,
          },
        },
        refunds: {
          orderBy: { createdAt: "asc" },
          select: { amount: true, currency: true, reason: true, status: true, createdAt: true },
        },
      },
    }),
    prisma.entitlement.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        source: true,
        status: true,
        revokedAt: true,
        revokeReason: true,
        createdAt: true,
        listing: listingRef,
      },
    }),
    prisma.licenseKey.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        key: true,
        status: true,
        maxActivations: true,
        uses: true,
        expiresAt: true,
        createdAt: true,
        listing: { select: { title: true, slug: true } },
        plan: { select: { name: true } },
        shop: { select: { name: true, handle: true } },
        activations: {
          orderBy: { createdAt: "asc" },
          select: { id: true, instanceName: true, createdAt: true },
        },
      },
    }),
    prisma.subscription.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        status: true,
        currentPeriodStart: true,
        currentPeriodEnd: true,
        cancelAtPeriodEnd: true,
        canceledAt: true,
        endedAt: true,
        trialEnd: true,
        createdAt: true,
        plan: { select: { name: true, shop: { select: { name: true, handle: true } } } },
        planPrice: { select: { amount: true, currency: true, interval: true } },
      },
    }),
    prisma.invoice.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
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
        lines: true,
        subscriptionId: true,
      },
    }),
    prisma.review.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { rating: true, body: true, createdAt: true, listing: listingRef },
    }),
    prisma.downloadLog.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        createdAt: true,
        ip: true,
        userAgent: true,
        range: true,
        file: { select: { fileName: true, sizeBytes: true, listing: { select: { title: true } } } },
      },
    }),
    prisma.session.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, expiresAt: true, userAgent: true },
    }),
    prisma.emailChangeToken.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { newEmail: true, createdAt: true, expiresAt: true, usedAt: true },
    }),
    prisma.shopUnsubscribe.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, shop: { select: { name: true, handle: true } } },
    }),
  ]);
  return {
    format: "stapel-account-export/1",
    exportedAt: new Date().toISOString(),
    note: translator(language)("dataExport.note"),
    profile,
    orders,
    entitlements,
    licenseKeys,
    subscriptions,
    invoices,
    reviews,
    downloads,
    sessions,
    emailChangeRequests: emailChanges,
    newVersionEmailsOffFor: unsubscribes,
  };
}

export type AccountDataExport = NonNullable<Awaited<ReturnType<typeof exportAccountData>>>;

/** `stapel-data-2025-01-31.json` (UTC date). */
export const exportFileName = (now = new Date()) => `stapel-data-${now.toISOString().slice(0, 10)}.json`;
