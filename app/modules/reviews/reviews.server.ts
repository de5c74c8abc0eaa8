import { Prisma } from "~/generated/prisma/client.ts";
import type { PublicImage } from "~/modules/media/image-urls.ts";
import { deleteImage, publicImageSelect, uploadReviewProofImage } from "~/modules/media/images.server.ts";
import { prisma } from "~/utils/db.server.ts";
import type { ReviewInput } from "./forms.ts";
import { adjustRating } from "./ratings.server.ts";

/**
 * Reviews by verified buyers. A buyer may review a listing when they hold an ACTIVE entitlement
 * that came from their own paid order item for that very listing (order PAID or PARTIALLY_REFUNDED).
 * Not enough on its own: a plan membership (they did not buy it), a gift (someone else did), a free
 * claim (nothing was paid), a bundle's item (they bought the bundle: review the bundle), a refunded
 * or disputed purchase (access revoked). One review per buyer and listing (a second purchase of the
 * same listing does not make a second review), which the buyer can edit. ADR 0027.
 */

export type ReviewRefusal = { ok: false; status: 403 | 404 | 409; message: string };
/** The proof image could not be read as an image: said next to the image field. */
export type ProofImageRefusal = { ok: false; status: 400; field: "proofImage"; message: string };

const NOT_A_BUYER = "Only buyers of this listing can review it: reviews here come from verified purchases.";

/** The purchase that lets `userId` review `listingId`, or why not. */
export async function reviewEligibility(
  userId: string,
  listingId: string,
): Promise<{ ok: true; orderItemId: string; shopId: string } | ReviewRefusal> {
  const listing = await prisma.listing.findFirst({
    where: { id: listingId, status: "PUBLISHED", takenDownAt: null },
    select: { shopId: true, shop: { select: { ownerId: true } } },
  });
  if (!listing)
    return { ok: false, status: 404, message: "This listing does not exist or is no longer for sale." };
  if (listing.shop.ownerId === userId)
    return { ok: false, status: 403, message: "You cannot review your own listing." };
  const grants = await prisma.entitlement.findMany({
    where: { userId, listingId },
    orderBy: { createdAt: "desc" },
    select: {
      status: true,
      source: true,
      revokeReason: true,
      orderItemId: true,
      orderItem: { select: { listingId: true, order: { select: { buyerId: true, status: true } } } },
    },
  });
  const paid = grants.find(
    (grant) =>
      grant.status === "ACTIVE" &&
      grant.source === "ORDER_ITEM" &&
      grant.orderItem?.listingId === listingId &&
      grant.orderItem.order.buyerId === userId &&
      (grant.orderItem.order.status === "PAID" || grant.orderItem.order.status === "PARTIALLY_REFUNDED"),
  );
  if (paid?.orderItemId) return { ok: true, orderItemId: paid.orderItemId, shopId: listing.shopId };
  if (grants.some((grant) => grant.source === "ORDER_ITEM" && grant.status === "REVOKED"))
    return {
      ok: false,
      status: 403,
      message: "Your purchase of this listing was refunded or disputed, so it can no longer be reviewed.",
    };
  if (grants.some((grant) => grant.source === "SUBSCRIPTION" && grant.status === "ACTIVE"))
    return {
      ok: false,
      status: 403,
      message: `You have this listing through a plan. ${NOT_A_BUYER}`,
    };
  return { ok: false, status: 403, message: NOT_A_BUYER };
}

const ownReviewSelect = {
  id: true,
  rating: true,
  body: true,
  proofText: true,
  proofImage: { select: { id: true, alt: true, width: true, height: true, widths: true } },
  hiddenAt: true,
  sellerReply: true,
} satisfies Prisma.ReviewSelect;

export function findOwnReview(userId: string, listingId: string) {
  return prisma.review.findUnique({
    where: { listingId_userId: { listingId, userId } },
    select: ownReviewSelect,
  });
}

/**
 * Writes the buyer's review: a new one, or an edit of their own. The listing's kept rating moves by
 * the difference in the same transaction (a hidden review counts for nothing, before and after).
 * A proof image is stored (re-encoded, metadata dropped) before the transaction and attached in it:
 * it is created for this review only, so no one can attach anyone else's image. The image it
 * replaces (or that is removed) is deleted with its bytes after the commit; a new image whose
 * review was not written is deleted too.
 */
export async function saveReview(
  userId: string,
  listingId: string,
  input: ReviewInput,
): Promise<{ ok: true; created: boolean } | ReviewRefusal | ProofImageRefusal> {
  const eligible = await reviewEligibility(userId, listingId);
  if (!eligible.ok) return eligible;
  let newImageId: string | null = null;
  if (input.proofImage) {
    const stored = await uploadReviewProofImage(eligible.shopId, {
      bytes: Buffer.from(await input.proofImage.arrayBuffer()),
      alt: input.proofImageAlt ?? "",
    });
    if (!stored.ok) return { ok: false, status: 400, field: "proofImage", message: stored.message };
    newImageId = stored.image.id;
  }
  const fields = { rating: input.rating, body: input.body, proofText: input.proofText || null };
  let written = false;
  try {
    const saved = await prisma.$transaction(async (tx) => {
      // The review's row lock: an edit and an admin's hide (or two edits) apply one after the other,
      // each moving the kept rating from what the other left.
      await tx.$queryRaw`SELECT id FROM "Review" WHERE "listingId" = ${listingId} AND "userId" = ${userId} FOR UPDATE`;
      const existing = await tx.review.findUnique({
        where: { listingId_userId: { listingId, userId } },
        select: { id: true, rating: true, hiddenAt: true, orderItemId: true, proofImageId: true },
      });
      if (existing) {
        const dropImage = newImageId !== null || input.removeProofImage === true;
        await tx.review.update({
          where: { id: existing.id },
          data: {
            ...fields,
            orderItemId: existing.orderItemId ?? eligible.orderItemId,
            ...(dropImage ? { proofImageId: newImageId } : {}),
          },
        });
        // Only the description changed: the review's own image takes the new alt text.
        if (!dropImage && existing.proofImageId && input.proofImageAlt)
          await tx.image.update({ where: { id: existing.proofImageId }, data: { alt: input.proofImageAlt } });
        if (!existing.hiddenAt)
          await adjustRating(tx, listingId, { count: 0, sum: input.rating - existing.rating });
        return { created: false, dropped: dropImage ? existing.proofImageId : null };
      }
      await tx.review.create({
        data: { ...fields, listingId, userId, orderItemId: eligible.orderItemId, proofImageId: newImageId },
      });
      await adjustRating(tx, listingId, { count: 1, sum: input.rating });
      return { created: true, dropped: null };
    });
    written = true;
    if (saved.dropped) await deleteImage(saved.dropped);
    return { ok: true as const, created: saved.created };
  } catch (error) {
    // Two first reviews sent at once: the unique (listing, user) lets one in.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return {
        ok: false,
        status: 409,
        message: "You have already reviewed this listing: edit your review instead.",
      };
    throw error;
  } finally {
    if (!written && newImageId) await deleteImage(newImageId).catch(() => undefined);
  }
}

export const REVIEWS_PER_PAGE = 10;

const publicReviewSelect = {
  id: true,
  rating: true,
  body: true,
  proofText: true,
  proofImage: { select: publicImageSelect },
  orderItemId: true,
  sellerReply: true,
  sellerRepliedAt: true,
  createdAt: true,
  // A deleted account's reviews stay, signed "Deleted user" (ADR 0026).
  user: { select: { name: true, deletedAt: true } },
} satisfies Prisma.ReviewSelect;

export type PublicReview = {
  id: string;
  rating: number;
  body: string;
  proofText: string | null;
  /** An image made with the prompt, shown with its alt text (null when there is none). */
  proofImage: PublicImage | null;
  author: string;
  verified: boolean;
  sellerReply: string | null;
  sellerRepliedAt: Date | null;
  createdAt: Date;
};

function toPublicReview(
  row: Omit<Prisma.ReviewGetPayload<{ select: typeof publicReviewSelect }>, "orderItemId" | "proofImage"> & {
    orderItemId: string | null;
    proofImage?: PublicImage | null;
  },
): PublicReview {
  return {
    id: row.id,
    rating: row.rating,
    body: row.body,
    proofText: row.proofText,
    proofImage: row.proofImage ?? null,
    author: row.user.deletedAt ? "Deleted user" : (row.user.name ?? "A buyer"),
    verified: row.orderItemId !== null,
    sellerReply: row.sellerReply,
    sellerRepliedAt: row.sellerRepliedAt,
    createdAt: row.createdAt,
  };
}

/** A page of a listing's visible reviews, newest first, and whether there are more. */
export async function listingReviews(listingId: string, page = 1, perPage = REVIEWS_PER_PAGE) {
  const rows = await prisma.review.findMany({
    where: { listingId, hiddenAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * perPage,
    take: perPage + 1,
    select: publicReviewSelect,
  });
  return { reviews: rows.slice(0, perPage).map(toPublicReview), hasMore: rows.length > perPage };
}

/** How many visible reviews gave each number of stars: [5★, 4★, 3★, 2★, 1★]. */
export async function ratingDistribution(listingId: string) {
  const groups = await prisma.review.groupBy({
    by: ["rating"],
    where: { listingId, hiddenAt: null },
    _count: { _all: true },
  });
  return [5, 4, 3, 2, 1].map((stars) => ({
    stars,
    count: groups.find((group) => group.rating === stars)?._count._all ?? 0,
  }));
}

/** A review row as the catalogue selects it, in the shape pages show. */
export function reviewView(row: {
  id: string;
  rating: number;
  body: string;
  proofText: string | null;
  proofImage?: PublicImage | null;
  orderItemId: string | null;
  sellerReply: string | null;
  sellerRepliedAt: Date | null;
  createdAt: Date;
  user: { name: string | null; deletedAt: Date | null };
}): PublicReview {
  return toPublicReview(row);
}
