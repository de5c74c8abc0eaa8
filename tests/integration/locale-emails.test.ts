// Emails no request of the buyer causes are written in the buyer's account language (User.locale):
// for each kind, a German buyer gets German (subject and a phrase of the body, German money and
// days), and a buyer with no language (or English) gets English. Driven through the real modules
// that queue them, on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  queueAccessEndedEmail,
  queueCancelledEmail,
  queueInvoiceReceipt,
  queuePaymentActionEmail,
  queuePaymentFailedEmail,
  queueTrialEndingEmail,
  queueWelcomeEmail,
} from "~/modules/billing/subscriptions/emails.server.ts";
import { claimFreeListing } from "~/modules/checkout/claim.server.ts";
import { notifyBuyers } from "~/modules/listings/notify.server.ts";
import { applyStripeRefund } from "~/modules/refunds/settle.server.ts";
import { replyToReview } from "~/modules/reviews/moderation.server.ts";
import { giftListing } from "~/modules/sellers/gifts.server.ts";
import { resendReceipt } from "~/modules/sellers/resend-receipt.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale } from "../support/fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
let shop: Awaited<ReturnType<typeof createListingForSale>>;
beforeAll(async () => {
  app = await startTestApp();
  shop = await createListingForSale({ priceAmount: 1250, currency: "EUR" });
});
afterAll(async () => {
  await app.stop();
});

let counter = 0;
type Locale = "de" | "en" | null;
const LOCALES: Locale[] = ["de", "en", null];
async function buyer(locale: Locale) {
  const email = `locale-${locale ?? "none"}-${Date.now().toString(36)}${counter++}@example.com`;
  return prisma.user.create({ data: { email, locale } });
}

async function lastEmail(to: string, prefix: string) {
  const email = await prisma.emailMessage.findFirst({
    where: { to, idempotencyKey: { startsWith: prefix } },
    orderBy: { createdAt: "desc" },
    select: { subject: true, text: true, html: true },
  });
  if (!email) throw new Error(`no ${prefix} email to ${to}`);
  return email;
}

type Expectation = { subject: RegExp; body: RegExp };
function expectLanguage(
  email: { subject: string; text: string; html: string },
  locale: Locale,
  words: { de: Expectation; en: Expectation },
) {
  const want = locale === "de" ? words.de : words.en;
  const other = locale === "de" ? words.en : words.de;
  expect(email.subject).toMatch(want.subject);
  const text = email.text.replace(/\s+/g, " "); // the plain text wraps long lines
  expect(text).toMatch(want.body);
  expect(email.subject).not.toMatch(other.subject);
  expect(text).not.toMatch(other.body);
  expect(email.html).toContain(`lang="${locale ?? "en"}"`);
}

async function paidOrder(user: { id: string; email: string }) {
  return prisma.order.create({
    data: {
      shopId: shop.shop.id,
      buyerId: user.id,
      email: user.email,
      status: "PAID",
      paidAt: new Date(),
      currency: "EUR",
      subtotalAmount: 1250,
      totalAmount: 1250,
      items: {
        create: [
          { listingId: shop.listing.id, title: shop.listing.title, unitAmount: 1250, currency: "EUR" },
        ],
      },
    },
  });
}

describe("emails no request causes follow the buyer's User.locale", { timeout: 120_000 }, () => {
  it.each(LOCALES)("refund (locale %s)", async (locale) => {
    const user = await buyer(locale);
    const order = await paidOrder(user);
    await applyStripeRefund(order.id, {
      id: `re_${order.id}`,
      amount: 500,
      currency: "eur",
      status: "succeeded",
    });
    expectLanguage(await lastEmail(user.email, "refund:"), locale, {
      de: { subject: /^Erstattung von .+: 5,00\s€$/, body: /Bisher erstattet: 5,00\s€ von 12,50\s€/ },
      en: { subject: /^Refund from .+: €5\.00$/, body: /Refunded so far: €5\.00 of €12\.50/ },
    });
  });

  it.each(LOCALES)("resent receipt (locale %s)", async (locale) => {
    const user = await buyer(locale);
    const order = await paidOrder(user);
    const sent = await resendReceipt(shop.shop.id, order.id, `click-${order.id}`);
    expect(sent.ok).toBe(true);
    expectLanguage(await lastEmail(user.email, `receipt:order:${order.id}:resend:`), locale, {
      de: { subject: /^Dein Kauf bei /, body: /Bezahlt: 12,50\s€/ },
      en: { subject: /^Your purchase from /, body: /Total paid: €12\.50/ },
    });
  });

  it.each(LOCALES)("gift to an existing account (locale %s)", async (locale) => {
    const user = await buyer(locale);
    const given = await giftListing(shop.shop.id, shop.listing.id, user.email);
    expect(given.ok).toBe(true);
    expectLanguage(await lastEmail(user.email, "gift:"), locale, {
      de: { subject: / hat dir .+ geschenkt$/, body: /Es wartet in deiner Bibliothek/ },
      en: { subject: / gave you /, body: /It is waiting in your library/ },
    });
  });

  it.each(LOCALES)("free claim (locale %s)", async (locale) => {
    const free = await createListingForSale({ priceAmount: 0 });
    await prisma.listing.update({ where: { id: free.listing.id }, data: { pricingMode: "FREE" } });
    const user = await buyer(locale);
    expect((await claimFreeListing(user, free.listing.id)).kind).toBe("claimed");
    expectLanguage(await lastEmail(user.email, "receipt:claim:"), locale, {
      de: { subject: /^Du hast .+ erhalten \(kostenlos\)$/, body: /kostenlos erhalten/ },
      en: { subject: /^You claimed .+ \(free\)$/, body: /for free/ },
    });
  });

  it("listing updated: each buyer in their own language", async () => {
    const seller = await createListingForSale();
    const users = await Promise.all(LOCALES.map(buyer));
    for (const user of users) {
      await prisma.entitlement.create({
        data: {
          userId: user.id,
          listingId: seller.listing.id,
          source: "GIFT",
          grantKey: `locale-${user.id}`,
        },
      });
    }
    await prisma.listingVersion.create({
      data: { listingId: seller.listing.id, number: 2, snapshot: {}, changelog: "New openers" },
    });
    await prisma.listing.update({ where: { id: seller.listing.id }, data: { currentVersion: 2 } });
    const notified = await notifyBuyers(seller.shop.id, seller.listing.id, 2);
    expect(notified).toMatchObject({ ok: true, emailed: 3 });
    for (const [index, user] of users.entries()) {
      const email = await lastEmail(user.email, "listing-updated:");
      expectLanguage(email, LOCALES[index] ?? null, {
        de: { subject: /: Version 2 ist da$/, body: /hat Version 2 von .+ veröffentlicht/ },
        en: { subject: /: version 2 is out$/, body: /published version 2 of/ },
      });
      expect(email.text).toContain("New openers"); // the seller's words are never translated
    }
  });

  it.each(LOCALES)("review reply (locale %s)", async (locale) => {
    const user = await buyer(locale);
    const review = await prisma.review.create({
      data: { listingId: shop.listing.id, userId: user.id, rating: 5, body: "Great openers" },
    });
    expect(await replyToReview(shop.shop.id, review.id, "Thanks a lot!")).toEqual({ ok: true });
    const email = await lastEmail(user.email, "review-reply:");
    expectLanguage(email, locale, {
      de: {
        subject: / hat auf deine Bewertung geantwortet$/,
        body: /hat auf deine Bewertung von .+ geantwortet:/,
      },
      en: { subject: / replied to your review$/, body: /replied to your review of .+:/ },
    });
    expect(email.text).toContain("Thanks a lot!");
  });

  it.each(LOCALES)("every subscription email (locale %s)", async (locale) => {
    const user = await buyer(locale);
    const plan = await prisma.plan.create({
      data: {
        shopId: shop.shop.id,
        name: `Pro ${counter}`,
        prices: { create: [{ amount: 900, currency: "EUR", interval: "MONTH" }] },
      },
      include: { prices: true },
    });
    const trialEnd = new Date("2027-01-02T12:00:00Z");
    const subscription = await prisma.subscription.create({
      data: {
        userId: user.id,
        planId: plan.id,
        planPriceId: plan.prices[0]?.id,
        stripeSubscriptionId: `sub_locale_${user.id}`,
        status: "TRIALING",
        trialEnd,
        grantsAccess: true,
      },
    });
    const invoice = {
      id: `in_row_${user.id}`,
      stripeInvoiceId: `in_locale_${user.id}`,
      subscriptionId: subscription.id,
      number: "INV-1",
      currency: "EUR",
      totalAmount: 900,
      taxAmount: 0,
      amountPaid: 900,
      periodStart: new Date("2027-01-02T00:00:00Z"),
      periodEnd: new Date("2027-02-02T00:00:00Z"),
      hostedInvoiceUrl: null,
      lines: [{ description: "Pro", amount: 900 }],
    };
    await prisma.$transaction(async (tx) => {
      await queueWelcomeEmail(tx, subscription.id, { grants: true, reason: "trialing", endsAt: trialEnd });
      await queueTrialEndingEmail(tx, subscription.id, trialEnd);
      await queueInvoiceReceipt(tx, invoice);
      await queuePaymentFailedEmail(tx, invoice, trialEnd);
      await queuePaymentActionEmail(tx, invoice);
      await queueCancelledEmail(tx, subscription.id, trialEnd);
      await queueAccessEndedEmail(
        tx,
        subscription.id,
        { grants: false, reason: "canceled", endsAt: null },
        trialEnd,
      );
    });
    const day = { de: "2. Januar 2027", en: "2 January 2027" };
    const checks: [string, { de: Expectation; en: Expectation }][] = [
      [
        "subscription-welcome:",
        {
          de: { subject: /^Willkommen bei Pro/, body: new RegExp(`Testzeitraum läuft bis zum ${day.de}`) },
          en: { subject: /^Welcome to Pro/, body: new RegExp(`free trial runs until ${day.en}`) },
        },
      ],
      [
        "subscription-trial-ending:",
        {
          de: { subject: new RegExp(`endet am ${day.de}$`), body: /für 9,00\s€ pro Monat weiter/ },
          en: { subject: new RegExp(`trial ends on ${day.en}$`), body: /continues at €9\.00 per month/ },
        },
      ],
      [
        "subscription-receipt:",
        {
          de: { subject: /^Beleg für Pro .+: 9,00\s€$/, body: /2\. Januar 2027 – 2\. Februar 2027/ },
          en: { subject: /^Receipt for Pro .+: €9\.00$/, body: /2 January 2027 – 2 February 2027/ },
        },
      ],
      [
        "subscription-payment-failed:",
        {
          de: { subject: /ist nicht durchgegangen$/, body: /nicht mit 9,00\s€ für Pro/ },
          en: { subject: /did not go through$/, body: /could not charge your card €9\.00/ },
        },
      ],
      [
        "subscription-payment-action:",
        {
          de: { subject: /^Bitte bestätige deine Zahlung/, body: /Zahlung von 9,00\s€/ },
          en: { subject: /^Please confirm your payment/, body: /payment of €9\.00/ },
        },
      ],
      [
        "subscription-cancelled:",
        {
          de: { subject: /ist gekündigt$/, body: new RegExp(`Zugang bis zum ${day.de}`) },
          en: { subject: /subscription is cancelled$/, body: new RegExp(`access until ${day.en}`) },
        },
      ],
      [
        "subscription-access-ended:",
        {
          de: { subject: /ist beendet$/, body: /dein Abo ist ausgelaufen/ },
          en: { subject: /has ended$/, body: /your subscription ended/ },
        },
      ],
    ];
    for (const [prefix, words] of checks) expectLanguage(await lastEmail(user.email, prefix), locale, words);
  });
});
