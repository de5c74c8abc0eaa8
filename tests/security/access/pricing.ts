// Prices and discount codes: a listing's pricing page, the shop's discount codes, and claiming a free
// listing. Probes that would change the shared world's prices are refused ones (bad input, missing
// ids), so the checkout rows keep their expectations.
import {
  badRequest,
  everyone,
  MISSING_ID,
  members,
  notFound,
  ok,
  type Row,
  sellers,
  to,
  toLogin,
} from "../support/access.ts";

const conflict = { status: 409 } as const;

export const rows: Record<string, Row> = {
  "routes/dashboard.listings.$listingId_.pricing": {
    private: true,
    probes: [
      {
        label: "shop A's listing's pricing",
        method: "GET",
        path: (w) => `/dashboard/listings/${w.shopA.listing.id}/pricing`,
        expect: sellers(notFound, { sellerA: ok }),
      },
      {
        label: "the pricing of a listing that does not exist",
        method: "GET",
        path: () => `/dashboard/listings/${MISSING_ID}/pricing`,
        expect: sellers(notFound),
      },
      {
        label: "a tier with a negative price on shop A's listing",
        method: "POST",
        path: (w) => `/dashboard/listings/${w.shopA.listing.id}/pricing`,
        body: () => ({
          form: { intent: "save-tier", name: "Team", "prices[0].currency": "EUR", "prices[0].amount": "-1" },
        }),
        expect: sellers(notFound, { sellerA: badRequest }),
      },
      {
        label: "archiving a tier that does not exist",
        method: "POST",
        path: (w) => `/dashboard/listings/${w.shopA.listing.id}/pricing`,
        body: () => ({ form: { intent: "archive-tier", tierId: MISSING_ID } }),
        expect: sellers(notFound),
      },
    ],
  },
  "routes/dashboard.discounts._index": {
    private: true,
    probes: [
      { label: "the discount codes", method: "GET", path: () => "/dashboard/discounts", expect: sellers(ok) },
    ],
  },
  "routes/dashboard.discounts.new": {
    private: true,
    probes: [
      {
        label: "the new-code form",
        method: "GET",
        path: () => "/dashboard/discounts/new",
        expect: sellers(ok),
      },
      {
        label: "a code with a percentage of 0",
        method: "POST",
        path: () => "/dashboard/discounts/new",
        body: () => ({ form: { code: "MATRIX-0", kind: "PERCENT", percentOff: "0", scope: "shop" } }),
        expect: sellers(badRequest),
      },
      {
        label: "a code for shop B's listing",
        method: "POST",
        path: () => "/dashboard/discounts/new",
        body: (w) => ({
          form: {
            code: "MATRIX-B",
            kind: "PERCENT",
            percentOff: "10",
            scope: "selected",
            listingIds: w.shopB.listing.id,
          },
        }),
        // Shop B's own listing: seller B makes the code; seller A is refused like a missing listing.
        expect: sellers(notFound, { sellerB: to("/dashboard/discounts/") }),
      },
    ],
  },
  "routes/dashboard.discounts.$discountId": {
    private: true,
    probes: [
      {
        label: "a discount code that does not exist",
        method: "GET",
        path: () => `/dashboard/discounts/${MISSING_ID}`,
        expect: sellers(notFound),
      },
      {
        label: "a malformed discount code id",
        method: "GET",
        path: () => "/dashboard/discounts/not-an-id",
        expect: sellers(notFound),
      },
      {
        label: "deactivating a discount code that does not exist",
        method: "POST",
        path: () => `/dashboard/discounts/${MISSING_ID}`,
        body: () => ({ form: { intent: "deactivate" } }),
        expect: sellers(notFound),
      },
    ],
  },
  "routes/claim": {
    private: true,
    probes: [
      { label: "the claim address", method: "GET", path: () => "/claim", expect: everyone(ok) },
      {
        label: "claiming shop A's paid listing",
        method: "POST",
        path: () => "/claim",
        body: (w) => ({ form: { listingId: w.shopA.listing.id } }),
        expect: members(conflict, { anonymous: toLogin }),
      },
      {
        label: "claiming a listing that does not exist",
        method: "POST",
        path: () => "/claim",
        body: () => ({ form: { listingId: MISSING_ID } }),
        expect: members(notFound),
      },
      {
        label: "claiming with a malformed listing id",
        method: "POST",
        path: () => "/claim",
        body: () => ({ form: { listingId: "not an id!" } }),
        expect: everyone(badRequest),
      },
    ],
  },
};
