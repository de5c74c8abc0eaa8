import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { useT } from "~/components/i18n.tsx";
import { SearchForm, SearchResults } from "~/components/search-results.tsx";
import { viewerFrom } from "~/modules/catalog/search.server.ts";
import { parseCatalogSearch, withoutEmptyParams } from "~/modules/catalog/search.ts";
import { searchCacheHeaders } from "~/modules/catalog/search-http.ts";
import { landingPage } from "~/modules/catalog/search-landing.server.ts";
import { metaTranslator, type Translate } from "~/modules/i18n/translate.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";

const HEADING = (t: Translate, name: string) => t("landing.model", { name });
const TITLE = (t: Translate, name: string) => `${t("landing.modelTitle", { name })}: Stapel`;
const DESCRIPTION = (t: Translate, name: string, total: number) =>
  t(total === 1 ? "landing.modelDescription.one" : "landing.modelDescription.other", {
    count: total,
    name,
  });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [
        { title: TITLE(metaTranslator(matches), data.name) },
        { name: "description", content: DESCRIPTION(metaTranslator(matches), data.name, data.page.total) },
        { tagName: "link", rel: "canonical", href: data.canonical },
      ]
    : [{ title: "Not found: Stapel" }];

export const headers: HeadersFunction = () => searchCacheHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const clean = withoutEmptyParams(url);
  if (clean) throw redirect(clean, 301);
  const slug = params.model ?? "";
  if (!SLUG_PATTERN.test(slug)) throw new Response("Not found", { status: 404 });
  const search = parseCatalogSearch(url.searchParams);
  const viewer = viewerFrom(request, search);
  const landing = await landingPage("model", slug, search, viewer);
  if (!landing) throw new Response("Not found", { status: 404 });
  return { ...landing, search, viewer, basePath: `/m/${slug}`, canonical: new URL(`/m/${slug}`, url).href };
}

export default function ModelLanding() {
  const { name, fixed, page, search, viewer, basePath } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-extrabold tracking-tight">{HEADING(t, name)}</h1>
        <p className="mt-2 max-w-2xl text-gray-700">{DESCRIPTION(t, name, page.total)}</p>
      </header>
      <SearchForm search={search} viewer={viewer} basePath={basePath} fixed={fixed} />
      <SearchResults page={page} search={search} viewer={viewer} basePath={basePath} fixed={fixed} />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
