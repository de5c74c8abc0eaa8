import { describe, expect, it } from "vitest";
import {
  effectiveSort,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  highlightParts,
  parseCatalogSearch,
  searchHref,
  slugify,
} from "~/modules/catalog/search.ts";

describe("the search URL", () => {
  it("keeps good values and drops bad ones one by one", () => {
    expect(
      parseCatalogSearch(
        new URLSearchParams(
          "q=email&type=AGENT&price=10-25&rating=4&language=de&sort=rating&currency=usd&lang=de",
        ),
      ),
    ).toEqual({
      q: "email",
      type: "AGENT",
      price: "10-25",
      rating: "4",
      language: "de",
      sort: "rating",
      currency: "USD",
      lang: "de",
    });
    const bad = parseCatalogSearch(
      new URLSearchParams(
        "q=%00&type=x&price=1-2&rating=5&language=fr&sort=x&currency=JPY&lang=xx&after=a.b",
      ),
    );
    expect(Object.values(bad).filter((value) => value !== undefined)).toEqual([]);
    // The first of a repeated parameter wins.
    expect(parseCatalogSearch(new URLSearchParams("type=PROMPT&type=AGENT")).type).toBe("PROMPT");
  });

  it("sorts by relevance only with words", () => {
    expect(effectiveSort({ q: "logo" })).toBe("relevance");
    expect(effectiveSort({})).toBe("newest");
    expect(effectiveSort({ sort: "relevance" })).toBe("newest");
    expect(effectiveSort({ q: "logo", sort: "price-asc" })).toBe("price-asc");
  });

  it("builds links without empty parameters, and slugs for landing pages", () => {
    expect(searchHref("/search", { q: "a b", type: undefined, sort: "" })).toBe("/search?q=a+b");
    expect(searchHref("/c/design", {})).toBe("/c/design");
    expect(slugify("DALL·E")).toBe("dall-e");
    expect(slugify("Stable Diffusion")).toBe("stable-diffusion");
  });
});

describe("highlights", () => {
  it("split into plain and marked text, never HTML", () => {
    const snippet = `A ${HIGHLIGHT_START}<b>logo</b>${HIGHLIGHT_END} prompt`;
    expect(highlightParts(snippet)).toEqual([
      { text: "A ", marked: false },
      { text: "<b>logo</b>", marked: true },
      { text: " prompt", marked: false },
    ]);
    expect(highlightParts("plain")).toEqual([{ text: "plain", marked: false }]);
  });
});
