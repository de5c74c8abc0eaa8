import { Form, Link } from "@remix-run/react";
import { useFormat, useT } from "~/components/i18n.tsx";
import { ListingCard } from "~/components/listing-card.tsx";
import type { SearchPage } from "~/modules/catalog/search.server.ts";
import {
  type CatalogSearch,
  type ListingLanguage,
  languageLabel,
  PRICE_RANGES,
  type PriceRange,
  SEARCH_MATCH_CAP,
  SEARCH_SORTS,
  searchHref,
  VIEWER_CURRENCIES,
} from "~/modules/catalog/search.ts";
import type { Translate } from "~/modules/i18n/translate.ts";
import type { Money } from "~/utils/money.ts";

type Viewer = { currency: string; language: string };
/** Parameters a landing page fixes (its category or model): never shown as facets, never in links. */
type Fixed = Partial<Pick<CatalogSearch, "category" | "model">>;

const FILTER_NAMES = [
  "q",
  "type",
  "model",
  "category",
  "price",
  "rating",
  "language",
  "sort",
  "currency",
  "lang",
] as const;
type FilterName = (typeof FILTER_NAMES)[number];

/** The current search as URL parameters, without cursors and without what the page fixes. */
function currentParams(search: CatalogSearch, fixed: Fixed): Partial<Record<FilterName, string>> {
  const params: Partial<Record<FilterName, string>> = {};
  for (const name of FILTER_NAMES) {
    if (name in fixed) continue;
    const value = search[name];
    if (value) params[name] = value;
  }
  return params;
}

type Words = { t: Translate; formatMoney: (money: Money) => string };

function priceRangeLabel(id: PriceRange, currency: string, { t, formatMoney }: Words): string {
  const [from, below] = PRICE_RANGES[id];
  const money = (amount: number) => formatMoney({ amount, currency }).replace(/[.,]00(?!\d)/, "");
  if (from === 0 && below !== null) return t("price.under", { amount: money(below) });
  if (below === null) return t("price.andUp", { amount: money(from) });
  return t("price.between", { from: money(from), below: money(below) });
}

function facetLabel(facet: keyof SearchPage["facets"], value: string, viewer: Viewer, words: Words): string {
  const { t } = words;
  switch (facet) {
    case "type":
      return value === "PROMPT" || value === "TEMPLATE" || value === "AGENT" || value === "BUNDLE"
        ? t(`type.${value}`)
        : value;
    case "price":
      return priceRangeLabel(value as PriceRange, viewer.currency, words);
    case "rating":
      return t("facet.stars", { value });
    case "language":
      return languageLabel[value as ListingLanguage] ?? value;
    default:
      return value;
  }
}

const FACET_TITLES = {
  type: "facet.type",
  model: "facet.model",
  category: "facet.category",
  price: "facet.price",
  rating: "facet.rating",
  language: "facet.language",
} as const satisfies Record<keyof SearchPage["facets"], string>;

function Facets({
  page,
  search,
  viewer,
  basePath,
  fixed,
}: {
  page: SearchPage;
  search: CatalogSearch;
  viewer: Viewer;
  basePath: string;
  fixed: Fixed;
}) {
  const t = useT();
  const format = useFormat();
  const words: Words = { t, formatMoney: format.money };
  const params = currentParams(search, fixed);
  const groups = (Object.keys(FACET_TITLES) as (keyof SearchPage["facets"])[]).filter(
    (facet) => !(facet in fixed) && page.facets[facet].length > 0,
  );
  const anyFilter = ["type", "model", "category", "price", "rating", "language"].some(
    (name) => params[name as FilterName],
  );
  return (
    <div className="space-y-5">
      {anyFilter ? (
        <Link
          to={searchHref(basePath, {
            q: params.q,
            sort: params.sort,
            currency: params.currency,
            lang: params.lang,
          })}
          className="text-sm font-medium text-brand-700 underline"
        >
          {t("search.clearFilters")}
        </Link>
      ) : null}
      {page.capped.facets ? (
        <p className="text-xs text-gray-600">
          {t("search.facetsSampled", { count: format.number(SEARCH_MATCH_CAP) })}
        </p>
      ) : null}
      {groups.map((facet) => (
        <section key={facet} aria-label={t(FACET_TITLES[facet])}>
          <h3 className="text-sm font-semibold text-ink">{t(FACET_TITLES[facet])}</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {page.facets[facet].map(({ value, count }) => {
              const active = params[facet] === value;
              const href = searchHref(basePath, { ...params, [facet]: active ? undefined : value });
              return (
                <li key={value}>
                  <Link
                    to={href}
                    aria-current={active ? "true" : undefined}
                    className={`flex justify-between gap-2 rounded px-2 py-1 hover:bg-gray-100 ${
                      active ? "bg-brand-50 font-semibold text-brand-700" : "text-gray-700"
                    }`}
                  >
                    <span>
                      {active ? <span aria-hidden="true">✓ </span> : null}
                      {facetLabel(facet, value, viewer, words)}
                    </span>
                    <span className="text-gray-600">
                      {count}
                      <span className="sr-only">
                        {" "}
                        {t(count === 1 ? "search.listing.one" : "search.listing.other")}
                      </span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The search box, sort and currency: a plain GET form, so it works before (or without) JavaScript. */
export function SearchForm({
  search,
  viewer,
  basePath,
  fixed = {},
}: {
  search: CatalogSearch;
  viewer: Viewer;
  basePath: string;
  fixed?: Fixed;
}) {
  const t = useT();
  const params = currentParams(search, fixed);
  const kept = (["type", "model", "category", "price", "rating", "language", "lang"] as const).filter(
    (name) => params[name],
  );
  return (
    <Form
      method="get"
      action={basePath}
      role="search"
      aria-label={t("search.label")}
      className="flex flex-wrap items-end gap-3"
      onSubmit={dropEmptyFields}
    >
      {kept.map((name) => (
        <input key={name} type="hidden" name={name} value={params[name]} />
      ))}
      <div className="min-w-56 flex-1">
        <label htmlFor="search-q" className="block text-sm font-medium">
          {t("search.search")}
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={search.q ?? ""}
          placeholder={t("search.placeholder")}
          className="mt-1 w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600"
        />
      </div>
      <div>
        <label htmlFor="search-sort" className="block text-sm font-medium">
          {t("search.sort")}
        </label>
        <select
          id="search-sort"
          name="sort"
          defaultValue={search.sort && search.sort !== "relevance" ? search.sort : ""}
          className="mt-1 rounded-lg border-0 py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600"
        >
          {/* The default follows the words: best match with them, newest without. */}
          <option value="">
            {search.q ? t("sort.relevance") : t("search.defaultSort", { sort: t("sort.newest") })}
          </option>
          {SEARCH_SORTS.filter((option) => option !== "relevance").map((option) => (
            <option key={option} value={option}>
              {t(`sort.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="search-currency" className="block text-sm font-medium">
          {t("search.currency")}
        </label>
        <select
          id="search-currency"
          name="currency"
          defaultValue={viewer.currency}
          className="mt-1 rounded-lg border-0 py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600"
        >
          {VIEWER_CURRENCIES.map((currency) => (
            <option key={currency} value={currency}>
              {currency}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-lg bg-ink px-4 py-2 text-sm font-semibold text-white">
        {t("search.search")}
      </button>
    </Form>
  );
}

/** With JavaScript, empty fields never reach the URL; without it the loader redirects them away. */
function dropEmptyFields(event: React.FormEvent<HTMLFormElement>) {
  for (const element of Array.from(event.currentTarget.elements)) {
    if (
      (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) &&
      element.value === ""
    ) {
      element.disabled = true;
      queueMicrotask(() => {
        element.disabled = false;
      });
    }
  }
}

/** Facets (a disclosure on phones, a sidebar from lg up), results with highlights, and paging. */
export function SearchResults({
  page,
  search,
  viewer,
  basePath,
  fixed = {},
}: {
  page: SearchPage;
  search: CatalogSearch;
  viewer: Viewer;
  basePath: string;
  fixed?: Fixed;
}) {
  const t = useT();
  const format = useFormat();
  const params = currentParams(search, fixed);
  const facets = <Facets page={page} search={search} viewer={viewer} basePath={basePath} fixed={fixed} />;
  const priceSort = page.sort === "price-asc" || page.sort === "price-desc";
  return (
    <div className="gap-8 lg:grid lg:grid-cols-[14rem_1fr]">
      <details className="mb-4 rounded-lg bg-white p-4 ring-1 ring-gray-200 lg:hidden">
        <summary className="cursor-pointer text-sm font-semibold">{t("search.filters")}</summary>
        <div className="mt-4">{facets}</div>
      </details>
      <aside aria-label={t("search.filters")} className="hidden lg:block">
        {facets}
      </aside>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="text-lg font-bold" aria-live="polite">
          {page.capped.total
            ? t("search.count.atLeast", { count: format.number(page.total) })
            : page.total === 1
              ? t("search.count.one")
              : t("search.count.other", { count: format.number(page.total) })}
        </h2>
        {page.corrections.map((correction) => (
          <p key={correction.word} className="mt-1 text-sm text-gray-700">
            {t("search.correction", { word: correction.word })}{" "}
            {correction.suggestions.map((word, index) => (
              <span key={word}>
                {index > 0 ? t("search.or") : ""}“<strong>{word}</strong>”
              </span>
            ))}
            .
          </p>
        ))}
        {priceSort ? (
          <p className="mt-1 text-sm text-gray-600">
            {t("search.priceSortNote", { currency: viewer.currency })}
          </p>
        ) : null}
        {page.results.length === 0 ? (
          <p className="mt-4 text-gray-700">{t("search.empty")}</p>
        ) : (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {page.results.map((listing, index) => (
              <ListingCard key={listing.id} listing={listing} priority={index === 0} />
            ))}
          </ul>
        )}
        {page.previous || page.next ? (
          <nav aria-label={t("search.pages")} className="mt-6 flex justify-between">
            {page.previous ? (
              <Link
                to={searchHref(basePath, { ...params, before: page.previous })}
                rel="prev"
                className="rounded-lg px-4 py-2 text-sm font-semibold ring-1 ring-gray-300 hover:bg-gray-50"
              >
                {t("search.previous")}
              </Link>
            ) : (
              <span />
            )}
            {page.next ? (
              <Link
                to={searchHref(basePath, { ...params, after: page.next })}
                rel="next"
                className="rounded-lg px-4 py-2 text-sm font-semibold ring-1 ring-gray-300 hover:bg-gray-50"
              >
                {t("search.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
