import type { Tx } from "~/utils/db.server.ts";

/**
 * `Listing.ratingCount` and `ratingSum` count the listing's visible reviews. Every write that
 * changes what counts (a new review, an edited rating, hiding or unhiding) moves them by the
 * difference inside the same transaction. The increment is one `UPDATE ... SET x = x + n`, which
 * takes the row's lock, so two reviews written at once both count. Cards, the listing page and
 * JSON-LD read the numbers without another query.
 */
export async function adjustRating(tx: Tx, listingId: string, change: { count: number; sum: number }) {
  if (change.count === 0 && change.sum === 0) return;
  await tx.listing.update({
    where: { id: listingId },
    data: { ratingCount: { increment: change.count }, ratingSum: { increment: change.sum } },
  });
}

/** Recounts a listing from its rows (the seed and repair scripts; the kept numbers must match it). */
export async function recountRating(tx: Tx, listingId: string) {
  const visible = await tx.review.aggregate({
    where: { listingId, hiddenAt: null },
    _count: { _all: true },
    _sum: { rating: true },
  });
  await tx.listing.update({
    where: { id: listingId },
    data: { ratingCount: visible._count._all, ratingSum: visible._sum.rating ?? 0 },
  });
}

/** Average with one decimal, or null without ratings: "4.3". */
export function averageRating(listing: { ratingCount: number; ratingSum: number }): number | null {
  if (listing.ratingCount <= 0) return null;
  return Math.round((listing.ratingSum / listing.ratingCount) * 10) / 10;
}
