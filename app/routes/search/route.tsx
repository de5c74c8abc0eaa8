import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { useT } from "~/components/i18n.tsx";
import { SearchForm, SearchResults } from "~/components/search-results.tsx";
import { searchCatalog, viewerFrom } from "~/modules/catalog/search.server.ts";
import { type CatalogSearch, parseCatalogSearch, withoutEmptyParams } from "~/modules/catalog/search.ts";
import { searchCacheHeaders } from "~/modules/catalog/search-http.ts";
import { metaTranslator } from "~/modules/i18n/translate.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [
    { title: data?.search.q ? t("search.titleFor", { q: data.search.q }) : t("search.title") },
    { name: "description", content: t("search.description") },
    // The search page and a plain text search (`/search?q=email`, what people link to; /search is
    // in the sitemap) may be indexed; filtered, sorted and paged variants are endless near-copies.
    ...(!data || !plainSearch(data.search) ? [{ name: "robots", content: "noindex, follow" }] : []),
  ];
};

/** Nothing but words (and the viewer's language) chosen: no filter, sort, currency or page. */
function plainSearch(search: CatalogSearch): boolean {
  const { q: _words, lang: _language, ...rest } = search;
  return Object.values(rest).every((value) => value === undefined);
}

export const headers: HeadersFunction = () => searchCacheHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const clean = withoutEmptyParams(url);
  if (clean) throw redirect(clean, 301);
  const search = parseCatalogSearch(url.searchParams);
  const viewer = viewerFrom(request, search);
  const page = await searchCatalog(search, viewer);
  return { search, viewer, page };
}

export default function SearchRoute() {
  const { search, viewer, page } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-extrabold tracking-tight">
        {search.q ? t("search.resultsFor", { q: search.q }) : t("search.all")}
      </h1>
      <SearchForm search={search} viewer={viewer} basePath="/search" />
      <SearchResults page={page} search={search} viewer={viewer} basePath="/search" />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
