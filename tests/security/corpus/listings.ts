// The listing editor's fields (new and edit; each request lacks a price, so nothing may be stored),
// its buttons, the markdown preview, the editor's path, and the unsubscribe link's parameters.
import { add, contentTypeEndpoints, formField, get, post, segment } from "../support/corpus.ts";
import { ALL, MISC, NUL, percentEncode, SAMPLE, UNICODE, XSS } from "../support/payloads.ts";

const validButPriceless: [string, string][] = [
  ["type", "PROMPT"],
  ["title", "Corpus listing"],
  ["tagline", "A tagline"],
  ["description", "A description."],
  ["category", "Testing"],
  ["body", "Write about {{topic}}."],
];
const without = (field: string) => validButPriceless.filter(([name]) => name !== field);

const newFormFields: [string, typeof ALL][] = [
  ["title", ALL],
  ["description", ALL],
  ["body", ALL],
  ["type", [...XSS.slice(0, 4), ...NUL, ...MISC.slice(0, 6)]],
  ["templateUrl", SAMPLE],
  ["bundleItemIds", SAMPLE],
  ["aiModels", SAMPLE],
  ["exampleOutput0", SAMPLE],
  ["agentPlatform", SAMPLE],
  ["aiGenerated", SAMPLE],
  ["slug", SAMPLE],
  ["coverImageId", SAMPLE],
  ["exampleImage0", SAMPLE],
];
for (const [field, payloads] of newFormFields) {
  add(
    `POST /dashboard/listings/new: ${field} (seller A, no price)`,
    payloads.map((payload) => ({
      name: payload.name,
      principal: "sellerA",
      payload,
      request: () => post("/dashboard/listings/new", formField(without(field), payload, field)),
    })),
  );
}
// The price itself, with everything else valid: only refusals may come back (nothing stored).
add(
  "POST /dashboard/listings/new: price (seller A)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => post("/dashboard/listings/new", formField(validButPriceless, payload, "price")),
  })),
);
add(
  "POST /dashboard/listings/:listingId: title (seller A's listing, no price)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) =>
      post(
        `/dashboard/listings/${world.shopA.listing.id}`,
        formField([["intent", "save"], ...without("title")], payload, "title"),
      ),
  })),
);
add(
  "POST /dashboard/listings/:listingId: changelog (seller A's listing, no price)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) =>
      post(
        `/dashboard/listings/${world.shopA.listing.id}`,
        formField([["intent", "save"], ...validButPriceless], payload, "changelog"),
      ),
  })),
);
add(
  "POST /dashboard/listings/:listingId: intent (seller A's listing)",
  [...XSS.slice(0, 4), ...NUL, ...MISC.slice(0, 6)].map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) =>
      post(`/dashboard/listings/${world.shopA.listing.id}`, formField([], payload, "intent")),
  })),
);
add(
  "POST /dashboard/listings/:listingId: version (notify, seller A's listing)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    // Version 999 does not exist; hostile numbers must not find one either.
    request: (world) =>
      post(
        `/dashboard/listings/${world.shopA.listing.id}`,
        formField([["intent", "notify"]], payload, "version"),
      ),
  })),
);
add(
  "GET /dashboard/listings/:listingId (seller A)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => get(`/dashboard/listings/${segment(payload)}`),
  })),
);
add(
  "GET /dashboard/listings/:listingId?created= (seller A)",
  [...XSS.slice(0, 3), ...NUL, ...UNICODE.slice(0, 3)].map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) =>
      get(`/dashboard/listings/${world.shopA.listing.id}?created=${percentEncode(payload)}`),
  })),
);
add(
  "POST /dashboard/listings/preview: markdown (seller A)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => post("/dashboard/listings/preview", formField([], payload, "markdown")),
  })),
);
for (const parameter of ["shop", "user", "token"] as const) {
  add(
    `GET /unsubscribe?${parameter}= (signed out)`,
    SAMPLE.map((payload) => ({
      name: payload.name,
      principal: "anonymous",
      payload,
      request: (world) => {
        const query = new URLSearchParams({
          shop: world.shopA.shop.id,
          user: world.users.buyerA.id,
          token: "A".repeat(43),
        });
        query.delete(parameter);
        return get(`/unsubscribe?${query}&${parameter}=${percentEncode(payload)}`);
      },
    })),
  );
  add(
    `POST /unsubscribe: ${parameter} (signed out)`,
    SAMPLE.map((payload) => ({
      name: payload.name,
      principal: "anonymous",
      payload,
      request: (world) =>
        post(
          "/unsubscribe",
          formField(
            (
              [
                ["shop", world.shopA.shop.id],
                ["user", world.users.buyerA.id],
                ["token", "A".repeat(43)],
                ["intent", "unsubscribe"],
              ] as [string, string][]
            ).filter(([name]) => name !== parameter),
            payload,
            parameter,
          ),
        ),
    })),
  );
}
contentTypeEndpoints.push(
  {
    path: "/dashboard/listings/new",
    principal: "sellerA",
    // Valid: a lenient parser would create a listing.
    fields: () => ({ ...Object.fromEntries(validButPriceless), price: "5.00" }),
  },
  {
    path: "/dashboard/listings/:listingId",
    at: (world) => `/dashboard/listings/${world.shopA.listing.id}`,
    principal: "sellerA",
    fields: () => ({ intent: "duplicate" }),
  },
  {
    path: "/unsubscribe",
    principal: "anonymous",
    fields: (world) => ({
      shop: world.shopA.shop.id,
      user: world.users.buyerA.id,
      token: "A".repeat(43),
      intent: "unsubscribe",
    }),
  },
);
