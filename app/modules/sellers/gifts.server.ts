import { createElement } from "react";
import { languageOfLocale } from "~/modules/accounts/locale.server.ts";
import { createSignInLink } from "~/modules/accounts/magic-link.server.ts";
import { grantEntitlements, grantKeys } from "~/modules/delivery/grants.server.ts";
import { queueEmail } from "~/modules/email/outbox.server.ts";
import { emailWords } from "~/modules/email/recipient.server.ts";
import { renderEmail } from "~/modules/email/render.server.ts";
import { GiftEmail } from "~/modules/email/templates/gift.tsx";
import type { Language } from "~/modules/i18n/viewer.ts";
import { prisma } from "~/utils/db.server.ts";

/** Gifts send email to any address the seller types: a shop gives at most this many an hour. */
export const GIFTS_PER_HOUR = 20;
/** How long the gift email's sign-in link works (a gift may sit in an inbox for a while). */
export const GIFT_LINK_DAYS = 3;
const HOUR_MS = 60 * 60 * 1000;

export type GiftResult =
  | { ok: true; email: string; listingTitle: string; alreadyGifted: boolean }
  | { ok: false; refusal: "not-found" | "not-published" | "already-has-access"; message: string }
  | { ok: false; refusal: "rate-limited"; message: string; retryAfterSeconds: number };

/**
 * Gives a listing of the shop to an email address: the account is created if there is none, the
 * entitlement is a GIFT grant (licence key included) whose key names the listing and the recipient,
 * and the email carries a sign-in link to the library. Giving the same listing to the same address
 * again changes nothing and sends nothing.
 *
 * Nobody has chosen a language for an address with no account, so the account the gift creates
 * starts in the giver's (`giverLanguage`) and the email is written in it; an existing account keeps
 * its own (`User.locale`, null = English). Without `giverLanguage` a new account reads English.
 */
export async function giftListing(
  shopId: string,
  listingId: string,
  email: string,
  giverLanguage?: Language,
): Promise<GiftResult> {
  const listing = await prisma.listing.findFirst({
    where: { id: listingId, shopId },
    select: { id: true, title: true, status: true, shop: { select: { name: true } } },
  });
  if (!listing)
    return { ok: false, refusal: "not-found", message: "That listing does not exist in your shop." };
  if (listing.status !== "PUBLISHED") {
    return { ok: false, refusal: "not-published", message: "Publish this listing before giving it away." };
  }
  const given = { ok: true as const, email, listingTitle: listing.title };
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    const grantKey = grantKeys.gift(existing.id, listing.id);
    if (await prisma.entitlement.findUnique({ where: { grantKey }, select: { id: true } })) {
      return { ...given, alreadyGifted: true };
    }
    const owned = await prisma.entitlement.count({
      where: { userId: existing.id, listingId: listing.id, status: "ACTIVE" },
    });
    if (owned > 0) {
      return { ok: false, refusal: "already-has-access", message: `${email} already has this listing.` };
    }
  }
  // Counted before anything is written: a refused gift creates no account.
  const recent = await prisma.entitlement.findMany({
    where: { source: "GIFT", listing: { shopId }, createdAt: { gt: new Date(Date.now() - HOUR_MS) } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  const oldest = recent[0];
  if (recent.length >= GIFTS_PER_HOUR && oldest) {
    return {
      ok: false,
      refusal: "rate-limited",
      message: "Too many gifts",
      retryAfterSeconds: Math.max(1, Math.ceil((oldest.createdAt.getTime() + HOUR_MS - Date.now()) / 1000)),
    };
  }
  const recipient = await prisma.user.upsert({
    where: { email },
    update: {},
    create: { email, locale: giverLanguage ?? null },
    select: { id: true, locale: true },
  });
  const grantKey = grantKeys.gift(recipient.id, listing.id);
  // A token row is made before the transaction; if a concurrent gift wins, it simply goes unused.
  const signInUrl = await createSignInLink(email, "/library", GIFT_LINK_DAYS * 24 * 60);
  // In the recipient's language: their own, or for the account just created the giver's.
  const { t, language } = emailWords(languageOfLocale(recipient.locale));
  const rendered = await renderEmail(
    t("email.gift.subject", { shop: listing.shop.name, title: listing.title }),
    createElement(GiftEmail, {
      shopName: listing.shop.name,
      listingTitle: listing.title,
      signInUrl,
      days: GIFT_LINK_DAYS,
      language,
    }),
  );
  await prisma.$transaction(async (tx) => {
    await grantEntitlements(tx, [{ userId: recipient.id, listingId: listing.id, source: "GIFT", grantKey }]);
    // Keyed like the grant: a race of two identical gifts sends one email.
    await queueEmail(tx, { ...rendered, to: email, idempotencyKey: `gift:${grantKey}` });
  });
  return { ...given, alreadyGifted: false };
}
