import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ListingCard } from "~/components/listing-card.tsx";
import { ResponsiveImage } from "~/components/media/responsive-image.tsx";
import { Button } from "~/components/ui/button.tsx";
import { getShopPage } from "~/modules/catalog/listings.server.ts";
import { formatPlanPrice } from "~/modules/plans/format.ts";
import { listShopPlans } from "~/modules/plans/storefront.server.ts";
import { env } from "~/utils/env.server.ts";
import { invariantResponse, publicCacheHeaders } from "~/utils/http.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";
import { shopSocialMeta } from "./shop-social-meta.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const handle = params.handle ?? "";
  invariantResponse(SLUG_PATTERN.test(handle), "There is no shop with that name.", { status: 404 });
  const [shop, plans] = await Promise.all([getShopPage(handle), listShopPlans(handle)]);
  invariantResponse(shop, "There is no shop with that name.", { status: 404 });
  return { shop, plans, canonicalUrl: `${env().APP_URL}/s/${shop.handle}` };
}

export const headers: HeadersFunction = () => publicCacheHeaders;

export const ErrorBoundary = GeneralErrorBoundary;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.shop.name} on Stapel` },
        { name: "description", content: data.shop.bio.slice(0, 160) },
        ...shopSocialMeta(data),
      ]
    : [{ title: "Shop not found · Stapel" }];

export default function ShopPage() {
  const { shop, plans } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <header className="flex items-start gap-4">
        {shop.avatarImage && (
          <ResponsiveImage
            image={shop.avatarImage}
            sizes="80px"
            loading="eager"
            className="h-20 w-20 shrink-0 rounded-full object-cover"
          />
        )}
        <div>
          <h1 className="text-3xl font-extrabold tracking-tight">{shop.name}</h1>
          <p className="mt-2 max-w-3xl whitespace-pre-line text-gray-700">{shop.bio}</p>
          {shop.links.length > 0 && (
            <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {shop.links.map((link) => (
                <li key={link}>
                  {/* Sellers' links: no referrer, no ranking credit, no access to this window. */}
                  <a href={link} rel="nofollow noopener noreferrer ugc" className="text-brand-700 underline">
                    {new URL(link).host}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </header>
      {plans.length > 0 && (
        <section aria-labelledby="plans-heading">
          <h2 id="plans-heading" className="text-xl font-bold">
            Memberships
          </h2>
          <ul className="mt-3 grid gap-4 sm:grid-cols-2">
            {plans.map((plan) => {
              const planUrl = `/s/${shop.handle}/plans/${plan.id}`;
              return (
                <li key={plan.id} className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-gray-200">
                  <h3 className="font-semibold">
                    <Link to={planUrl} className="text-brand-700 underline">
                      {plan.name}
                    </Link>
                  </h3>
                  <p className="text-sm text-gray-700">{plan.description}</p>
                  <p className="text-sm text-gray-600">
                    {plan.includesAllListings
                      ? `Everything in ${shop.name}, including new listings (${plan.listingCount} today).`
                      : `${plan.listingCount} ${plan.listingCount === 1 ? "listing" : "listings"}${
                          plan.includedCategories.length > 0
                            ? `, and new ones in ${plan.includedCategories.join(", ")}`
                            : ""
                        }.`}{" "}
                    <Link to={planUrl} className="font-medium text-brand-700 underline">
                      See what is included
                    </Link>
                  </p>
                  {plan.trialDays > 0 && (
                    <p className="text-sm font-medium text-emerald-800">{plan.trialDays}-day free trial</p>
                  )}
                  <div className="flex flex-wrap gap-2">
                    {plan.prices.map((price) => (
                      <Form key={price.id} method="post" action="/subscribe">
                        <input type="hidden" name="planPriceId" value={price.id} />
                        <Button
                          variant="secondary"
                          aria-label={`Subscribe, ${formatPlanPrice(price)}: ${plan.name}`}
                        >
                          Subscribe, {formatPlanPrice(price)}
                        </Button>
                      </Form>
                    ))}
                  </div>
                </li>
              );
            })}
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
