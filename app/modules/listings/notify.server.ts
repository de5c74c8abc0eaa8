import { createElement } from "react";
import { languageOfLocale } from "~/modules/accounts/locale.server.ts";
import { queueEmail } from "~/modules/email/outbox.server.ts";
import { emailWords } from "~/modules/email/recipient.server.ts";
import { renderEmail } from "~/modules/email/render.server.ts";
import { ListingUpdatedEmail } from "~/modules/email/templates/listing-updated.tsx";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { unsubscribeUrl } from "./unsubscribe.server.ts";

/**
 * "Notify buyers" of a version: one email per buyer with access (purchases, bundles, plans, gifts),
 * except those who unsubscribed from the shop's version emails and the seller. The emails go to the
 * outbox in one transaction with the version's `notifiedAt`, each delivered by its own job; the key
 * per version and buyer means a second press (or a retry) emails nobody twice.
 */

export type NotifyResult =
  | { ok: true; emailed: number }
  | { ok: false; refusal: "not-found" | "not-current" | "already-notified" | "not-published" };

export async function notifyBuyers(
  shopId: string,
  listingId: string,
  versionNumber: number,
): Promise<NotifyResult> {
  const listing = await prisma.listing.findFirst({
    where: { id: listingId, shopId },
    select: {
      id: true,
      title: true,
      status: true,
      currentVersion: true,
      shop: { select: { name: true, ownerId: true } },
    },
  });
  if (!listing) return { ok: false, refusal: "not-found" };
  const version = await prisma.listingVersion.findUnique({
    where: { listingId_number: { listingId, number: versionNumber } },
    select: { id: true, number: true, changelog: true, notifiedAt: true },
  });
  if (!version) return { ok: false, refusal: "not-found" };
  if (listing.status !== "PUBLISHED") return { ok: false, refusal: "not-published" };
  if (version.number !== listing.currentVersion) return { ok: false, refusal: "not-current" };
  if (version.notifiedAt) return { ok: false, refusal: "already-notified" };

  const buyers = await prisma.user.findMany({
    where: {
      id: { not: listing.shop.ownerId },
      entitlements: { some: { listingId, status: "ACTIVE" } },
      unsubscribes: { none: { shopId } },
    },
    select: { id: true, email: true, locale: true },
    orderBy: { id: "asc" },
  });
  const libraryUrl = `${env().APP_URL}/library`;
  // Rendered before the transaction: it holds no lock while React renders emails.
  // Each in its buyer's language (User.locale); the seller's changelog is never translated.
  const emails = await Promise.all(
    buyers.map(async (buyer) => {
      const { t, language } = emailWords(languageOfLocale(buyer.locale));
      return {
        to: buyer.email,
        idempotencyKey: `listing-updated:${version.id}:${buyer.id}`,
        ...(await renderEmail(
          t("email.updated.subject", { title: listing.title, version: version.number }),
          createElement(ListingUpdatedEmail, {
            listingTitle: listing.title,
            shopName: listing.shop.name,
            version: version.number,
            changelog: version.changelog,
            libraryUrl,
            unsubscribeUrl: unsubscribeUrl(shopId, buyer.id),
            language,
          }),
        )),
      };
    }),
  );
  const queued = await prisma.$transaction(async (tx) => {
    // Conditional: of two presses at once, one sends.
    const claimed = await tx.listingVersion.updateMany({
      where: { id: version.id, notifiedAt: null },
      data: { notifiedAt: new Date() },
    });
    if (claimed.count === 0) return null;
    for (const email of emails) await queueEmail(tx, email);
    return emails.length;
  });
  if (queued === null) return { ok: false, refusal: "already-notified" };
  return { ok: true, emailed: queued };
}
