// Shared by the library tests: listings of every type with paid parts that must never show on a
// public page, purchases that go through the real grants (order items and bundles), and the
// library's routes called as the browser would.
import type { ListingType } from "~/generated/prisma/enums.ts";
import { grantOrderEntitlements } from "~/modules/delivery/grants/orders.server.ts";
import { prisma } from "~/utils/db.server.ts";

let counter = 0;
export const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** What a listing of this type hides from visitors, each a string a page must never contain. */
export function paidParts(type: ListingType, id: string) {
  return {
    body:
      type === "PROMPT"
        ? `PAID BODY ${id}: Write a {{kind:enum(poem,story)}} about {{topic}}.\nKeep it short.\nSign it.\nThanks.`
        : `PAID BODY ${id}: what the ${type.toLowerCase()} delivers.`,
    instructions: `PAID INSTRUCTIONS ${id}`,
    modelNotes: `PAID MODEL NOTES ${id}`,
    templateUrl: type === "TEMPLATE" ? `https://www.notion.so/paid-template-${id}` : null,
    guide: `PAID GUIDE ${id}`,
  };
}

/** A published listing of the shop, with paid content (and a file whose storage key is secret). */
export async function publishedListing(
  shopId: string,
  options: { type?: ListingType; title?: string; tagline?: string } = {},
) {
  const id = unique();
  const type = options.type ?? "PROMPT";
  const paid = paidParts(type, id);
  const listing = await prisma.listing.create({
    data: {
      shopId,
      slug: `${type.toLowerCase()}-${id}`,
      type,
      status: "PUBLISHED",
      publishedAt: new Date(),
      title: options.title ?? `${type} listing ${id}`,
      tagline: options.tagline ?? "A tagline",
      description: "Public description.",
      teaser: "Public teaser…",
      aiModels: ["ChatGPT"],
      category: "Writing",
      priceAmount: 900,
      currency: "EUR",
      agentPlatform: type === "AGENT" ? "N8N" : null,
      content: { create: paid },
      files: {
        create: {
          fileName: `paid-${id}.md`,
          contentType: "text/markdown",
          storageKey: `listings/secret-key-${id}/paid.md`,
          sizeBytes: 10,
          sha256: "0".repeat(64),
        },
      },
    },
  });
  return { listing, paid };
}

/** A paid order of the buyer for these listings, granted by the real grants (bundles included). */
export async function purchase(buyerId: string, shopId: string, listingIds: string[]) {
  const order = await prisma.order.create({
    data: {
      shopId,
      buyerId,
      email: `buyer-${unique()}@example.com`,
      status: "PAID",
      currency: "EUR",
      subtotalAmount: 900 * listingIds.length,
      totalAmount: 900 * listingIds.length,
      items: {
        create: listingIds.map((listingId) => ({
          listingId,
          title: "As sold",
          unitAmount: 900,
          currency: "EUR",
        })),
      },
    },
    include: { items: true },
  });
  await prisma.$transaction((tx) =>
    grantOrderEntitlements(tx, {
      buyerId,
      items: order.items.map((item) => ({ id: item.id, listingId: item.listingId })),
    }),
  );
  const entitlements = await prisma.entitlement.findMany({
    where: { orderItem: { orderId: order.id } },
    select: { id: true, listingId: true, source: true, seenVersion: true },
  });
  return { order, entitlements };
}
