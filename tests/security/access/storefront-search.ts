// The storefront search, and the category and AI model landing pages. Public pages: everyone gets
// the same answer, a landing page for a name no visible listing carries is a 404 like any missing page.
import { everyone, notFound, ok, type Row, to } from "../support/access.ts";

export const rows: Record<string, Row> = {
  "routes/search": {
    probes: [
      { label: "every listing", method: "GET", path: () => "/search", expect: everyone(ok) },
      {
        label: "a search with filters, a sort and a currency",
        method: "GET",
        path: () => "/search?q=cold+emails&type=PROMPT&model=Claude&price=10-25&sort=price-asc&currency=USD",
        expect: everyone(ok),
      },
      {
        label: "a typo, a German viewer and a forged cursor",
        method: "GET",
        path: () => "/search?q=emial&lang=de&after=WyJuZXdlc3QiLCIxIiwiYSJd",
        expect: everyone(ok),
      },
      {
        label: "a search with empty parameters (cleaned)",
        method: "GET",
        path: () => "/search?q=email&type=&model=",
        expect: everyone(to("/search?q=email")),
      },
    ],
  },
  "routes/c.$category": {
    probes: [
      {
        label: "a category's page",
        method: "GET",
        path: () => "/c/copywriting?sort=rating",
        expect: everyone(ok),
      },
      {
        label: "an unknown category",
        method: "GET",
        path: () => "/c/no-such-category",
        expect: everyone(notFound),
      },
    ],
  },
  "routes/m.$model": {
    probes: [
      { label: "an AI model's page", method: "GET", path: () => "/m/claude", expect: everyone(ok) },
      {
        label: "an unknown model",
        method: "GET",
        path: () => "/m/no-such-model",
        expect: everyone(notFound),
      },
    ],
  },
};
