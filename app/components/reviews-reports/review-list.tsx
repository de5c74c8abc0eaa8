import { Link } from "@remix-run/react";
import { useFormat, useLocalize, useT } from "~/components/i18n.tsx";
import { ResponsiveImage } from "~/components/media/responsive-image.tsx";
import { imageVariantUrl, type PublicImage } from "~/modules/media/image-urls.ts";

/** A review as pages show it (the listing page's first few and the "all reviews" page). */
export type ReviewView = {
  id: string;
  rating: number;
  body: string;
  proofText: string | null;
  proofImage?: PublicImage | null;
  author: string;
  verified: boolean;
  sellerReply: string | null;
  sellerRepliedAt: Date | string | null;
  createdAt: Date | string;
};

/** Stars as text with a spoken label: "4 out of 5 stars". */
export function Stars({ rating, className = "" }: { rating: number; className?: string }) {
  const t = useT();
  return (
    <span role="img" aria-label={t("reviews.stars", { rating })} className={`text-amber-700 ${className}`}>
      {"★".repeat(rating)}
      <span className="text-gray-500">{"☆".repeat(5 - rating)}</span>
    </span>
  );
}

/** The aggregate: average with one decimal, the count, and one bar per number of stars. */
export function RatingSummary({
  average,
  count,
  distribution,
}: {
  average: number | null;
  count: number;
  distribution: { stars: number; count: number }[];
}) {
  const t = useT();
  const format = useFormat();
  if (count === 0 || average === null) return <p className="mt-2 text-gray-600">{t("reviews.none")}</p>;
  return (
    <div className="mt-3 grid gap-4 sm:grid-cols-[auto_1fr] sm:items-center" data-testid="rating-summary">
      <div>
        <p className="text-4xl font-extrabold">{format.decimal(average)}</p>
        <Stars rating={Math.round(average)} />
        <p className="text-sm text-gray-600">
          {count === 1 ? t("reviews.count.one") : t("reviews.count.other", { count })}
        </p>
      </div>
      <ul className="space-y-1" aria-label={t("reviews.byStars")}>
        {distribution.map(({ stars, count: withStars }) => {
          const share = Math.round((withStars / count) * 100);
          return (
            <li key={stars} className="flex items-center gap-2 text-sm">
              <span className="w-12 shrink-0 text-gray-700">{t("reviews.starRow", { stars })}</span>
              {/* SVG attributes, not a style attribute: the CSP allows no inline styles. */}
              <svg
                viewBox="0 0 100 8"
                preserveAspectRatio="none"
                className="h-2 flex-1 overflow-hidden rounded-full"
                aria-hidden="true"
              >
                <rect width="100" height="8" className="fill-gray-200" />
                <rect width={share} height="8" className="fill-amber-500" />
              </svg>
              <span className="w-16 shrink-0 text-right text-gray-700">
                {withStars} <span className="sr-only">{t("reviews.withStars", { stars })}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function ReviewList({
  reviews,
  shopName,
  canReport,
}: {
  reviews: ReviewView[];
  shopName: string;
  /** Signed-in visitors see "Report" under each review (their own excepted by the report page). */
  canReport: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const localize = useLocalize();
  return (
    <ul className="mt-4 space-y-3">
      {reviews.map((review) => (
        <li key={review.id} className="rounded-lg bg-white p-4 ring-1 ring-gray-200" data-testid="review">
          <p className="flex flex-wrap items-center gap-x-2 text-sm font-semibold">
            <Stars rating={review.rating} />
            <span>{localize(review.author)}</span>
            {review.verified && (
              <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-800 ring-1 ring-emerald-200">
                {t("reviews.verified")}
              </span>
            )}
            <span className="font-normal text-gray-600">{format.day(review.createdAt)}</span>
          </p>
          <p className="mt-2 whitespace-pre-line text-sm text-gray-800">{review.body}</p>
          {review.proofText && (
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer font-medium text-brand-700">{t("reviews.proof")}</summary>
              <p className="mt-1 whitespace-pre-line rounded bg-gray-50 p-3 font-mono text-xs text-gray-800">
                {review.proofText}
              </p>
            </details>
          )}
          {review.proofImage && <ProofImage image={review.proofImage} />}
          {review.sellerReply && (
            <div className="mt-3 border-l-4 border-brand-100 pl-3 text-sm">
              <p className="font-semibold text-gray-800">{t("reviews.replyFrom", { shop: shopName })}</p>
              <p className="mt-1 whitespace-pre-line text-gray-700">{review.sellerReply}</p>
            </div>
          )}
          {canReport && (
            <p className="mt-2 text-right text-xs">
              <Link to={`/reviews/${review.id}/report`} className="text-gray-600 underline">
                {t("reviews.report")}
                <span className="sr-only">{t("reviews.reportWho", { author: localize(review.author) })}</span>
              </Link>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The reviewer's proof image, with the alt text they wrote; a link opens the largest variant. */
function ProofImage({ image }: { image: PublicImage }) {
  const t = useT();
  const largest = Math.max(...image.widths);
  return (
    <figure className="mt-2" data-testid="review-proof-image">
      <a href={imageVariantUrl(image.id, largest)} className="inline-block">
        <ResponsiveImage
          image={image}
          sizes="(min-width: 640px) 320px, 100vw"
          className="max-h-64 w-auto rounded ring-1 ring-gray-200"
        />
      </a>
      <figcaption className="mt-1 text-xs text-gray-600">{t("reviews.proofImage")}</figcaption>
    </figure>
  );
}
