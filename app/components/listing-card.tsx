import { Link } from "@remix-run/react";
import { listingTypeLabel } from "~/modules/catalog/search.ts";
import { formatMoney } from "~/utils/money.ts";

export type ListingCardData = {
  slug: string;
  type: keyof typeof listingTypeLabel;
  title: string;
  tagline: string;
  aiModels: string[];
  category: string;
  priceAmount: number;
  currency: string;
  shop: { handle: string; name: string };
};

export function ListingCard({ listing }: { listing: ListingCardData }) {
  return (
    <li className="group relative flex flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200 transition hover:shadow-md">
      <div className="flex items-center justify-between text-xs font-medium text-gray-600">
        <span className="rounded-full bg-brand-50 px-2 py-0.5 text-brand-700">
          {listingTypeLabel[listing.type]}
        </span>
        <span>{listing.category}</span>
      </div>
      <h3 className="mt-3 text-base font-semibold text-ink">
        <Link to={`/p/${listing.slug}`} className="after:absolute after:inset-0">
          {listing.title}
        </Link>
      </h3>
      <p className="mt-1 line-clamp-2 text-sm text-gray-600">{listing.tagline}</p>
      <div className="mt-auto flex items-end justify-between pt-4">
        <p className="text-xs text-gray-600">
          {listing.aiModels.join(" · ")}
          <br />
          by {listing.shop.name}
        </p>
        <p className="text-base font-bold text-ink">
          {formatMoney({ amount: listing.priceAmount, currency: listing.currency })}
        </p>
      </div>
    </li>
  );
}
