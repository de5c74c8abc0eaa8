// The subscriber's portal (/account): subscriptions, plan changes, orders and receipts.
import {
  badRequest,
  everyone,
  MISSING_ID,
  members,
  notFound,
  ok,
  type Row,
  toBillingPortal,
} from "../support/access.ts";

export const rows: Record<string, Row> = {
  "routes/account": {
    layout:
      "the subscriber's portal: probed through account._index, .subscriptions.$subscriptionId, .orders._index, .orders.$orderId, .invoices.$invoiceId, .settings, .settings.export and .$",
    private: true,
  },
  "routes/account._index": {
    private: true,
    probes: [
      { label: "the account page", method: "GET", path: () => "/account", expect: members(ok) },
      {
        label: "the billing portal for buyer A's subscription",
        method: "POST",
        // The index route's own action (a form on /account posts to /account?index).
        path: () => "/account?index",
        body: (w) => ({ form: { intent: "billing-portal", subscriptionId: w.subscriptionA.id } }),
        expect: members(notFound, { buyerA: toBillingPortal }),
      },
      {
        label: "cancelling a subscription that does not exist",
        method: "POST",
        // The index route's own action (a form on /account posts to /account?index).
        path: () => "/account?index",
        body: () => ({ form: { intent: "cancel", subscriptionId: MISSING_ID } }),
        expect: members(notFound),
      },
      {
        label: "an unknown action on buyer A's subscription",
        method: "POST",
        // The index route's own action (a form on /account posts to /account?index).
        path: () => "/account?index",
        body: (w) => ({ form: { intent: "delete", subscriptionId: w.subscriptionA.id } }),
        expect: members(badRequest),
      },
    ],
  },
  "routes/account.subscriptions.$subscriptionId": {
    private: true,
    probes: [
      {
        label: "changing plan of buyer A's subscription",
        method: "GET",
        path: (w) => `/account/subscriptions/${w.subscriptionA.id}`,
        expect: members(notFound, { buyerA: ok }),
      },
      {
        label: "previewing buyer A's subscription on shop B's plan",
        method: "GET",
        path: (w) => `/account/subscriptions/${w.subscriptionA.id}?price=${w.planB.priceId}`,
        expect: members(notFound, { buyerA: { status: 409 } }),
      },
      {
        label: "moving buyer A's subscription to shop B's plan",
        method: "POST",
        path: (w) => `/account/subscriptions/${w.subscriptionA.id}`,
        body: (w) => ({
          form: { planPriceId: w.planB.priceId, prorationDate: String(Math.floor(Date.now() / 1000)) },
        }),
        expect: members(notFound, { buyerA: { status: 409 } }),
      },
      {
        label: "a subscription that does not exist",
        method: "GET",
        path: () => `/account/subscriptions/${MISSING_ID}`,
        expect: members(notFound),
      },
    ],
  },
  "routes/account.orders._index": {
    private: true,
    probes: [
      { label: "orders and receipts", method: "GET", path: () => "/account/orders", expect: members(ok) },
    ],
  },
  "routes/account.orders.$orderId": {
    private: true,
    probes: [
      {
        label: "buyer A's order receipt",
        method: "GET",
        path: (w) => `/account/orders/${w.purchaseA.orderId}`,
        expect: members(notFound, { buyerA: ok }),
      },
      {
        label: "an order that does not exist",
        method: "GET",
        path: () => `/account/orders/${MISSING_ID}`,
        expect: members(notFound),
      },
    ],
  },
  "routes/account.invoices.$invoiceId": {
    private: true,
    probes: [
      {
        label: "buyer A's invoice receipt",
        method: "GET",
        path: (w) => `/account/invoices/${w.subscriptionA.invoiceId}`,
        expect: members(notFound, { buyerA: ok }),
      },
      {
        label: "an invoice that does not exist",
        method: "GET",
        path: () => `/account/invoices/${MISSING_ID}`,
        expect: members(notFound),
      },
    ],
  },
  "routes/account.$": {
    private: true,
    probes: [
      {
        label: "an unknown account page",
        method: "GET",
        path: () => "/account/a/b",
        expect: members(notFound),
      },
    ],
  },
  // ─── Account settings (issue 8): email change, sessions, data export, deletion ───
  "routes/account.settings": {
    private: true,
    probes: [
      { label: "the settings page", method: "GET", path: () => "/account/settings", expect: members(ok) },
      {
        label: "an unknown settings action",
        method: "POST",
        path: () => "/account/settings",
        body: () => ({ form: { intent: "delete-everyone" } }),
        expect: members(badRequest),
      },
      {
        // Never the real address: the matrix must not delete its own principals.
        label: "deleting the account with a confirmation that is not its address",
        method: "POST",
        path: () => "/account/settings",
        body: () => ({ form: { intent: "delete-account", confirmEmail: "not-this-account@example.com" } }),
        expect: members(badRequest),
      },
      {
        label: "changing the email to one that is not an address",
        method: "POST",
        path: () => "/account/settings",
        body: () => ({ form: { intent: "change-email", newEmail: "not-an-address" } }),
        expect: members(badRequest),
      },
      {
        label: "choosing a language for emails that Stapel does not speak",
        method: "POST",
        path: () => "/account/settings",
        body: () => ({ form: { intent: "email-language", language: "fr" } }),
        expect: members(badRequest),
      },
    ],
  },
  "routes/account.settings.export": {
    private: true,
    probes: [
      {
        label: "downloading my data (each principal gets only their own)",
        method: "GET",
        path: () => "/account/settings/export",
        expect: members(ok),
      },
    ],
  },
  "routes/account_.email-change": {
    private: true,
    probes: [
      {
        label: "an email change link whose token was never issued",
        method: "GET",
        path: () => `/account/email-change?token=${"A".repeat(43)}`,
        expect: everyone({ status: 410 }),
      },
      {
        label: "an email change link without a token",
        method: "GET",
        path: () => "/account/email-change",
        expect: everyone(notFound),
      },
      {
        label: "following a link whose token was never issued (signed in or not)",
        method: "POST",
        path: () => "/account/email-change",
        body: () => ({ form: { token: "A".repeat(43) } }),
        expect: everyone({ status: 409 }),
      },
      {
        label: "following a link with a malformed token",
        method: "POST",
        path: () => "/account/email-change",
        body: () => ({ form: { token: "../../etc/passwd" } }),
        expect: everyone(badRequest),
      },
    ],
  },
  "routes/account_.deleted": {
    probes: [
      {
        label: "the goodbye page after deleting an account (the same words for everyone)",
        method: "GET",
        path: () => "/account/deleted",
        expect: everyone(ok),
      },
    ],
  },
};
