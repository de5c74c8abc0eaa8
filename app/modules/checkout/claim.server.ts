import { createElement } from "react";
import { grantEntitlements, grantKeys } from "~/modules/delivery/grants.server.ts";
import { queueEmail } from "~/modules/email/outbox.server.ts";
import { wordsFor } from "~/modules/email/recipient.server.ts";
import { renderEmail } from "~/modules/email/render.server.ts";
import { ClaimEmail } from "~/modules/email/templates/claim.tsx";
import { NO_ACTIVATION_LIMIT } from "~/modules/licensing/license-keys.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";

export type ClaimResult =
  | { kind: "claimed"; entitlementId: string }
  | { kind: "already-owned"; entitlementId: string | null }
  | { kind: "not-free" }
  | { kind: "not-found" };

/**
 * A free listing is claimed by a signed-in buyer without Checkout: a FREE_CLAIM entitlement (with
 * its licence key, limited like the listing's first tier) and a claim email (not a receipt: nothing
 * was ordered or paid), in one transaction.
 * The grant's key names the buyer and listing, and the email's key the same, so a second press (or
 * two at once) grants and emails once.
 */
export async function claimFreeListing(
  buyer: { id: string; email: string },
  listingId: string,
): Promise<ClaimResult> {
  const listing = await prisma.listing.findFirst({
    where: { id: listingId, status: "PUBLISHED", takenDownAt: null },
    select: {
      id: true,
      title: true,
      pricingMode: true,
      shop: { select: { name: true } },
      tiers: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        take: 1,
        select: { name: true, activationLimit: true },
      },
    },
  });
  if (!listing) return { kind: "not-found" };
  if (listing.pricingMode !== "FREE") return { kind: "not-free" };
  const grantKey = grantKeys.freeClaim(buyer.id, listing.id);
  const owned = await prisma.entitlement.findFirst({
    where: { userId: buyer.id, listingId: listing.id, status: "ACTIVE" },
    select: { id: true, grantKey: true },
  });
  if (owned && owned.grantKey !== grantKey) return { kind: "already-owned", entitlementId: owned.id };

  return prisma.$transaction(async (tx) => {
    const existed = await tx.entitlement.findUnique({ where: { grantKey }, select: { status: true } });
    const [granted] = await grantEntitlements(tx, [
      { userId: buyer.id, listingId: listing.id, source: "FREE_CLAIM", grantKey },
    ]);
    if (!granted) throw new Error(`claim of ${listing.id} by ${buyer.id} granted nothing`);
    if (existed?.status === "ACTIVE") return { kind: "already-owned" as const, entitlementId: granted.id };
    const tier = listing.tiers[0];
    const key = await tx.licenseKey.findUnique({
      where: { entitlementId: granted.id },
      select: { key: true },
    });
    if (tier && key) {
      await tx.licenseKey.update({
        where: { entitlementId: granted.id },
        data: { maxActivations: tier.activationLimit ?? NO_ACTIVATION_LIMIT },
      });
    }
    const { t, language } = await wordsFor(tx, buyer.email);
    const rendered = await renderEmail(
      t("email.claim.subject", { title: listing.title }),
      createElement(ClaimEmail, {
        shopName: listing.shop.name,
        listingTitle: listing.title,
        tierName: tier?.name,
        licenseKey: key?.key,
        libraryUrl: `${env().APP_URL}/library/${granted.id}`,
        language,
      }),
    );
    await queueEmail(tx, { ...rendered, to: buyer.email, idempotencyKey: `receipt:claim:${grantKey}` });
    return { kind: "claimed" as const, entitlementId: granted.id };
  });
}
