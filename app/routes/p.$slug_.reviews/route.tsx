import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { useT } from "~/components/i18n.tsx";
import { RatingSummary, ReviewList } from "~/components/reviews-reports/review-list.tsx";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { findReviewsPage } from "~/modules/listings/storefront.server.ts";
import { REVIEWS_PER_PAGE } from "~/modules/reviews/reviews.server.ts";
import { invariantResponse, publicCacheHeaders } from "~/utils/http.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";
import { getSessionUser } from "~/utils/session.server.ts";

const NOT_FOUND = "This listing does not exist or is no longer for sale.";

/** All of a listing's visible reviews, newest first, 10 a page (`?page=2`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  invariantResponse(SLUG_PATTERN.test(slug), NOT_FOUND, { status: 404 });
  const pageParam = new URL(request.url).searchParams.get("page");
  const page = pageParam && /^[1-9][0-9]{0,4}$/.test(pageParam) ? Number(pageParam) : 1;
  // One statement for the page (ADR 33); the session lookup only when someone is signed in.
  const [found, user] = await Promise.all([
    findReviewsPage(slug, page, REVIEWS_PER_PAGE),
    getSessionUser(request),
  ]);
  invariantResponse(found, NOT_FOUND, { status: 404 });
  const { listing, reviews, hasMore, distribution } = found;
  return {
    listing,
    reviews,
    distribution,
    page,
    hasMore,
    signedIn: Boolean(user),
  };
}

export const headers: HeadersFunction = () => ({ ...publicCacheHeaders, Vary: "Cookie" });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return data
    ? [
        { title: t("allReviews.metaTitle", { title: data.listing.title }) },
        ...(data.page > 1 ? [{ name: "robots", content: "noindex" }] : []),
      ]
    : [{ title: t("allReviews.metaTitleBare") }, { name: "robots", content: "noindex" }];
};

export const ErrorBoundary = GeneralErrorBoundary;

export default function AllReviews() {
  const { listing, reviews, distribution, page, hasMore, signedIn } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm">
        <Link to={`/p/${listing.slug}`} className="text-brand-700 underline">
          ← {listing.title}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("allReviews.heading", { title: listing.title })}</h1>
      <RatingSummary
        average={listing.rating.average}
        count={listing.rating.count}
        distribution={distribution}
      />
      {reviews.length === 0 && page > 1 && <p className="text-gray-600">{t("allReviews.noMore")}</p>}
      <ReviewList reviews={reviews} shopName={listing.shopName} canReport={signedIn} />
      <nav aria-label={t("allReviews.pages")} className="flex justify-between text-sm font-semibold">
        {page > 1 ? (
          <Link to={page === 2 ? "?" : `?page=${page - 1}`} className="text-brand-700 underline" rel="prev">
            {t("allReviews.newer")}
          </Link>
        ) : (
          <span />
        )}
        {hasMore && (
          <Link to={`?page=${page + 1}`} className="text-brand-700 underline" rel="next">
            {t("allReviews.older")}
          </Link>
        )}
      </nav>
    </div>
  );
}
