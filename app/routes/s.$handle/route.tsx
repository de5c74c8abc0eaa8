import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { useFormat, useT } from "~/components/i18n.tsx";
import { ListingCard } from "~/components/listing-card.tsx";
import { ResponsiveImage } from "~/components/media/responsive-image.tsx";
import { Button } from "~/components/ui/button.tsx";
import { getShopPage } from "~/modules/catalog/listings.server.ts";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { env } from "~/utils/env.server.ts";
import { invariantResponse, publicCacheHeaders } from "~/utils/http.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";
import { shopSocialMeta } from "./shop-social-meta.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const handle = params.handle ?? "";
  invariantResponse(SLUG_PATTERN.test(handle), "There is no shop with that name.", { status: 404 });
  // One statement (ADR 33): the shop, its listings' cards and its plans on sale.
  const page = await getShopPage(handle);
  invariantResponse(page, "There is no shop with that name.", { status: 404 });
  const { shop, plans } = page;
  return { shop, plans, canonicalUrl: `${env().APP_URL}/s/${shop.handle}` };
}

export const headers: HeadersFunction = () => publicCacheHeaders;

export const ErrorBoundary = GeneralErrorBoundary;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return data
    ? [
        { title: t("shop.metaTitle", { shop: data.shop.name }) },
        { name: "description", content: data.shop.bio.slice(0, 160) },
        ...shopSocialMeta(data),
      ]
    : [{ title: t("shop.notFoundTitle") }];
};

export default function ShopPage() {
  const { shop, plans } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
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
            {t("shop.memberships")}
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
                      ? t("shop.everything", { shop: shop.name, count: plan.listingCount })
                      : `${
                          plan.listingCount === 1
                            ? t("shop.planListings.one")
                            : t("shop.planListings.other", { count: plan.listingCount })
                        }${
                          plan.includedCategories.length > 0
                            ? t("shop.andNewIn", { categories: plan.includedCategories.join(", ") })
                            : ""
                        }.`}{" "}
                    <Link to={planUrl} className="font-medium text-brand-700 underline">
                      {t("shop.seeIncluded")}
                    </Link>
                  </p>
                  {plan.trialDays > 0 && (
                    <p className="text-sm font-medium text-emerald-800">
                      {t("shop.trial", { days: plan.trialDays })}
                    </p>
                  )}
                  <div className="flex flex-wrap gap-2">
                    {plan.prices.map((price) => (
                      <Form key={price.id} method="post" action="/subscribe">
                        <input type="hidden" name="planPriceId" value={price.id} />
                        <Button
                          variant="secondary"
                          aria-label={t("shop.subscribeLabel", {
                            price: format.planPrice(price),
                            plan: plan.name,
                          })}
                        >
                          {t("shop.subscribe", { price: format.planPrice(price) })}
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
          {t("shop.listings")}
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
