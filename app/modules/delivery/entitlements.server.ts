import { prisma } from "~/utils/db.server.ts";

/**
 * The one place that decides access. Library pages, downloads and licence checks all ask here.
 * A foreign or revoked entitlement looks exactly like a missing one, so ids reveal nothing.
 */
export async function hasActiveEntitlement(userId: string, listingId: string): Promise<boolean> {
  const count = await prisma.entitlement.count({ where: { userId, listingId, status: "ACTIVE" } });
  return count > 0;
}

export async function findActiveEntitlement(userId: string, entitlementId: string) {
  return prisma.entitlement.findFirst({
    where: { id: entitlementId, userId, status: "ACTIVE" },
    select: { id: true, listingId: true, userId: true },
  });
}

export async function listLibrary(userId: string) {
  return prisma.entitlement.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      source: true,
      createdAt: true,
      revokeReason: true,
      listing: {
        select: { slug: true, title: true, type: true, tagline: true, shop: { select: { name: true } } },
      },
    },
  });
}

/** The full, paid view of one library item: only for its owner, only while access lasts. */
export async function getLibraryItem(userId: string, entitlementId: string) {
  return prisma.entitlement.findFirst({
    where: { id: entitlementId, userId, status: "ACTIVE" },
    select: {
      id: true,
      source: true,
      createdAt: true,
      licenseKey: { select: { key: true, status: true } },
      orderItem: { select: { orderId: true, unitAmount: true, currency: true } },
      listing: {
        select: {
          id: true,
          slug: true,
          title: true,
          type: true,
          aiModels: true,
          shop: { select: { name: true, handle: true } },
          content: { select: { body: true, instructions: true } },
          files: { select: { id: true, fileName: true, sizeBytes: true, contentType: true } },
        },
      },
    },
  });
}
