import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ListingCard } from "~/components/listing-card.tsx";
import { listCategories, searchListings } from "~/modules/catalog/listings.server.ts";
import {
  AI_MODELS,
  LISTING_TYPES,
  listingTypeLabel,
  parseListingSearch,
  withoutEmptyParams,
} from "~/modules/catalog/search.ts";
import { publicCacheHeaders } from "~/utils/http.ts";

export const meta: MetaFunction = () => [
  { title: "Stapel: prompts, templates and AI agents from independent creators" },
  {
    name: "description",
    content:
      "Buy ready-to-use prompts for ChatGPT, Claude, Gemini and Midjourney, templates and AI agents. Instant delivery, licence included.",
  },
];

export const headers: HeadersFunction = () => publicCacheHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const clean = withoutEmptyParams(url);
  if (clean) throw redirect(clean, 301);
  const search = parseListingSearch(url.searchParams);
  const [listings, categories] = await Promise.all([searchListings(search), listCategories()]);
  return { search, listings, categories };
}

const selectClass =
  "rounded-lg border-0 py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600";

export default function Home() {
  const { search, listings, categories } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <section className="rounded-2xl bg-gradient-to-br from-brand-600 to-brand-700 px-6 py-10 text-white sm:px-10">
        <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">
          Prompts, templates and agents that work.
        </h1>
        <p className="mt-3 max-w-2xl text-brand-100">
          Made by copywriters, designers and automation builders who use them every day. Pay once, get it
          instantly, keep it in your library.
        </p>
      </section>

      <Form
        id="search"
        method="get"
        role="search"
        aria-label="Filter listings"
        className="flex flex-wrap items-end gap-3"
        onSubmit={dropEmptyFields}
      >
        <div className="min-w-56 flex-1">
          <label htmlFor="q" className="block text-sm font-medium">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={search.q ?? ""}
            placeholder="e.g. cold email, logo, Notion"
            className={`${selectClass} mt-1 w-full`}
          />
        </div>
        <FilterSelect
          label="Type"
          name="type"
          value={search.type}
          options={LISTING_TYPES.map((type) => [type, listingTypeLabel[type]])}
        />
        <FilterSelect
          label="AI model"
          name="model"
          value={search.model}
          options={AI_MODELS.map((model) => [model, model])}
        />
        <FilterSelect
          label="Category"
          name="category"
          value={search.category}
          options={categories.map((category) => [category, category])}
        />
        <div>
          <label htmlFor="sort" className="block text-sm font-medium">
            Sort
          </label>
          <select id="sort" name="sort" defaultValue={search.sort} className={`${selectClass} mt-1`}>
            <option value="newest">Newest</option>
            <option value="price-asc">Price: low to high</option>
            <option value="price-desc">Price: high to low</option>
          </select>
        </div>
        <button type="submit" className="rounded-lg bg-ink px-4 py-2 text-sm font-semibold text-white">
          Apply
        </button>
      </Form>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="mb-4 text-lg font-bold">
          {listings.length === 1 ? "1 listing" : `${listings.length} listings`}
        </h2>
        {listings.length === 0 ? (
          <p className="text-gray-700">Nothing matches those filters yet. Try a broader search.</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {listings.map((listing) => (
              <ListingCard key={listing.id} listing={listing} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function FilterSelect({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value?: string;
  options: [string, string][];
}) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className={`${selectClass} mt-1`}>
        <option value="">All</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

/** With JavaScript, empty filters never reach the URL; without it the loader redirects them away. */
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
