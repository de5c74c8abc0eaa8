import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { useFormat, useT } from "~/components/i18n.tsx";
import { ListingCard } from "~/components/listing-card.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { findLiveSubscription, getStorefrontPlan } from "~/modules/plans/storefront.server.ts";
import { env } from "~/utils/env.server.ts";
import { invariantResponse, publicCacheHeaders } from "~/utils/http.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";
import { getSessionUser } from "~/utils/session.server.ts";

const NOT_FOUND = "This shop has no such plan.";
const PLAN_ID = /^[a-z0-9]{20,32}$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const handle = params.handle ?? "";
  const planId = params.planId ?? "";
  invariantResponse(SLUG_PATTERN.test(handle) && PLAN_ID.test(planId), NOT_FOUND, { status: 404 });
  const plan = await getStorefrontPlan(handle, planId);
  invariantResponse(plan, NOT_FOUND, { status: 404 });
  const user = await getSessionUser(request);
  const subscription = user ? await findLiveSubscription(user.id, plan.id) : null;
  const canonicalUrl = `${env().APP_URL}/s/${plan.shop.handle}/plans/${plan.id}`;
  return { plan, signedIn: Boolean(user), subscription, canonicalUrl };
}

// Public for signed-out visitors; the HTTP server makes every signed-in response private.
export const headers: HeadersFunction = () => publicCacheHeaders;

export const ErrorBoundary = GeneralErrorBoundary;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return data
    ? [
        { title: t("plan.metaTitle", { plan: data.plan.name, shop: data.plan.shop.name }) },
        {
          name: "description",
          content: (data.plan.description || `A membership of ${data.plan.shop.name}`).slice(0, 160),
        },
        { tagName: "link", rel: "canonical", href: data.canonicalUrl },
        ...(data.plan.archived ? [{ name: "robots", content: "noindex" }] : []),
      ]
    : [{ title: t("plan.notFoundTitle") }, { name: "robots", content: "noindex" }];
};

type PlanData = ReturnType<typeof useLoaderData<typeof loader>>["plan"];

export default function PlanPage() {
  const { plan, signedIn, subscription } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const format = useFormat();
  return (
    <article className="space-y-8">
      <header>
        <p className="text-sm font-medium text-brand-700">
          {t("plan.by")}{" "}
          <Link to={`/s/${plan.shop.handle}`} className="underline">
            {plan.shop.name}
          </Link>
        </p>
        <h1 className="mt-1 text-3xl font-extrabold tracking-tight">{plan.name}</h1>
        {plan.description && (
          <p className="mt-2 max-w-3xl whitespace-pre-line text-lg text-gray-700">{plan.description}</p>
        )}
      </header>

      {searchParams.get("checkout") === "cancelled" && <Notice>{t("plan.cancelled")}</Notice>}

      <section aria-labelledby="prices-heading" className="space-y-3">
        <h2 id="prices-heading" className="text-xl font-bold">
          {t("plan.price")}
        </h2>
        {plan.trialDays > 0 && !plan.archived && (
          <p className="font-medium text-emerald-800">
            {plan.trialDays === 1 ? t("plan.trial.one") : t("plan.trial.other", { days: plan.trialDays })}
          </p>
        )}
        {subscription ? (
          <Notice tone="success">
            {t("plan.subscribed", {
              status: t(`status.${subscription.status}`),
              price: subscription.planPrice ? `, ${format.planPrice(subscription.planPrice)}` : "",
              ending: subscription.cancelAtPeriodEnd ? t("plan.endsAtPeriodEnd") : "",
            })}{" "}
            <Link to="/library" className="font-semibold underline">
              {t("plan.yourLibrary")}
            </Link>
            {t("plan.manageIn")}{" "}
            <Link to="/account" className="font-semibold underline">
              {t("plan.yourAccount")}
            </Link>
            .
          </Notice>
        ) : plan.archived ? (
          <Notice>{t("plan.closed")}</Notice>
        ) : null}
        <ul className="grid gap-4 sm:grid-cols-2">
          {plan.prices.map((price) => (
            <li key={price.id} className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
              <p className="text-sm font-medium text-gray-600">
                {t(`plan.${price.interval}`)}, {price.currency}
              </p>
              <p className="text-3xl font-extrabold">{format.planPrice(price)}</p>
              {!subscription && !plan.archived && (
                <Form method="post" action="/subscribe">
                  <input type="hidden" name="planPriceId" value={price.id} />
                  <label className="mb-2 block text-sm font-medium text-gray-700">
                    {t("plan.discountCode")}
                    <input
                      name="code"
                      maxLength={40}
                      autoComplete="off"
                      className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 uppercase"
                    />
                  </label>
                  <Button className="w-full">
                    {signedIn
                      ? plan.trialDays > 0
                        ? t("plan.startTrial", { price: format.planPrice(price) })
                        : t("plan.subscribeFor", { price: format.planPrice(price) })
                      : t("plan.signInToSubscribe", { price: format.planPrice(price) })}
                  </Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        <p className="text-xs text-gray-600">{t("plan.secure")}</p>
      </section>

      <Included plan={plan} />
    </article>
  );
}

function Included({ plan }: { plan: PlanData }) {
  const t = useT();
  const shop = { handle: plan.shop.handle, name: plan.shop.name };
  const cards = (listings: PlanData["listings"]) => (
    <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {listings.map((listing) => (
        <ListingCard key={listing.id} listing={{ ...listing, shop }} />
      ))}
    </ul>
  );
  if (plan.includesAllListings) {
    return (
      <section aria-labelledby="included-heading">
        <h2 id="included-heading" className="text-xl font-bold">
          {t("plan.includes")}
        </h2>
        <p className="mt-1 text-gray-700">
          {t("plan.includesAll", { shop: plan.shop.name, count: plan.listings.length })}
        </p>
        {cards(plan.listings)}
      </section>
    );
  }
  const categories = plan.includedCategories.filter((category) =>
    plan.listings.some((listing) => listing.category === category),
  );
  const chosen = plan.listings.filter((listing) => !plan.includedCategories.includes(listing.category));
  return (
    <section aria-labelledby="included-heading" className="space-y-6">
      <div>
        <h2 id="included-heading" className="text-xl font-bold">
          {t("plan.includes")}
        </h2>
        <p className="mt-1 text-gray-700">
          {plan.listings.length === 1
            ? t("plan.includesSome.one")
            : t("plan.includesSome.other", { count: plan.listings.length })}
          {plan.includedCategories.length > 0 &&
            t("plan.andLater", { shop: plan.shop.name, categories: plan.includedCategories.join(", ") })}
          .
        </p>
      </div>
      {categories.map((category) => (
        <div key={category}>
          <h3 className="font-semibold">{t("plan.everythingIn", { category })}</h3>
          {cards(plan.listings.filter((listing) => listing.category === category))}
        </div>
      ))}
      {chosen.length > 0 && (
        <div>
          {categories.length > 0 && <h3 className="font-semibold">{t("plan.alsoIncluded")}</h3>}
          {cards(chosen)}
        </div>
      )}
    </section>
  );
}
