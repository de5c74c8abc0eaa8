import { SearchForm, SearchResults } from "~/components/search-results.tsx";
import type { loadLandingPage } from "~/modules/catalog/search-landing.server.ts";

type Landing = Pick<
  Awaited<ReturnType<typeof loadLandingPage>>,
  "fixed" | "page" | "search" | "viewer" | "basePath"
>;

/** A category or AI model page: its heading and description, then the search fixed to it. */
export function LandingPage({
  heading,
  description,
  landing,
}: {
  heading: string;
  description: string;
  landing: Landing;
}) {
  const { fixed, page, search, viewer, basePath } = landing;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-extrabold tracking-tight">{heading}</h1>
        <p className="mt-2 max-w-2xl text-gray-700">{description}</p>
      </header>
      <SearchForm search={search} viewer={viewer} basePath={basePath} fixed={fixed} />
      <SearchResults page={page} search={search} viewer={viewer} basePath={basePath} fixed={fixed} />
    </div>
  );
}
