// The buyer's library (the list, an item with its prompt tool and "Mark as seen", the exports) and
// the seller's leak tracing. An item, its exports and its "Mark as seen" are buyer A's alone:
// everyone else gets the same 404 as for an id that does not exist.
import { MISSING_ID, members, notFound, ok, type Row, sellers } from "../support/access.ts";

export const rows: Record<string, Row> = {
  "routes/library": {
    layout:
      "the buyer's section: probed through library._index, .$entitlementId, .$entitlementId_.export and .$",
    private: true,
  },
  "routes/library._index": {
    private: true,
    probes: [
      { label: "the library", method: "GET", path: () => "/library", expect: members(ok) },
      {
        label: "a search of the library",
        method: "GET",
        path: () => "/library?q=cold%20email",
        expect: members(ok),
      },
    ],
  },
  "routes/library.$entitlementId": {
    private: true,
    probes: [
      {
        label: "buyer A's purchase",
        method: "GET",
        path: (w) => `/library/${w.purchaseA.entitlementId}`,
        expect: members(notFound, { buyerA: ok }),
      },
      {
        label: "buyer A's purchase with answers for the prompt tool",
        method: "GET",
        path: (w) => `/library/${w.purchaseA.entitlementId}?v.topic=tea`,
        expect: members(notFound, { buyerA: ok }),
      },
      {
        label: "an item that does not exist",
        method: "GET",
        path: () => `/library/${MISSING_ID}`,
        expect: members(notFound),
      },
      {
        label: "marking buyer A's purchase as seen",
        method: "POST",
        path: (w) => `/library/${w.purchaseA.entitlementId}`,
        body: () => ({ form: { intent: "mark-seen", version: "1" } }),
        expect: members(notFound, { buyerA: ok }),
      },
      {
        label: "marking an item that does not exist as seen",
        method: "POST",
        path: () => `/library/${MISSING_ID}`,
        body: () => ({ form: { intent: "mark-seen", version: "1" } }),
        expect: members(notFound),
      },
    ],
  },
  "routes/library.$entitlementId_.export": {
    private: true,
    probes: [
      {
        label: "buyer A's prompt as Markdown",
        method: "GET",
        path: (w) => `/library/${w.purchaseA.entitlementId}/export?format=md`,
        expect: members(notFound, { buyerA: ok }),
      },
      {
        label: "buyer A's prompt as JSON",
        method: "GET",
        path: (w) => `/library/${w.purchaseA.entitlementId}/export?format=json`,
        expect: members(notFound, { buyerA: ok }),
      },
      {
        label: "an export of an item that does not exist",
        method: "GET",
        path: () => `/library/${MISSING_ID}/export?format=txt`,
        expect: members(notFound),
      },
    ],
  },
  "routes/library.$": {
    private: true,
    probes: [
      {
        label: "an unknown library page",
        method: "GET",
        path: () => "/library/a/b",
        expect: members(notFound),
      },
    ],
  },
  "routes/dashboard.leaks": {
    private: true,
    probes: [
      { label: "the leak tracing page", method: "GET", path: () => "/dashboard/leaks", expect: sellers(ok) },
      {
        label: "tracing a pasted text",
        method: "POST",
        path: () => "/dashboard/leaks",
        // Buyer A's code belongs to shop A: seller B's answer is the same "no trace" page (200).
        body: () => ({ form: { text: "Licensed to buyer · code ABCD-EFGH · via Stapel" } }),
        expect: sellers(ok),
      },
    ],
  },
};
