// Reviews, reports and the admin queue (issue 9). Buyer A bought shop A's listing and reviewed it
// (world.reviewA); shop B's listing has an open report (world.listingReportB). Probes that would
// write stay on ground that changes nothing the other probes rely on: invalid forms, missing ids,
// someone else's ids. The one exception, buyer A posting a valid review of shop A's listing, edits
// the review they already have (same rating, same text).
import {
  badRequest,
  everyone,
  forbidden,
  MISSING_ID,
  members,
  notFound,
  ok,
  type Row,
  sellers,
  to,
} from "../support/access.ts";

/** Admin pages: the admin only; for everyone else, signed in or not, they do not exist. */
const admins = (expectation: Parameters<typeof everyone>[0]) => everyone(notFound, { admin: expectation });

const SAME_REVIEW = { rating: "4", body: "Good openers; two of five got replies." };

export const rows: Record<string, Row> = {
  "routes/p.$slug_.review": {
    private: true,
    probes: [
      {
        label: "the review form of shop A's listing",
        method: "GET",
        path: (w) => `/p/${w.shopA.listing.slug}/review`,
        // Signed in but not a buyer of it (or its seller): the page says why, with 403.
        expect: members(forbidden, { buyerA: ok }),
      },
      {
        label: "the review form of a listing that does not exist",
        method: "GET",
        path: () => "/p/no-such-listing/review",
        expect: members(notFound),
      },
      {
        label: "buyer A's review of shop A's listing, unchanged",
        method: "POST",
        path: (w) => `/p/${w.shopA.listing.slug}/review`,
        body: () => ({ form: SAME_REVIEW }),
        expect: members(forbidden, { buyerA: to(`/p/`) }),
      },
      {
        label: "a review with 9 stars",
        method: "POST",
        path: (w) => `/p/${w.shopB.listing.slug}/review`,
        body: () => ({ form: { rating: "9", body: "Nine stars is not a thing." } }),
        expect: members(badRequest),
      },
    ],
  },
  "routes/p.$slug_.reviews": {
    probes: [
      {
        label: "all reviews of shop A's listing",
        method: "GET",
        path: (w) => `/p/${w.shopA.listing.slug}/reviews`,
        expect: everyone(ok),
      },
      {
        label: "page 2 of them",
        method: "GET",
        path: (w) => `/p/${w.shopA.listing.slug}/reviews?page=2`,
        expect: everyone(ok),
      },
      {
        label: "reviews of a listing that does not exist",
        method: "GET",
        path: () => "/p/no-such-listing/reviews",
        expect: everyone(notFound),
      },
    ],
  },
  "routes/p.$slug_.report": {
    private: true,
    probes: [
      {
        label: "the report form of shop B's listing",
        method: "GET",
        path: (w) => `/p/${w.shopB.listing.slug}/report`,
        expect: everyone(ok),
      },
      {
        label: "the report form of a listing that does not exist",
        method: "GET",
        path: () => "/p/no-such-listing/report",
        expect: everyone(notFound),
      },
      {
        label: "a report of a kind there is not",
        method: "POST",
        path: (w) => `/p/${w.shopB.listing.slug}/report`,
        body: () => ({ form: { kind: "BORING", details: "Not one of the kinds.", email: "x@example.com" } }),
        expect: everyone(badRequest),
      },
      {
        label: "a report of a listing that does not exist",
        method: "POST",
        path: () => "/p/no-such-listing/report",
        body: () => ({
          form: { kind: "ABUSE", details: "Nobody's listing at all.", email: "x@example.com" },
        }),
        expect: everyone(notFound),
      },
    ],
  },
  "routes/reviews.$reviewId.report": {
    private: true,
    probes: [
      {
        label: "the report form of buyer A's review",
        method: "GET",
        path: (w) => `/reviews/${w.reviewA}/report`,
        expect: members(ok),
      },
      {
        label: "the report form of a review that does not exist",
        method: "GET",
        path: () => `/reviews/${MISSING_ID}/report`,
        expect: members(notFound),
      },
      {
        label: "a malformed review id",
        method: "GET",
        path: () => "/reviews/not-an-id/report",
        expect: members(notFound),
      },
      {
        label: "a report of buyer A's review without a reason",
        method: "POST",
        path: (w) => `/reviews/${w.reviewA}/report`,
        body: () => ({ form: { reason: "" } }),
        expect: members(badRequest),
      },
      {
        label: "a report of a review that does not exist",
        method: "POST",
        path: () => `/reviews/${MISSING_ID}/report`,
        body: () => ({ form: { reason: "It is spam, plainly." } }),
        expect: members(notFound),
      },
    ],
  },
  "routes/dashboard.reviews": {
    private: true,
    probes: [
      { label: "the shop's reviews", method: "GET", path: () => "/dashboard/reviews", expect: sellers(ok) },
      {
        label: "a reply to a review that does not exist",
        method: "POST",
        path: () => "/dashboard/reviews",
        body: () => ({ form: { reviewId: MISSING_ID, reply: "Thank you!" } }),
        expect: sellers(notFound),
      },
      {
        label: "an empty reply to buyer A's review",
        method: "POST",
        path: () => "/dashboard/reviews",
        body: (w) => ({ form: { reviewId: w.reviewA, reply: "" } }),
        expect: sellers(badRequest),
      },
    ],
  },
  "routes/dashboard.reports": {
    private: true,
    probes: [
      { label: "the shop's takedowns", method: "GET", path: () => "/dashboard/reports", expect: sellers(ok) },
      {
        label: "a response to an open report (nothing taken down)",
        method: "POST",
        path: () => "/dashboard/reports",
        body: (w) => ({ form: { reportId: w.listingReportB, response: "It is my own work, I promise." } }),
        expect: sellers(notFound),
      },
      {
        label: "an empty response",
        method: "POST",
        path: () => "/dashboard/reports",
        body: () => ({ form: { reportId: MISSING_ID, response: "" } }),
        expect: sellers(badRequest),
      },
    ],
  },
  "routes/admin": { layout: "the admin area's guard and navigation", private: true },
  "routes/admin._index": {
    private: true,
    probes: [
      { label: "the admin home", method: "GET", path: () => "/admin", expect: admins(to("/admin/reports")) },
    ],
  },
  "routes/admin.reports._index": {
    private: true,
    probes: [{ label: "the report queue", method: "GET", path: () => "/admin/reports", expect: admins(ok) }],
  },
  "routes/admin.reports.$reportId": {
    private: true,
    probes: [
      {
        label: "the report of shop B's listing",
        method: "GET",
        path: (w) => `/admin/reports/${w.listingReportB}`,
        expect: admins(ok),
      },
      {
        label: "a report that does not exist",
        method: "GET",
        path: () => `/admin/reports/${MISSING_ID}`,
        expect: admins(notFound),
      },
      {
        label: "a malformed report id",
        method: "GET",
        path: () => "/admin/reports/not-an-id",
        expect: admins(notFound),
      },
      {
        label: "a takedown without a reason",
        method: "POST",
        path: (w) => `/admin/reports/${w.listingReportB}`,
        body: () => ({ form: { intent: "take-down", note: "" } }),
        expect: admins(badRequest),
      },
      {
        label: "dismissing a report that does not exist",
        method: "POST",
        path: () => `/admin/reports/${MISSING_ID}`,
        body: () => ({ form: { intent: "dismiss", note: "Nothing to see." } }),
        expect: admins(notFound),
      },
    ],
  },
  "routes/admin.reviews": {
    private: true,
    probes: [
      { label: "reported reviews", method: "GET", path: () => "/admin/reviews", expect: admins(ok) },
      {
        label: "hiding a review that does not exist",
        method: "POST",
        path: () => "/admin/reviews",
        body: () => ({ form: { intent: "hide", reviewId: MISSING_ID } }),
        expect: admins(notFound),
      },
      {
        label: "an unknown moderation intent",
        method: "POST",
        path: () => "/admin/reviews",
        body: (w) => ({ form: { intent: "delete", reviewId: w.reviewA } }),
        expect: admins(badRequest),
      },
    ],
  },
};
