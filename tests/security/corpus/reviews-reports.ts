// Reviews, reports and the admin queue (issue 9): every field of the review, report, reply,
// takedown-response and moderation forms, the review pages' query and path ids. Principals are
// chosen so a valid value still changes nothing (buyer B reviewing shop A's listing is refused as
// a non-buyer; seller B replying to shop A's review is a 404; the admin deciding a missing report),
// except where a valid value is a report: those may add exactly that one row.
import { MISSING_ID } from "../support/access.ts";
import { add, contentTypeEndpoints, formField, get, post, segment } from "../support/corpus.ts";
import { ALL, percentEncode, SAMPLE } from "../support/payloads.ts";

const REVIEW = { rating: "5", body: "Worked on the first try for me." };

for (const [field, fixed] of [
  ["rating", [["body", REVIEW.body]]],
  ["body", [["rating", "5"]]],
  ["proofText", Object.entries(REVIEW)],
] as [string, [string, string][]][]) {
  add(
    `POST /p/:slug/review: ${field} (buyer B, not a buyer of shop A's listing)`,
    (field === "rating" ? SAMPLE : ALL).map((payload) => ({
      name: payload.name,
      principal: "buyerB",
      payload,
      request: (world) => post(`/p/${world.shopA.listing.slug}/review`, formField(fixed, payload, field)),
    })),
  );
}
add(
  "GET /p/:slug/review: slug",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () => get(`/p/${segment(payload)}/review`),
  })),
);
add(
  "GET /p/:slug/reviews?page=",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: (world) => get(`/p/${world.shopA.listing.slug}/reviews?page=${percentEncode(payload)}`),
  })),
);

for (const [field, fixed] of [
  [
    "kind",
    [
      ["details", "It copies my own published prompt."],
      ["email", "reporter@example.com"],
    ],
  ],
  [
    "details",
    [
      ["kind", "COPYRIGHT"],
      ["email", "reporter@example.com"],
    ],
  ],
  [
    "email",
    [
      ["kind", "ABUSE"],
      ["details", "It copies my own published prompt."],
    ],
  ],
] as [string, [string, string][]][]) {
  add(
    `POST /p/:slug/report: ${field} (anonymous)`,
    (field === "details" ? ALL : SAMPLE).map((payload) => ({
      name: payload.name,
      principal: "anonymous",
      payload,
      // A valid value files a report: exactly one row, nothing else.
      mayAdd: { ListingReport: 1 },
      request: (world) => post(`/p/${world.shopB.listing.slug}/report`, formField(fixed, payload, field)),
    })),
  );
}
add(
  "POST /reviews/:reviewId/report: reason (buyer B)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerB",
    payload,
    // The first valid reason files buyer B's one report; later ones are refused (409).
    mayAdd: { ReviewReport: 1 },
    request: (world) => post(`/reviews/${world.reviewA}/report`, formField([], payload, "reason")),
  })),
);
add(
  "GET /reviews/:reviewId/report: reviewId",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "buyerB",
    payload,
    request: () => get(`/reviews/${segment(payload)}/report`),
  })),
);
for (const [field, fixed] of [
  ["reply", (reviewId: string) => [["reviewId", reviewId]]],
  ["reviewId", () => [["reply", "Thank you for the kind words."]]],
] as [string, (reviewId: string) => [string, string][]][]) {
  add(
    `POST /dashboard/reviews: ${field} (seller B, shop A's review)`,
    (field === "reply" ? ALL : SAMPLE).map((payload) => ({
      name: payload.name,
      principal: "sellerB",
      payload,
      request: (world) => post("/dashboard/reviews", formField(fixed(world.reviewA), payload, field)),
    })),
  );
}
for (const [field, fixed] of [
  ["response", (reportId: string) => [["reportId", reportId]]],
  ["reportId", () => [["response", "It is my own work, here is my draft."]]],
] as [string, (reportId: string) => [string, string][]][]) {
  add(
    `POST /dashboard/reports: ${field} (seller B, an open report: nothing to respond to)`,
    (field === "response" ? ALL : SAMPLE).map((payload) => ({
      name: payload.name,
      principal: "sellerB",
      payload,
      request: (world) => post("/dashboard/reports", formField(fixed(world.listingReportB), payload, field)),
    })),
  );
}
for (const [field, fixed] of [
  ["note", [["intent", "take-down"]]],
  ["intent", [["note", "Copied from the reporter's blog."]]],
] as [string, [string, string][]][]) {
  add(
    `POST /admin/reports/:reportId: ${field} (admin, a report that does not exist)`,
    (field === "note" ? ALL : SAMPLE).map((payload) => ({
      name: payload.name,
      principal: "admin",
      payload,
      request: () => post(`/admin/reports/${MISSING_ID}`, formField(fixed, payload, field)),
    })),
  );
}
add(
  "GET /admin/reports/:reportId: reportId (admin)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "admin",
    payload,
    request: () => get(`/admin/reports/${segment(payload)}`),
  })),
);
for (const [field, fixed] of [
  ["intent", [["reviewId", MISSING_ID]]],
  ["reviewId", [["intent", "hide"]]],
] as [string, [string, string][]][]) {
  add(
    `POST /admin/reviews: ${field} (admin)`,
    SAMPLE.map((payload) => ({
      name: payload.name,
      principal: "admin",
      payload,
      request: () => post("/admin/reviews", formField(fixed, payload, field)),
    })),
  );
}

contentTypeEndpoints.push(
  {
    path: "/p/:slug/review",
    at: (world) => `/p/${world.shopA.listing.slug}/review`,
    principal: "buyerA",
    fields: () => ({ rating: "1", body: "A different review that must not be written." }),
  },
  {
    path: "/p/:slug/report",
    at: (world) => `/p/${world.shopB.listing.slug}/report`,
    principal: "anonymous",
    fields: () => ({ kind: "ABUSE", details: "A report that must not be filed.", email: "x@example.com" }),
  },
  {
    path: "/admin/reviews",
    principal: "admin",
    fields: (world) => ({ intent: "hide", reviewId: world.reviewA }),
  },
);

// The admin's lists read no input: junk in the query string changes nothing and is never a 5xx.
for (const path of ["/admin", "/admin/reports"] as const) {
  add(
    `GET ${path}?junk= (admin)`,
    SAMPLE.map((payload) => ({
      name: payload.name,
      principal: "admin" as const,
      payload,
      request: () => get(`${path}?junk=${percentEncode(payload)}`),
    })),
  );
}
