import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n.tsx";
import { ListingCard } from "~/components/listing-card.tsx";
import {
  bestSellingThisWeek,
  catalogVocabulary,
  type SearchResult,
  topListings,
  viewerFrom,
} from "~/modules/catalog/search.server.ts";
import { parseCatalogSearch, slugify, withoutEmptyParams } from "~/modules/catalog/search.ts";
import { searchCacheHeaders } from "~/modules/catalog/search-http.ts";
import { metaTranslator } from "~/modules/i18n/translate.ts";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: t("home.title") }, { name: "description", content: t("home.description") }];
};

export const headers: HeadersFunction = () => searchCacheHeaders;

/** Search used to live here: old links such as `/?q=email&type=PROMPT` go on to /search. */
const SEARCH_PARAMS = [
  "q",
  "type",
  "model",
  "category",
  "sort",
  "price",
  "rating",
  "language",
  "after",
  "before",
];

const ROW = 8;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const clean = withoutEmptyParams(url);
  if (clean) throw redirect(clean, 301);
  if (SEARCH_PARAMS.some((name) => url.searchParams.has(name))) {
    throw redirect(`/search${url.search}`, 301);
  }
  const search = parseCatalogSearch(url.searchParams);
  const viewer = viewerFrom(request, search);
  const [topRated, latest, selling, vocabulary] = await Promise.all([
    topListings({ sort: "rating", rating: "4" }, viewer, ROW),
    topListings({ sort: "newest" }, viewer, ROW * 3),
    bestSellingThisWeek(viewer, ROW * 2),
    catalogVocabulary(viewer),
  ]);
  // Each listing once on the page: a row skips what an earlier row already shows.
  const shown = new Set<string>();
  const row = (listings: SearchResult[]) => {
    const fresh = listings.filter((listing) => !shown.has(listing.id)).slice(0, ROW);
    for (const listing of fresh) shown.add(listing.id);
    return fresh;
  };
  const featured = row(topRated);
  const bestSelling = row(selling);
  const newest = row(latest);
  const total = vocabulary.categories.reduce((sum, category) => sum + category.count, 0);
  return {
    viewer,
    featured,
    newest,
    bestSelling,
    total,
    categories: vocabulary.categories.map((category) => ({ ...category, slug: slugify(category.value) })),
    models: vocabulary.models.map((model) => ({ ...model, slug: slugify(model.value) })),
  };
}

export default function Home() {
  const { featured, newest, bestSelling, total, categories, models } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-10">
      <section className="rounded-2xl bg-gradient-to-br from-brand-600 to-brand-700 px-6 py-10 text-white sm:px-10">
        <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">{t("home.heading")}</h1>
        <p className="mt-3 max-w-2xl text-brand-100">{t("home.intro")}</p>
        <Form
          method="get"
          action="/search"
          role="search"
          aria-label={t("search.label")}
          className="mt-6 flex max-w-xl gap-2"
        >
          <label htmlFor="home-q" className="sr-only">
            {t("search.search")}
          </label>
          <input
            id="home-q"
            name="q"
            type="search"
            required
            placeholder={t("search.placeholder")}
            className="min-w-0 flex-1 rounded-lg border-0 px-3 py-2 text-ink ring-1 ring-inset ring-white/40 focus:ring-2 focus:ring-white"
          />
          <button type="submit" className="rounded-lg bg-ink px-4 py-2 text-sm font-semibold text-white">
            {t("search.apply")}
          </button>
        </Form>
      </section>

      <ListingRow title={t("home.featured")} id="featured" listings={featured} more="/search?sort=rating" />
      <ListingRow
        title={t("home.bestSelling")}
        id="best-selling"
        listings={bestSelling}
        more="/search?sort=best-selling"
      />
      <ListingRow title={t("home.new")} id="new" listings={newest} more="/search?sort=newest" />

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="text-lg font-bold">
          {total === 1 ? t("home.byCategory.one") : t("home.byCategory.other", { count: total })}
        </h2>
        <ul className="mt-3 flex flex-wrap gap-2">
          {categories.map((category) => (
            <li key={category.slug}>
              <Link
                to={`/c/${category.slug}`}
                className="inline-block rounded-full bg-white px-3 py-1.5 text-sm ring-1 ring-gray-200 hover:bg-gray-50"
              >
                {category.value} <span className="text-gray-600">({category.count})</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="models-heading">
        <h2 id="models-heading" className="text-lg font-bold">
          {t("home.byModel")}
        </h2>
        <ul className="mt-3 flex flex-wrap gap-2">
          {models.map((model) => (
            <li key={model.slug}>
              <Link
                to={`/m/${model.slug}`}
                className="inline-block rounded-full bg-white px-3 py-1.5 text-sm ring-1 ring-gray-200 hover:bg-gray-50"
              >
                {model.value} <span className="text-gray-600">({model.count})</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function ListingRow({
  title,
  id,
  listings,
  more,
}: {
  title: string;
  id: string;
  listings: SearchResult[];
  more: string;
}) {
  const t = useT();
  if (listings.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <div className="mb-3 flex items-baseline justify-between">
        <h2 id={`${id}-heading`} className="text-lg font-bold">
          {title}
        </h2>
        <Link to={more} className="text-sm font-medium text-brand-700 underline">
          {t("home.seeAll")}
          <span className="sr-only"> {title.toLowerCase()}</span>
        </Link>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {listings.map((listing, index) => (
          <ListingCard key={listing.id} listing={listing} priority={id === "featured" && index === 0} />
        ))}
      </ul>
    </section>
  );
}
