import { Link, useSearchParams } from "@remix-run/react";
import { useT } from "~/components/i18n.tsx";
import { RatingSummary, ReviewList, type ReviewView } from "~/components/reviews-reports/review-list.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";

/**
 * Reviews on the listing page: the aggregate (average, count, a bar per number of stars), the
 * newest reviews with their "Verified purchase" badge and the seller's reply, a link to all of
 * them, and for a buyer who owns the listing the way to write (or edit) theirs.
 */
export function ReviewsSection({
  slug,
  shopName,
  rating,
  reviews,
  signedIn,
  canReview,
}: {
  slug: string;
  shopName: string;
  rating: { average: number | null; count: number };
  reviews: { shown: ReviewView[]; distribution: { stars: number; count: number }[]; hasOwnReview: boolean };
  signedIn: boolean;
  canReview: boolean;
}) {
  const posted = useSearchParams()[0].get("review");
  const t = useT();
  return (
    <section id="reviews" aria-labelledby="reviews-heading" className="scroll-mt-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="reviews-heading" className="text-xl font-bold">
          {t("reviews.heading")}
        </h2>
        {(canReview || reviews.hasOwnReview) && (
          <Link to={`/p/${slug}/review`} className={buttonClass("secondary")}>
            {t(reviews.hasOwnReview ? "reviews.edit" : "reviews.write")}
          </Link>
        )}
      </div>
      {(posted === "posted" || posted === "updated") && (
        <div className="mt-3">
          <Notice tone="success">{t(posted === "posted" ? "reviews.posted" : "reviews.updated")}</Notice>
        </div>
      )}
      <RatingSummary average={rating.average} count={rating.count} distribution={reviews.distribution} />
      {reviews.shown.length > 0 && (
        <ReviewList reviews={reviews.shown} shopName={shopName} canReport={signedIn} />
      )}
      {rating.count > reviews.shown.length && (
        <p className="mt-3">
          <Link to={`/p/${slug}/reviews`} className="font-semibold text-brand-700 underline">
            {t("reviews.all", { count: rating.count })}
          </Link>
        </p>
      )}
      <p className="mt-3 text-xs text-gray-600">{t("reviews.rule")}</p>
    </section>
  );
}
