// Pages that reach: the path segments of the Open Graph pictures, the sitemaps and the embed page,
// and the embed page's currency parameter.
import { add, get, segment } from "../support/corpus.ts";
import { percentEncode, SAMPLE } from "../support/payloads.ts";

for (const [route, path] of [
  ["GET /og/p/:slug.png", (value: string) => `/og/p/${value}.png`],
  ["GET /og/s/:handle.png", (value: string) => `/og/s/${value}.png`],
  ["GET /sitemaps/:name", (value: string) => `/sitemaps/${value}`],
  ["GET /embed/p/:slug", (value: string) => `/embed/p/${value}`],
] as const) {
  add(
    route,
    SAMPLE.map((payload) => ({
      name: payload.name,
      principal: "anonymous" as const,
      payload,
      request: () => get(path(segment(payload))),
    })),
  );
}
add(
  "GET /embed/p/:slug?currency=",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "anonymous" as const,
    payload,
    request: (world: { shopA: { listing: { slug: string } } }) =>
      get(`/embed/p/${world.shopA.listing.slug}?currency=${percentEncode(payload)}`),
  })),
);
