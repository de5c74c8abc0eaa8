import { redirect } from "@remix-run/node";
import { SLUG_PATTERN } from "~/utils/schemas.ts";
import { catalogVocabulary, searchCatalog, type Viewer, viewerFrom } from "./search.server.ts";
import { type CatalogSearch, parseCatalogSearch, slugify, withoutEmptyParams } from "./search.ts";

/**
 * A category (`/c/:category`) or AI model (`/m/:model`) landing page: the name the slug stands for
 * among visible listings (null for none: the route answers 404), and the first page of its search.
 */
export async function landingPage(
  kind: "category" | "model",
  slug: string,
  search: CatalogSearch,
  viewer: Viewer,
) {
  const vocabulary = await catalogVocabulary(viewer);
  const names = kind === "category" ? vocabulary.categories : vocabulary.models;
  const found = names.find((entry) => slugify(entry.value) === slug);
  if (!found) return null;
  const fixed = { [kind]: found.value } as Pick<CatalogSearch, "category" | "model">;
  const page = await searchCatalog({ ...search, ...fixed }, viewer);
  return { name: found.value, fixed, page };
}

const LANDING_PREFIX = { category: "/c", model: "/m" } as const;

/**
 * The loader of both landing pages: clean URLs (301), unknown or malformed names 404, then the page
 * with where it lives (`basePath`, canonical URL) for the search form and the meta tags.
 */
export async function loadLandingPage(kind: "category" | "model", request: Request, slug: string) {
  const url = new URL(request.url);
  const clean = withoutEmptyParams(url);
  if (clean) throw redirect(clean, 301);
  if (!SLUG_PATTERN.test(slug)) throw new Response("Not found", { status: 404 });
  const search = parseCatalogSearch(url.searchParams);
  const viewer = viewerFrom(request, search);
  const landing = await landingPage(kind, slug, search, viewer);
  if (!landing) throw new Response("Not found", { status: 404 });
  const basePath = `${LANDING_PREFIX[kind]}/${slug}`;
  return { ...landing, search, viewer, basePath, canonical: new URL(basePath, url).href };
}
