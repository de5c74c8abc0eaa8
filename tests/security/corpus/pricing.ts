// Prices and discount codes: the pricing page's forms, the discount code form and buttons, the buy
// box's fields on /checkout and the Claim button. Each case pairs the payload with something that
// makes the request refused whatever the payload (a negative price, a listing that does not exist),
// so a payload that happens to be valid still stores nothing.
import { MISSING_ID } from "../support/access.ts";
import { add, contentTypeEndpoints, formField, get, post, segment } from "../support/corpus.ts";
import { ALL, SAMPLE } from "../support/payloads.ts";

const pricingPath = (world: { shopA: { listing: { id: string } } }) =>
  `/dashboard/listings/${world.shopA.listing.id}/pricing`;

const tierBase: [string, string][] = [
  ["intent", "save-tier"],
  ["name", "Team"],
  ["prices[0].currency", "EUR"],
  ["prices[0].amount", "-1"],
];
for (const field of [
  "name",
  "licenseText",
  "activationLimit",
  "tierId",
  "prices[0].currency",
  "prices[1].amount",
  "prices[0].suggested",
]) {
  add(
    `POST /dashboard/listings/:listingId/pricing: ${field} (seller A)`,
    ALL.map((payload) => ({
      name: payload.name,
      principal: "sellerA",
      payload,
      request: (world) =>
        post(
          pricingPath(world),
          formField(
            tierBase.filter(([name]) => name !== field),
            payload,
            field,
          ),
        ),
    })),
  );
}
add(
  "POST /dashboard/listings/:listingId/pricing: prices[0].amount (seller A, no name)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) =>
      post(
        pricingPath(world),
        formField(
          [
            ["intent", "save-tier"],
            ["name", ""],
            ["prices[0].currency", "EUR"],
          ],
          payload,
          "prices[0].amount",
        ),
      ),
  })),
);
add(
  "POST /dashboard/listings/:listingId/pricing: mode (seller A)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) => post(pricingPath(world), formField([["intent", "mode"]], payload, "mode")),
  })),
);
add(
  "POST /dashboard/listings/:listingId/pricing: intent (seller A)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) =>
      post(
        pricingPath(world),
        formField(
          [
            ["tierId", MISSING_ID],
            ["name", ""],
          ],
          payload,
          "intent",
        ),
      ),
  })),
);
add(
  "GET /dashboard/listings/:listingId/pricing (seller A)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => get(`/dashboard/listings/${segment(payload)}/pricing`),
  })),
);

// The new discount code form: the kind is missing, so no payload makes a code.
const codeBase: [string, string][] = [
  ["code", "CORPUS-1"],
  ["percentOff", "10"],
  ["scope", "shop"],
];
for (const field of [
  "code",
  "percentOff",
  "amountOff",
  "currency",
  "scope",
  "listingIds",
  "planIds",
  "durationInMonths",
  "maxRedemptions",
  "startsAt",
  "endsAt",
]) {
  add(
    `POST /dashboard/discounts/new: ${field} (seller A)`,
    ALL.map((payload) => ({
      name: payload.name,
      principal: "sellerA",
      payload,
      request: () =>
        post(
          "/dashboard/discounts/new",
          formField([...codeBase.filter(([name]) => name !== field), ["kind", "NONE"]], payload, field),
        ),
    })),
  );
}
add(
  "POST /dashboard/discounts/new: kind (seller A, code empty)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () =>
      post(
        "/dashboard/discounts/new",
        formField(
          [
            ["code", ""],
            ["percentOff", "10"],
            ["scope", "shop"],
          ],
          payload,
          "kind",
        ),
      ),
  })),
);
add(
  "GET /dashboard/discounts/:discountId (seller A)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => get(`/dashboard/discounts/${segment(payload)}`),
  })),
);
add(
  "POST /dashboard/discounts/:discountId: intent (seller A, a code that does not exist)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => post(`/dashboard/discounts/${MISSING_ID}`, formField([], payload, "intent")),
  })),
);

// The buy box's fields on /checkout: a listing that does not exist, so nothing is opened.
for (const field of ["tierId", "currency", "amount", "code"]) {
  add(
    `POST /checkout: ${field} (buyer B)`,
    ALL.map((payload) => ({
      name: payload.name,
      principal: "buyerB",
      payload,
      request: () => post("/checkout", formField([["listingId", MISSING_ID]], payload, field)),
    })),
  );
}
// The plan page's discount code next to Subscribe: a price that does not exist, so nothing is opened.
add(
  "POST /subscribe: code (buyer B)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerB",
    payload,
    request: () => post("/subscribe", formField([["planPriceId", MISSING_ID]], payload, "code")),
  })),
);
add(
  "POST /claim: listingId (buyer B)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerB",
    payload,
    request: () => post("/claim", formField([], payload, "listingId")),
  })),
);

contentTypeEndpoints.push(
  {
    path: "/dashboard/listings/:listingId/pricing",
    at: pricingPath,
    principal: "sellerA",
    // Valid: a lenient parser would make shop A's listing free.
    fields: () => ({ intent: "mode", mode: "FREE" }),
  },
  {
    path: "/dashboard/discounts/new",
    principal: "sellerA",
    // Valid: a lenient parser would create the code.
    fields: () => ({ code: "CORPUS-CT", kind: "PERCENT", percentOff: "10", scope: "shop" }),
  },
  {
    path: "/claim",
    principal: "buyerB",
    fields: (world) => ({ listingId: world.shopA.listing.id }),
  },
);
