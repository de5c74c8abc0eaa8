// Who may do what, route by route: the expected answer for every route of the built app, for every
// method it supports and every kind of visitor. access-matrix.test.ts checks each cell over HTTP and
// fails when the route manifest has a route this table does not list: a new route adds its row here
// or, for a new area, in access/<area>.ts (merged in below).
//
// A row lists probes: one request (method, path, body) and the answer each principal must get.
// Principals: anonymous, buyerA, buyerB, sellerA, sellerB, admin (see support/world.ts for what
// each owns: buyer A bought shop A's listing, buyer B shop B's). Someone else's id answers 404,
// exactly like an id that does not exist, so ids cannot be probed.
import {
  badRequest,
  clientError,
  everyone,
  MISSING_ID,
  members,
  methodNotAllowed,
  notFound,
  ok,
  type Row,
  sellers,
  to,
  toPayment,
} from "./support/access.ts";

export * from "./support/access.ts";

// Each area's rows live in ./access/<area>.ts (exporting `rows`); they are merged in below.
const areaRows = Object.values(
  import.meta.glob<{ rows: Record<string, Row> }>("./access/*.ts", { eager: true }),
).map((area) => area.rows);

export const accessTable: Record<string, Row> = {
  ...Object.assign({}, ...areaRows),
  root: { layout: "the document shell: every page probe below renders inside it" },

  "routes/_index": {
    probes: [
      { label: "the catalogue", method: "GET", path: () => "/", expect: everyone(ok) },
      {
        // Search moved to /search (tests/security/access/storefront-search.ts); old links follow it.
        label: "an old search link",
        method: "GET",
        path: () => "/?q=email&sort=price-asc",
        expect: everyone(to("/search?q=email&sort=price-asc")),
      },
    ],
  },
  "routes/$": {
    probes: [
      { label: "an unknown page", method: "GET", path: () => "/no-such-page", expect: everyone(notFound) },
    ],
  },
  "routes/[favicon.ico]": {
    probes: [
      { label: "the icon", method: "GET", path: () => "/favicon.ico", expect: everyone(to("/favicon")) },
    ],
  },
  "routes/[robots.txt]": {
    probes: [{ label: "robots.txt", method: "GET", path: () => "/robots.txt", expect: everyone(ok) }],
  },
  "routes/[sitemap.xml]": {
    probes: [{ label: "the sitemap", method: "GET", path: () => "/sitemap.xml", expect: everyone(ok) }],
  },
  "routes/healthcheck": {
    probes: [{ label: "health", method: "GET", path: () => "/healthcheck", expect: everyone(ok) }],
  },

  "routes/p.$slug": {
    probes: [
      {
        label: "shop A's listing",
        method: "GET",
        path: (w) => `/p/${w.shopA.listing.slug}`,
        expect: everyone(ok),
      },
      {
        label: "a missing listing",
        method: "GET",
        path: () => "/p/no-such-listing",
        expect: everyone(notFound),
      },
    ],
  },
  "routes/s.$handle": {
    probes: [
      { label: "shop A", method: "GET", path: (w) => `/s/${w.shopA.shop.handle}`, expect: everyone(ok) },
      { label: "a missing shop", method: "GET", path: () => "/s/no-such-shop", expect: everyone(notFound) },
    ],
  },

  "routes/s.$handle_.plans.$planId": {
    probes: [
      {
        label: "shop A's plan",
        method: "GET",
        path: (w) => `/s/${w.planA.handle}/plans/${w.planA.id}`,
        expect: everyone(ok),
      },
      {
        label: "shop A's plan under shop B's name",
        method: "GET",
        path: (w) => `/s/${w.planB.handle}/plans/${w.planA.id}`,
        expect: everyone(notFound),
      },
      {
        label: "a plan that does not exist",
        method: "GET",
        path: (w) => `/s/${w.planA.handle}/plans/${MISSING_ID}`,
        expect: everyone(notFound),
      },
    ],
  },
  "routes/subscribe": {
    private: true,
    probes: [
      // A page that says there is nothing to subscribe to (and, after a refused Subscribe, why).
      { label: "the subscribe address", method: "GET", path: () => "/subscribe", expect: everyone(ok) },
      {
        label: "subscribing to shop A's plan",
        method: "POST",
        path: () => "/subscribe",
        body: (w) => ({ form: { planPriceId: w.planA.priceId } }),
        // Signed out: sign in, then back to the plan's page. A seller may subscribe to their own plan;
        // buyer A already does subscribe to it.
        expect: everyone(toPayment, { anonymous: to("/login?redirectTo=%2Fs%2F"), buyerA: { status: 409 } }),
      },
      {
        label: "subscribing to a price that does not exist",
        method: "POST",
        path: () => "/subscribe",
        body: () => ({ form: { planPriceId: MISSING_ID } }),
        expect: members(notFound),
      },
      {
        label: "subscribing with a malformed price id",
        method: "POST",
        path: () => "/subscribe",
        body: () => ({ form: { planPriceId: "not an id!" } }),
        expect: everyone(badRequest),
      },
    ],
  },

  "routes/login": {
    probes: [
      {
        label: "the sign-in page",
        method: "GET",
        path: () => "/login",
        // Signed-in visitors go where they would land after signing in.
        expect: everyone(to("/library"), {
          anonymous: ok,
          sellerA: to("/dashboard"),
          sellerB: to("/dashboard"),
        }),
      },
      {
        label: "asking for a sign-in link",
        method: "POST",
        path: () => "/login",
        body: () => ({ form: { email: "new-visitor@example.com" } }),
        // Signed-in visitors are sent on, as when they open the page.
        expect: everyone(to("/library"), {
          anonymous: ok,
          sellerA: to("/dashboard"),
          sellerB: to("/dashboard"),
        }),
      },
    ],
  },
  "routes/login_.verify": {
    private: true,
    probes: [
      {
        label: "a link that does not exist",
        method: "GET",
        path: () => "/login/verify?token=not-a-real-token",
        expect: everyone(ok),
      },
      {
        label: "using a link that does not exist",
        method: "POST",
        path: () => "/login/verify",
        body: () => ({ form: { token: "not-a-real-token" } }),
        expect: everyone(clientError),
      },
    ],
  },
  "routes/logout": {
    private: true,
    probes: [
      { label: "the sign-out address", method: "GET", path: () => "/logout", expect: everyone(to("/")) },
      { label: "signing out", method: "POST", path: () => "/logout", expect: everyone(to("/")) },
    ],
  },

  "routes/checkout": {
    private: true,
    probes: [
      // A page that says there is nothing to check out (and, after a refused Buy, why).
      { label: "the checkout address", method: "GET", path: () => "/checkout", expect: everyone(ok) },
      {
        label: "buying shop A's listing",
        method: "POST",
        path: () => "/checkout",
        body: (w) => ({ form: { listingId: w.shopA.listing.id } }),
        // Buyer A owns it already; a seller may buy from their own shop (test purchases).
        expect: members(toPayment, { buyerA: to("/library") }),
      },
      {
        label: "buying a listing that does not exist",
        method: "POST",
        path: () => "/checkout",
        body: () => ({ form: { listingId: MISSING_ID } }),
        expect: members(notFound),
      },
      {
        label: "buying with a malformed listing id",
        method: "POST",
        path: () => "/checkout",
        body: () => ({ form: { listingId: "not an id!" } }),
        expect: everyone(badRequest),
      },
    ],
  },
  "routes/checkout_.success": {
    private: true,
    probes: [
      {
        label: "buyer A's paid checkout",
        method: "GET",
        path: (w) => `/checkout/success?session_id=${w.purchaseA.checkoutSessionId}`,
        expect: members(notFound, { buyerA: ok }),
      },
      {
        label: "a checkout that does not exist",
        method: "GET",
        path: () => "/checkout/success?session_id=cs_test_doesnotexist000000",
        expect: members(notFound),
      },
    ],
  },

  "routes/dashboard": {
    layout: "the seller's section: probed through dashboard._index, .sales, .plans.* and .$",
    private: true,
  },
  "routes/dashboard._index": {
    private: true,
    probes: [{ label: "the dashboard", method: "GET", path: () => "/dashboard", expect: sellers(ok) }],
  },
  "routes/dashboard.sales": {
    private: true,
    probes: [
      { label: "the sales list", method: "GET", path: () => "/dashboard/sales", expect: sellers(ok) },
      {
        label: "the sales list, filtered",
        method: "GET",
        path: () => "/dashboard/sales?period=30d&status=paid",
        expect: sellers(ok),
      },
      {
        label: "the sales list with empty filters (redirected to the clean URL)",
        method: "GET",
        path: () => "/dashboard/sales?period=&status=paid",
        expect: sellers(to("/dashboard/sales?status=paid")),
      },
      {
        label: "giving shop A's listing to an address",
        method: "POST",
        path: () => "/dashboard/sales",
        body: (w) => ({
          form: { intent: "gift", listingId: w.shopA.listing.id, email: "matrix-gift@example.com" },
        }),
        expect: sellers(notFound, { sellerA: ok }),
      },
      {
        label: "refunding a paid order of shop A",
        method: "POST",
        path: () => "/dashboard/sales",
        body: (w) => ({ form: { intent: "refund", orderId: w.refundableOrderIdsA[0] ?? "" } }),
        expect: sellers(notFound, { sellerA: ok }),
      },
      {
        label: "refunding an order that does not exist",
        method: "POST",
        path: () => "/dashboard/sales",
        body: () => ({ form: { intent: "refund", orderId: MISSING_ID } }),
        expect: sellers(notFound),
      },
      {
        label: "refunding with a malformed order id",
        method: "POST",
        path: () => "/dashboard/sales",
        body: () => ({ form: { intent: "refund", orderId: "not an id!" } }),
        expect: sellers(badRequest),
      },
    ],
  },
  "routes/dashboard.plans._index": {
    private: true,
    probes: [{ label: "the plans list", method: "GET", path: () => "/dashboard/plans", expect: sellers(ok) }],
  },
  "routes/dashboard.plans.new": {
    private: true,
    probes: [
      { label: "the new-plan form", method: "GET", path: () => "/dashboard/plans/new", expect: sellers(ok) },
      {
        label: "creating a plan",
        method: "POST",
        path: () => "/dashboard/plans/new",
        body: () => ({ form: { name: "Matrix plan", grants: "everything", priceMonthEur: "5.00" } }),
        expect: sellers(to("/dashboard/plans/")),
      },
      {
        label: "creating a plan without a name or price",
        method: "POST",
        path: () => "/dashboard/plans/new",
        body: () => ({ form: { grants: "everything" } }),
        expect: sellers(badRequest),
      },
    ],
  },
  "routes/dashboard.plans.$planId": {
    private: true,
    probes: [
      {
        label: "shop A's plan",
        method: "GET",
        path: (w) => `/dashboard/plans/${w.planA.id}`,
        expect: sellers(notFound, { sellerA: ok }),
      },
      {
        label: "a plan that does not exist",
        method: "GET",
        path: () => `/dashboard/plans/${MISSING_ID}`,
        expect: sellers(notFound),
      },
      {
        // Putting an on-sale plan on sale changes nothing, so every principal can be asked.
        label: "putting shop A's plan on sale",
        method: "POST",
        path: (w) => `/dashboard/plans/${w.planA.id}`,
        body: () => ({ form: { intent: "restore" } }),
        expect: sellers(notFound, { sellerA: ok }),
      },
      {
        label: "archiving a plan that does not exist",
        method: "POST",
        path: () => `/dashboard/plans/${MISSING_ID}`,
        body: () => ({ form: { intent: "archive" } }),
        expect: sellers(notFound),
      },
      {
        label: "an unknown intent on shop A's plan",
        method: "POST",
        path: (w) => `/dashboard/plans/${w.planA.id}`,
        body: () => ({ form: { intent: "delete" } }),
        expect: sellers(badRequest),
      },
    ],
  },
  "routes/dashboard.$": {
    private: true,
    probes: [
      {
        label: "an unknown dashboard page",
        method: "GET",
        path: () => "/dashboard/nope",
        expect: sellers(notFound),
      },
    ],
  },

  "routes/dev.outbox": {
    private: true,
    // On only for local runs without an email provider (as in these tests); 404 everywhere else.
    probes: [{ label: "the dev outbox", method: "GET", path: () => "/dev/outbox", expect: everyone(ok) }],
  },

  "routes/webhooks.stripe": {
    probes: [
      {
        label: "the webhook address",
        method: "GET",
        path: () => "/webhooks/stripe",
        expect: everyone(methodNotAllowed),
      },
      {
        label: "an unsigned event",
        method: "POST",
        path: () => "/webhooks/stripe",
        body: () => ({ json: { id: "evt_unsigned", type: "checkout.session.completed" } }),
        expect: everyone(badRequest),
      },
    ],
  },
};
