import type { MetaDescriptor } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { parseCatalogSearch } from "~/modules/catalog/search.ts";
import { meta } from "~/routes/search/route.tsx";

/** The robots tag the search page's meta gives for a query string (as the loader would parse it). */
function robots(query: string | null): string | undefined {
  const data = query === null ? undefined : { search: parseCatalogSearch(new URLSearchParams(query)) };
  const descriptors = meta({ data, matches: [] } as unknown as Parameters<
    typeof meta
  >[0]) as MetaDescriptor[];
  const tag = descriptors.find((descriptor) => "name" in descriptor && descriptor.name === "robots");
  return tag && "content" in tag ? String(tag.content) : undefined;
}

describe("search page indexing", () => {
  it("lets the search page and a plain text search be indexed (the sitemap lists /search)", () => {
    expect(robots("")).toBeUndefined();
    expect(robots("q=email")).toBeUndefined();
    expect(robots("q=email&lang=de")).toBeUndefined();
  });

  it("keeps filtered, sorted, priced and paged variants out of the index", () => {
    for (const query of [
      "q=email&type=PROMPT",
      "q=email&sort=rating",
      "q=email&currency=USD",
      "price=0-5",
      "q=email&after=abc123",
      "language=de",
    ])
      expect(robots(query), query).toBe("noindex, follow");
  });

  it("keeps an error page out of the index", () => {
    expect(robots(null)).toBe("noindex, follow");
  });
});
