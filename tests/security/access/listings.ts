// The seller's listing editor (/dashboard/listings…), its markdown preview, and the version emails'
// unsubscribe page (signed links, no sign-in).
import { unsubscribeUrl } from "~/modules/listings/unsubscribe.server.ts";
import { badRequest, everyone, MISSING_ID, notFound, ok, type Row, sellers, to } from "../support/access.ts";
import type { World } from "../support/world.ts";

/** Buyer A's genuine unsubscribe link for shop A, as the email carries it (path and query). */
const unsubscribeLink = (w: World) => {
  const url = new URL(unsubscribeUrl(w.shopA.shop.id, w.users.buyerA.id));
  return { path: `${url.pathname}${url.search}`, fields: Object.fromEntries(url.searchParams) };
};

export const rows: Record<string, Row> = {
  "routes/dashboard.listings._index": {
    private: true,
    probes: [
      { label: "the listings list", method: "GET", path: () => "/dashboard/listings", expect: sellers(ok) },
    ],
  },
  "routes/dashboard.listings.new": {
    private: true,
    probes: [
      {
        label: "the new-listing form",
        method: "GET",
        path: () => "/dashboard/listings/new",
        expect: sellers(ok),
      },
      {
        label: "creating a draft prompt",
        method: "POST",
        path: () => "/dashboard/listings/new",
        body: () => ({
          form: {
            type: "PROMPT",
            title: "Matrix prompt",
            tagline: "A prompt",
            description: "A prompt for the matrix.",
            category: "Testing",
            price: "5.00",
            body: "Write about {{topic}}.",
          },
        }),
        expect: sellers(to("/dashboard/listings/")),
      },
      {
        label: "creating a prompt with broken variables",
        method: "POST",
        path: () => "/dashboard/listings/new",
        body: () => ({ form: { type: "PROMPT", title: "Broken", body: "{{topic" } }),
        expect: sellers(badRequest),
      },
    ],
  },
  "routes/dashboard.listings.$listingId": {
    private: true,
    probes: [
      {
        label: "shop A's listing in the editor",
        method: "GET",
        path: (w) => `/dashboard/listings/${w.shopA.listing.id}`,
        expect: sellers(notFound, { sellerA: ok }),
      },
      {
        label: "a listing that does not exist",
        method: "GET",
        path: () => `/dashboard/listings/${MISSING_ID}`,
        expect: sellers(notFound),
      },
      {
        // Publishing a published listing changes nothing, so every principal can be asked.
        label: "publishing shop A's (published) listing",
        method: "POST",
        path: (w) => `/dashboard/listings/${w.shopA.listing.id}`,
        body: () => ({ form: { intent: "publish" } }),
        expect: sellers(notFound, { sellerA: { status: 409 } }),
      },
      {
        label: "unpublishing a listing that does not exist",
        method: "POST",
        path: () => `/dashboard/listings/${MISSING_ID}`,
        body: () => ({ form: { intent: "unpublish" } }),
        expect: sellers(notFound),
      },
      {
        label: "notifying buyers of a version shop A's listing does not have",
        method: "POST",
        path: (w) => `/dashboard/listings/${w.shopA.listing.id}`,
        body: () => ({ form: { intent: "notify", version: "999" } }),
        expect: sellers(notFound),
      },
      {
        label: "an unknown intent on shop A's listing",
        method: "POST",
        path: (w) => `/dashboard/listings/${w.shopA.listing.id}`,
        body: () => ({ form: { intent: "delete" } }),
        expect: sellers(badRequest),
      },
    ],
  },
  "routes/dashboard.listings.preview": {
    private: true,
    probes: [
      {
        label: "previewing markdown",
        method: "POST",
        path: () => "/dashboard/listings/preview",
        body: () => ({ form: { markdown: "# Hello <script>alert(1)</script>" } }),
        expect: sellers(ok),
      },
      {
        label: "the preview's address",
        method: "GET",
        path: () => "/dashboard/listings/preview",
        expect: everyone({ status: 405 }),
      },
    ],
  },
  "routes/unsubscribe": {
    private: true,
    probes: [
      {
        label: "buyer A's unsubscribe link for shop A (no sign-in needed)",
        method: "GET",
        path: (w) => unsubscribeLink(w).path,
        expect: everyone(ok),
      },
      {
        label: "an unsubscribe link without its signature",
        method: "GET",
        path: (w) => `/unsubscribe?shop=${w.shopA.shop.id}&user=${w.users.buyerA.id}`,
        expect: everyone(notFound),
      },
      {
        // The page's form posts to its own address (the link), with the link's fields.
        label: "buyer A's link with buyer B's id",
        method: "POST",
        path: (w) => unsubscribeLink(w).path,
        body: (w) => ({
          form: { ...unsubscribeLink(w).fields, user: w.users.buyerB.id, intent: "unsubscribe" },
        }),
        expect: everyone(notFound),
      },
      {
        // Buyer A never unsubscribed: resubscribing changes nothing.
        label: "resubscribing through buyer A's link",
        method: "POST",
        path: (w) => unsubscribeLink(w).path,
        body: (w) => ({ form: { ...unsubscribeLink(w).fields, intent: "resubscribe" } }),
        expect: everyone(ok),
      },
    ],
  },
};
