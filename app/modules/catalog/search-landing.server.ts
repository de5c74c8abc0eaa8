import { catalogVocabulary, searchCatalog, type Viewer } from "./search.server.ts";
import { type CatalogSearch, slugify } from "./search.ts";

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
