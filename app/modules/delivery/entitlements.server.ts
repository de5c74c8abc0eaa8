import { prisma } from "~/utils/db.server.ts";
import { isUpdated } from "./library-changes.server.ts";

/**
 * The one place that decides access. Library pages, downloads, listing pages and licence checks
 * all ask here. Access is an ACTIVE entitlement, whatever its source: purchases, bundles and
 * subscriptions (whose entitlements the grants module keeps in step with the subscription's state,
 * so asking never needs Stripe). A foreign or revoked entitlement looks exactly like a missing one,
 * so ids reveal nothing.
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

/** Which entitlement the library shows when several give the same listing: owning beats a plan. */
const sourceRank = { ORDER_ITEM: 0, BUNDLE: 1, GIFT: 2, FREE_CLAIM: 3, SUBSCRIPTION: 4 } as const;

/** The longest search the library takes; longer ones are cut. */
export const MAX_LIBRARY_QUERY = 100;

/**
 * The user's library: one entry per listing, the active entitlement where there is one (a purchase
 * before a plan's, so a bundle and an item it contains make one entry), otherwise the latest ended
 * one with its reason. Plan grants name their plan. `query` keeps the listings whose title, tagline
 * or shop name contains it (any case). `updated`: the listing has a version the buyer has not
 * marked as seen.
 */
export async function listLibrary(userId: string, query = "") {
  const search = query.trim().slice(0, MAX_LIBRARY_QUERY);
  const contains = { contains: search, mode: "insensitive" as const };
  const entitlements = await prisma.entitlement.findMany({
    where: {
      userId,
      ...(search && {
        listing: { OR: [{ title: contains }, { tagline: contains }, { shop: { name: contains } }] },
      }),
    },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      source: true,
      createdAt: true,
      revokeReason: true,
      listingId: true,
      seenVersion: true,
      subscription: { select: { plan: { select: { name: true } } } },
      listing: {
        select: {
          slug: true,
          title: true,
          type: true,
          tagline: true,
          currentVersion: true,
          shop: { select: { name: true, handle: true } },
        },
      },
    },
  });
  const shown = new Map<string, (typeof entitlements)[number]>();
  for (const entitlement of entitlements) {
    const current = shown.get(entitlement.listingId);
    const better =
      !current ||
      (entitlement.status === "ACTIVE" && current.status !== "ACTIVE") ||
      (entitlement.status === current.status &&
        entitlement.status === "ACTIVE" &&
        sourceRank[entitlement.source] < sourceRank[current.source]);
    if (better) shown.set(entitlement.listingId, entitlement);
  }
  return entitlements
    .filter((entitlement) => shown.get(entitlement.listingId) === entitlement)
    .map(({ subscription, seenVersion, ...entitlement }) => ({
      ...entitlement,
      planName: subscription?.plan.name ?? null,
      updated: entitlement.status === "ACTIVE" && isUpdated(seenVersion, entitlement.listing.currentVersion),
    }));
}

export type LibraryEntry = Awaited<ReturnType<typeof listLibrary>>[number];

/**
 * The library as the page shows it: active entries grouped by shop (shops and titles in alphabetical
 * order), and the ended ones apart, each with its reason.
 */
export function groupLibrary(entries: LibraryEntry[]) {
  const byTitle = (a: LibraryEntry, b: LibraryEntry) => a.listing.title.localeCompare(b.listing.title);
  const shops = new Map<string, { handle: string; name: string; items: LibraryEntry[] }>();
  for (const entry of entries.filter((item) => item.status === "ACTIVE")) {
    const { handle, name } = entry.listing.shop;
    const group = shops.get(handle) ?? { handle, name, items: [] };
    group.items.push(entry);
    shops.set(handle, group);
  }
  return {
    shops: [...shops.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((group) => ({ ...group, items: group.items.sort(byTitle) })),
    ended: entries.filter((item) => item.status !== "ACTIVE").sort(byTitle),
  };
}

/** The full, paid view of one library item: only for its owner, only while access lasts. */
export async function getLibraryItem(userId: string, entitlementId: string) {
  return prisma.entitlement.findFirst({
    where: { id: entitlementId, userId, status: "ACTIVE" },
    select: {
      id: true,
      source: true,
      createdAt: true,
      seenVersion: true,
      subscription: { select: { plan: { select: { name: true } } } },
      orderItem: { select: { orderId: true, unitAmount: true, currency: true } },
      listing: {
        select: {
          id: true,
          slug: true,
          title: true,
          type: true,
          aiModels: true,
          currentVersion: true,
          shop: { select: { name: true, handle: true } },
          content: { select: { body: true, instructions: true } },
        },
      },
    },
  });
}
