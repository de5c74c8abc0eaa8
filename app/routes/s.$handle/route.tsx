import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ListingCard } from "~/components/listing-card.tsx";
import { getShopPage } from "~/modules/catalog/listings.server.ts";
import { invariantResponse, publicCacheHeaders } from "~/utils/http.ts";
import { formatMoney } from "~/utils/money.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const handle = params.handle ?? "";
  invariantResponse(SLUG_PATTERN.test(handle), "There is no shop with that name.", { status: 404 });
  const shop = await getShopPage(handle);
  invariantResponse(shop, "There is no shop with that name.", { status: 404 });
  return { shop };
}

export const headers: HeadersFunction = () => publicCacheHeaders;

export const ErrorBoundary = GeneralErrorBoundary;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.shop.name} on Stapel` },
        { name: "description", content: data.shop.bio.slice(0, 160) },
      ]
    : [{ title: "Shop not found · Stapel" }];

export default function ShopPage() {
  const { shop } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-extrabold tracking-tight">{shop.name}</h1>
        <p className="mt-2 max-w-3xl whitespace-pre-line text-gray-700">{shop.bio}</p>
      </header>
      {shop.plans.length > 0 && (
        <section aria-labelledby="plans-heading">
          <h2 id="plans-heading" className="text-xl font-bold">
            Memberships
          </h2>
          {/* Plans are listed so buyers see what is coming; subscribing is not built yet. */}
          <p className="mt-1 text-sm text-gray-600">Memberships open for sign-up soon.</p>
          <ul className="mt-3 grid gap-4 sm:grid-cols-2">
            {shop.plans.map((plan) => (
              <li key={plan.id} className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
                <p className="font-semibold">{plan.name}</p>
                <p className="text-sm text-gray-700">{plan.description}</p>
                {plan.prices.map((price) => (
                  <p key={price.id} className="mt-2 font-bold">
                    {formatMoney({ amount: price.amount, currency: price.currency })} /{" "}
                    {price.interval === "MONTH" ? "month" : "year"}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="listings-heading">
        <h2 id="listings-heading" className="text-xl font-bold">
          Listings
        </h2>
        <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {shop.listings.map((listing) => (
            <ListingCard
              key={listing.id}
              listing={{ ...listing, shop: { handle: shop.handle, name: shop.name } }}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}
