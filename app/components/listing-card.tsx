import { Link } from "@remix-run/react";
import { useFormat, useT, useViewer } from "~/components/i18n.tsx";
import { ResponsiveImage } from "~/components/media/responsive-image.tsx";
import type { listingTypeLabel } from "~/modules/catalog/search.ts";
import { highlightParts } from "~/modules/catalog/search.ts";
import type { PublicImage } from "~/modules/media/image-urls.ts";
import type { Money } from "~/utils/money.ts";

export type ListingCardData = {
  slug: string;
  type: keyof typeof listingTypeLabel;
  title: string;
  tagline: string;
  aiModels: string[];
  category: string;
  shop: { handle: string; name: string };
  /** The listing's own price (shop pages pass these two). */
  priceAmount?: number;
  currency?: string;
  coverImage?: PublicImage | null;
  rating?: { average: number; count: number } | null;
  /** Search results: the price in the viewer's currency (null when the seller set none)... */
  viewerPrice?: Money | null;
  /** ...and the listing's own price, shown instead, marked as another currency. */
  listedPrice?: Money;
  /** Shop and plan pages: the first tier's prices, so the card shows the viewer's currency. */
  tiers?: { prices: Money[] }[];
  /** Search results: title, tagline and excerpt with matches between highlight markers. */
  highlight?: { title: string; tagline: string; excerpt: string } | null;
};

/** Text with its highlight markers drawn as <mark>: React escapes every part, nothing is HTML. */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {highlightParts(text).map((part, index) =>
        part.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
          <mark key={index} className="rounded-sm bg-yellow-100 px-0.5 text-inherit">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

export function RatingStars({ rating }: { rating: { average: number; count: number } }) {
  const t = useT();
  const format = useFormat();
  const rounded = Math.round(rating.average * 10) / 10;
  const shown = format.decimal(rounded);
  const full = Math.round(rating.average);
  return (
    <span className="inline-flex items-center gap-1 text-xs text-gray-700">
      <span aria-hidden="true" className="tracking-tight text-amber-500">
        {"★".repeat(full)}
        <span className="text-gray-300">{"★".repeat(5 - full)}</span>
      </span>
      <span className="sr-only">{t("card.rated", { rating: shown })}</span>
      <span>
        {shown} ({rating.count}
        <span className="sr-only"> {t(rating.count === 1 ? "card.review.one" : "card.review.other")}</span>)
      </span>
    </span>
  );
}

function CardPrice({ listing }: { listing: ListingCardData }) {
  const t = useT();
  const format = useFormat();
  const viewer = useViewer();
  if (listing.viewerPrice) {
    return <p className="text-base font-bold text-ink">{format.money(listing.viewerPrice)}</p>;
  }
  // Shop and plan pages pass every price the listing has: the viewer's currency first.
  const prices = listing.tiers?.[0]?.prices;
  const inViewerCurrency = prices?.find((price) => price.currency === viewer.currency);
  if (inViewerCurrency) {
    return <p className="text-base font-bold text-ink">{format.money(inViewerCurrency)}</p>;
  }
  const own =
    listing.listedPrice ??
    (listing.priceAmount !== undefined && listing.currency
      ? { amount: listing.priceAmount, currency: listing.currency }
      : null);
  if (!own) return null;
  return (
    <p className="text-right text-base font-bold text-ink">
      {format.money(own)}
      {(listing.viewerPrice === null || (prices && own.currency !== viewer.currency)) && (
        <span className="block text-xs font-normal text-gray-600">
          {t("card.onlyIn", { currency: own.currency })}
        </span>
      )}
    </p>
  );
}

export function ListingCard({
  listing,
  headingLevel = 3,
  priority = false,
}: {
  listing: ListingCardData;
  headingLevel?: 2 | 3;
  /** The first card of the page: its cover is likely the largest paint, so it is fetched first. */
  priority?: boolean;
}) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const highlight = listing.highlight;
  return (
    <li className="group relative flex flex-col overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200 transition hover:shadow-md">
      {listing.coverImage ? (
        <ResponsiveImage
          image={{ ...listing.coverImage, alt: "" }}
          // Below 640 px the card spans the page less its 1rem margins on each side.
          sizes="(min-width: 1024px) 30vw, (min-width: 640px) 45vw, calc(100vw - 2rem)"
          className="aspect-[16/9] w-full object-cover"
          priority={priority}
        />
      ) : null}
      <div className="flex flex-1 flex-col p-5">
        <div className="flex items-center justify-between gap-2 text-xs font-medium text-gray-600">
          <span className="rounded-full bg-brand-50 px-2 py-0.5 text-brand-700">
            {t(`type.${listing.type}`)}
          </span>
          <span>{listing.category}</span>
        </div>
        <Heading className="mt-3 text-base font-semibold text-ink">
          <Link to={`/p/${listing.slug}`} className="after:absolute after:inset-0">
            {highlight ? <Highlighted text={highlight.title} /> : listing.title}
          </Link>
        </Heading>
        <p className="mt-1 line-clamp-2 text-sm text-gray-600">
          {highlight ? <Highlighted text={highlight.tagline} /> : listing.tagline}
        </p>
        {highlight?.excerpt ? (
          <p className="mt-2 line-clamp-3 text-xs text-gray-600">
            <Highlighted text={highlight.excerpt} />
          </p>
        ) : null}
        {listing.rating ? (
          <p className="mt-2">
            <RatingStars rating={listing.rating} />
          </p>
        ) : null}
        <div className="mt-auto flex items-end justify-between gap-3 pt-4">
          <p className="text-xs text-gray-600">
            {listing.aiModels.join(" · ")}
            <br />
            {t("card.by", { name: listing.shop.name })}
          </p>
          <CardPrice listing={listing} />
        </div>
      </div>
    </li>
  );
}
