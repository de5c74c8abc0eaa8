import { createElement } from "react";
import { Prisma } from "~/generated/prisma/client.ts";
import { languageOfLocale } from "~/modules/accounts/locale.server.ts";
import { queueEmail } from "~/modules/email/outbox.server.ts";
import { emailWords } from "~/modules/email/recipient.server.ts";
import { renderEmail } from "~/modules/email/render.server.ts";
import { ReviewReplyEmail } from "~/modules/email/templates/review-reply.tsx";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { adjustRating } from "./ratings.server.ts";
import type { ReviewRefusal } from "./reviews.server.ts";

/**
 * What happens to a review after it is written: the seller answers it once (no edits: the buyer
 * was emailed that answer, and a reply that changes afterwards would mislead), signed-in visitors
 * report it once each, and an admin hides or shows it again. Hiding moves the listing's rating.
 */

const MISSING_REVIEW: ReviewRefusal = { ok: false, status: 404, message: "This review does not exist." };

/** The shop's reviews, newest first, for the seller's reply page (hidden ones marked, not shown publicly). */
export function listShopReviews(shopId: string, take = 100) {
  return prisma.review.findMany({
    where: { listing: { shopId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      rating: true,
      body: true,
      proofText: true,
      sellerReply: true,
      sellerRepliedAt: true,
      hiddenAt: true,
      createdAt: true,
      listing: { select: { title: true, slug: true } },
      user: { select: { name: true, deletedAt: true } },
    },
  });
}

export async function replyToReview(
  shopId: string,
  reviewId: string,
  reply: string,
): Promise<{ ok: true } | ReviewRefusal> {
  const review = await prisma.review.findFirst({
    where: { id: reviewId, listing: { shopId } },
    select: {
      id: true,
      sellerReply: true,
      listing: { select: { title: true, slug: true, shop: { select: { name: true } } } },
      user: { select: { email: true, locale: true } },
    },
  });
  if (!review) return MISSING_REVIEW;
  if (review.sellerReply !== null)
    return {
      ok: false,
      status: 409,
      message: "You have already replied to this review: a reply is given once.",
    };
  // In the reviewer's language (User.locale); the seller's reply itself is never translated.
  const { t, language } = emailWords(languageOfLocale(review.user.locale));
  const rendered = await renderEmail(
    t("email.reply.subject", { shop: review.listing.shop.name }),
    createElement(ReviewReplyEmail, {
      shopName: review.listing.shop.name,
      listingTitle: review.listing.title,
      reply,
      listingUrl: `${env().APP_URL}/p/${review.listing.slug}#reviews`,
      language,
    }),
  );
  return prisma.$transaction(async (tx) => {
    // Only a review without a reply takes one: two replies sent at once write once.
    const written = await tx.review.updateMany({
      where: { id: review.id, sellerReply: null },
      data: { sellerReply: reply, sellerRepliedAt: new Date() },
    });
    if (written.count === 0)
      return {
        ok: false as const,
        status: 409 as const,
        message: "You have already replied to this review.",
      };
    await queueEmail(tx, { ...rendered, to: review.user.email, idempotencyKey: `review-reply:${review.id}` });
    return { ok: true as const };
  });
}

/** "Report" under a review: signed-in visitors, once per review, never their own. */
export async function reportReview(
  reporterId: string,
  reviewId: string,
  reason: string,
): Promise<{ ok: true } | ReviewRefusal> {
  const review = await prisma.review.findFirst({
    where: { id: reviewId, hiddenAt: null, listing: { status: "PUBLISHED", takenDownAt: null } },
    select: { id: true, userId: true },
  });
  if (!review) return MISSING_REVIEW;
  if (review.userId === reporterId)
    return { ok: false, status: 409, message: "You cannot report your own review." };
  try {
    await prisma.reviewReport.create({ data: { reviewId, reporterId, reason } });
    return { ok: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, status: 409, message: "You have already reported this review. Thank you." };
    throw error;
  }
}

/** The public view of one review for the report page (visible reviews of public listings only). */
export function findReportableReview(reviewId: string) {
  return prisma.review.findFirst({
    where: { id: reviewId, hiddenAt: null, listing: { status: "PUBLISHED", takenDownAt: null } },
    select: {
      id: true,
      rating: true,
      body: true,
      listing: { select: { title: true, slug: true } },
      user: { select: { name: true, deletedAt: true } },
    },
  });
}

/** Reviews with reports, the most recently reported first, for the admin. */
export async function listReportedReviews(take = 100) {
  const rows = await prisma.review.findMany({
    where: { reports: { some: {} } },
    select: {
      id: true,
      rating: true,
      body: true,
      proofText: true,
      hiddenAt: true,
      createdAt: true,
      listing: { select: { title: true, slug: true } },
      user: { select: { email: true } },
      reports: {
        orderBy: { createdAt: "desc" },
        select: { id: true, reason: true, createdAt: true, reporter: { select: { email: true } } },
      },
    },
    take: 500,
  });
  return rows
    .sort((a, b) => (b.reports[0]?.createdAt.getTime() ?? 0) - (a.reports[0]?.createdAt.getTime() ?? 0))
    .slice(0, take);
}

/** Hides or shows a review again; the listing's rating counts only visible reviews. */
export async function setReviewHidden(
  reviewId: string,
  hidden: boolean,
): Promise<{ ok: true } | ReviewRefusal> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Review" WHERE id = ${reviewId} FOR UPDATE`;
    const review = await tx.review.findUnique({
      where: { id: reviewId },
      select: { id: true, listingId: true, rating: true },
    });
    if (!review) return MISSING_REVIEW;
    // Conditional on the current state: hiding twice (two admins, a double click) counts once.
    const changed = await tx.review.updateMany({
      where: { id: review.id, hiddenAt: hidden ? null : { not: null } },
      data: { hiddenAt: hidden ? new Date() : null },
    });
    if (changed.count > 0)
      await adjustRating(
        tx,
        review.listingId,
        hidden ? { count: -1, sum: -review.rating } : { count: 1, sum: review.rating },
      );
    return { ok: true as const };
  });
}
