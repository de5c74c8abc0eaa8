import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { isRouteErrorResponse, Link, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { BuyBox } from "~/components/buy-box.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { useFormat, useT } from "~/components/i18n.tsx";
import { Markdown } from "~/components/markdown.tsx";
import { ResponsiveImage } from "~/components/media/responsive-image.tsx";
import type { ReviewView } from "~/components/reviews-reports/review-list.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { resolveViewer } from "~/modules/i18n/viewer.server.ts";
import { findListingPage, type ListingPageListing } from "~/modules/listings/storefront.server.ts";
import { isTakenDown } from "~/modules/reports/listing-reports.server.ts";
import { env } from "~/utils/env.server.ts";
import { invariantResponse, publicCacheHeaders } from "~/utils/http.ts";
import { toDecimalString } from "~/utils/money.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";
import { getSessionUser } from "~/utils/session.server.ts";
import { ExamplesGallery as ServerExamplesGallery } from "./examples-gallery.tsx";
import { hydrateWhenVisible } from "./hydrate-when-visible.tsx";
import { listingSocialMeta } from "./listing-social-meta.ts";
import { ReviewsSection as ServerReviewsSection } from "./reviews-section.tsx";
import { BUY_FORM_ID, StickyBuyBar } from "./sticky-buy-bar.tsx";
import { TakenDownNotice } from "./taken-down-notice.tsx";

// Below the fold: their code loads when they come near the screen (ADR 36).
const ExamplesGallery = hydrateWhenVisible(
  "examples",
  import.meta.env.SSR ? ServerExamplesGallery : undefined,
  () => import("./examples-gallery.tsx").then((module) => module.ExamplesGallery),
);
const ReviewsSection = hydrateWhenVisible(
  "reviews",
  import.meta.env.SSR ? ServerReviewsSection : undefined,
  () => import("./reviews-section.tsx").then((module) => module.ReviewsSection),
);

const NOT_FOUND = "This listing does not exist or is no longer for sale.";
const TAKEN_DOWN =
  "This listing was taken down after a report and is no longer available. If you bought it, it is still in your library.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  invariantResponse(SLUG_PATTERN.test(slug), NOT_FOUND, { status: 404 });
  const user = await getSessionUser(request);
  // One statement (ADR 33): the listing, its buy box, plans, first reviews and what the viewer owns.
  const found = await findListingPage(slug, user, {
    // The viewer's currency: ?currency=, else the switcher's cookie, else the browser's locale.
    chosenCurrency: resolveViewer(request).currency,
    acceptLanguage: request.headers.get("Accept-Language"),
  });
  // An address the listing had before: permanently moved, so links and search engines follow.
  if (found.kind === "moved") throw redirect(`/p/${found.slug}${new URL(request.url).search}`, 301);
  if (found.kind === "missing" && (await isTakenDown(slug))) throw new Response(TAKEN_DOWN, { status: 410 });
  invariantResponse(found.kind === "found", NOT_FOUND, { status: 404 });
  const { listing, ...page } = found.page;
  const canonicalUrl = `${env().APP_URL}/p/${listing.slug}`;
  return { listing, ...page, signedIn: Boolean(user), canonicalUrl };
}

// Public for signed-out visitors; the HTTP server makes every signed-in response private. The buy
// box's currency follows the buyer's language, so caches keep one copy per Accept-Language.
export const headers: HeadersFunction = () => ({ ...publicCacheHeaders, Vary: "Cookie, Accept-Language" });

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 410)
    return <TakenDownNotice message={String(error.data)} />;
  return <GeneralErrorBoundary />;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return data
    ? [
        {
          title: t("listing.metaTitle", {
            title: data.listing.title,
            type: t(`type.${data.listing.type}`),
            shop: data.listing.shop.name,
          }),
        },
        { name: "description", content: data.listing.tagline },
        ...listingSocialMeta(data),
        { "script:ld+json": productJsonLd(data) },
      ]
    : [{ title: t("listing.notFoundTitle") }, { name: "robots", content: "noindex" }];
};

// Rich results: price and rating in the shape search engines read.
function productJsonLd({
  listing,
  canonicalUrl,
  reviews,
}: {
  listing: ListingData;
  canonicalUrl: string;
  reviews: { shown: ReviewView[] };
}) {
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: listing.title,
    description: listing.tagline,
    url: canonicalUrl,
    category: listing.category,
    brand: { "@type": "Brand", name: listing.shop.name },
    offers: {
      "@type": "Offer",
      price: toDecimalString({ amount: listing.priceAmount, currency: listing.currency }),
      priceCurrency: listing.currency,
      availability: "https://schema.org/InStock",
    },
    ...(listing.rating.count > 0 && {
      aggregateRating: {
        "@type": "AggregateRating",
        ratingValue: listing.rating.average,
        reviewCount: listing.rating.count,
        bestRating: 5,
        worstRating: 1,
      },
      review: reviews.shown.slice(0, 3).map((review) => ({
        "@type": "Review",
        author: { "@type": "Person", name: review.author },
        datePublished: new Date(review.createdAt).toISOString().slice(0, 10),
        reviewBody: review.body,
        reviewRating: { "@type": "Rating", ratingValue: review.rating, bestRating: 5, worstRating: 1 },
      })),
    }),
  };
}

type ListingData = ListingPageListing;

export default function ListingPage() {
  const {
    listing,
    plans,
    signedIn,
    owned,
    descriptionHtml,
    aiGenerated,
    isOwnListing,
    ownedBundleItemSlugs,
    cover,
    exampleImages,
    offer,
    reviews,
  } = useLoaderData<typeof loader>();
  const ownedItems = new Set(ownedBundleItemSlugs);
  const [searchParams] = useSearchParams();
  const t = useT();
  const format = useFormat();
  const price = format.money({ amount: listing.priceAmount, currency: listing.currency });
  return (
    // `data-words="core"`: every word on this page is a core word, so the browser hydrates it
    // without the rest of the dictionary (entry.client.tsx, ADR 36). Its error pages do not say so.
    <article data-words="core" className="grid gap-8 pb-24 lg:grid-cols-[1fr_320px] lg:pb-0">
      <div className="space-y-6">
        <header>
          <p className="text-sm font-medium text-brand-700">
            {t(`type.${listing.type}`)} · {listing.category} · {listing.aiModels.join(", ")}{" "}
            <span
              lang={listing.language === "de" ? "de" : "en"}
              data-testid="listing-language"
              className="ml-1 inline-block whitespace-nowrap rounded-full bg-gray-100 px-2 py-0.5 text-xs font-medium text-gray-700"
            >
              {t(listing.language === "de" ? "listingLanguage.de" : "listingLanguage.en")}
            </span>
          </p>
          <h1 className="mt-1 text-3xl font-extrabold tracking-tight">{listing.title}</h1>
          <p className="mt-2 text-lg text-gray-700">{listing.tagline}</p>
          <p className="mt-2 text-sm text-gray-600">
            {t("listing.by")}{" "}
            <Link to={`/s/${listing.shop.handle}`} className="font-semibold text-brand-700 underline">
              {listing.shop.name}
            </Link>
            {listing.rating.count > 0 &&
              ` · ★ ${format.decimal(listing.rating.average ?? 0)} (${t("listing.reviews", { count: listing.rating.count })})`}
          </p>
        </header>
        {cover && (
          <ResponsiveImage
            image={cover}
            loading="eager"
            sizes="(min-width: 1024px) 60vw, 100vw"
            className="w-full rounded-xl object-cover"
          />
        )}
        {searchParams.get("checkout") === "cancelled" && <Notice>{t("listing.cancelled")}</Notice>}
        <section aria-label={t("listing.description")}>
          <Markdown html={descriptionHtml} />
        </section>
        {listing.teaser && (
          <section aria-labelledby="teaser-heading" className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
            <h2 id="teaser-heading" className="font-bold">
              {t("listing.peek")}
            </h2>
            <p className="mt-2 whitespace-pre-line font-mono text-sm text-gray-700">{listing.teaser}</p>
            <p className="mt-3 text-sm text-gray-600">{t("listing.peekNote")}</p>
          </section>
        )}
        {listing.examples.length > 0 && (
          <ExamplesGallery examples={listing.examples} images={exampleImages} aiGenerated={aiGenerated} />
        )}
        {listing.bundleItems.length > 0 && (
          <section aria-labelledby="bundle-heading">
            <h2 id="bundle-heading" className="text-xl font-bold">
              {t("listing.bundle")}
            </h2>
            <ul className="mt-2 list-disc pl-5">
              {listing.bundleItems.map(({ listing: item }) => (
                <li key={item.slug}>
                  <Link className="text-brand-700 underline" to={`/p/${item.slug}`}>
                    {item.title}
                  </Link>
                  {ownedItems.has(item.slug) && (
                    <span className="ml-2 text-sm font-medium text-emerald-700">
                      {t("listing.alreadyOwnItem")}
                    </span>
                  )}
                </li>
              ))}
            </ul>
            {ownedItems.size > 0 && !owned && !isOwnListing && (
              <Notice>
                {t("listing.bundleOwnedNote", { owned: ownedItems.size, total: listing.bundleItems.length })}
              </Notice>
            )}
          </section>
        )}
        <ReviewsSection
          slug={listing.slug}
          shopName={listing.shop.name}
          rating={listing.rating}
          reviews={reviews}
          signedIn={signedIn}
          canReview={owned && !isOwnListing}
        />
        <p className="text-sm">
          <Link to={`/p/${listing.slug}/report`} className="text-gray-600 underline" rel="nofollow">
            {t("listing.report")}
          </Link>
        </p>
      </div>
      <aside className="h-fit space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200 lg:sticky lg:top-6">
        {(owned || isOwnListing) && <p className="text-3xl font-extrabold">{price}</p>}
        {plans.length > 0 && (
          <ul className="space-y-1 text-sm text-gray-700">
            {plans.map((plan) => (
              <li key={plan.id}>
                {t("listing.includedIn")}{" "}
                <Link
                  to={`/s/${listing.shop.handle}/plans/${plan.id}`}
                  className="font-semibold text-brand-700 underline"
                >
                  {plan.name}
                </Link>
                {plan.price && `, ${format.planPrice(plan.price)}`}
              </li>
            ))}
          </ul>
        )}
        {listing.files.length > 0 && (
          <p className="text-sm text-gray-600">
            {listing.files.length === 1
              ? t("listing.files.one")
              : t("listing.files.other", { count: listing.files.length })}
          </p>
        )}
        {ownedItems.size > 0 && !owned && !isOwnListing && (
          <p data-testid="bundle-owned" className="text-sm font-medium text-amber-800">
            {t("listing.bundleOwned", { owned: ownedItems.size, total: listing.bundleItems.length })}
          </p>
        )}
        {isOwnListing ? (
          <Link to={`/dashboard/listings/${listing.id}`} className={`${buttonClass()} w-full`}>
            {t("listing.edit")}
          </Link>
        ) : owned ? (
          <Link
            to="/library"
            className="block rounded-lg bg-emerald-700 px-4 py-2.5 text-center text-sm font-semibold text-white"
          >
            {t("listing.owned")}
          </Link>
        ) : (
          <>
            <BuyBox listingId={listing.id} offer={offer} signedIn={signedIn} formId={BUY_FORM_ID} />
            <StickyBuyBar offer={offer} title={listing.title} signedIn={signedIn} />
          </>
        )}
        <p className="text-xs text-gray-600">{t("listing.secure")}</p>
      </aside>
    </article>
  );
}
