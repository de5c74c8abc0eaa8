// The seller's sales (a sale's page: refunds, Check with Stripe, resend receipt) and customers.
// The sales list itself (/dashboard/sales: filters, refund the rest, gifts) is in ../access-table.ts.
import { badRequest, MISSING_ID, notFound, ok, type Row, sellers } from "../support/access.ts";

const CLICK = "matrixclick00001";

export const rows: Record<string, Row> = {
  "routes/dashboard.sales_.$orderId": {
    private: true,
    probes: [
      {
        label: "shop A's sale (buyer A's order)",
        method: "GET",
        path: (w) => `/dashboard/sales/${w.purchaseA.orderId}`,
        expect: sellers(notFound, { sellerA: ok }),
      },
      {
        label: "a sale that does not exist",
        method: "GET",
        path: () => `/dashboard/sales/${MISSING_ID}`,
        expect: sellers(notFound),
      },
      {
        label: "a malformed sale id",
        method: "GET",
        path: () => "/dashboard/sales/not-an-id",
        expect: sellers(notFound),
      },
      {
        label: "refunding €1.00 of shop B's sale (buyer B keeps access)",
        method: "POST",
        path: (w) => `/dashboard/sales/${w.purchaseB.orderId}`,
        body: () => ({ form: { intent: "refund", amount: "1.00" } }),
        expect: sellers(notFound, { sellerB: ok }),
      },
      {
        label: "refunding shop A's sale with an amount that is not one",
        method: "POST",
        path: (w) => `/dashboard/sales/${w.purchaseA.orderId}`,
        body: () => ({ form: { intent: "refund", amount: "a lot" } }),
        expect: sellers(notFound, { sellerA: badRequest }),
      },
      {
        label: "checking a refund that does not exist on shop A's sale",
        method: "POST",
        path: (w) => `/dashboard/sales/${w.purchaseA.orderId}`,
        body: () => ({ form: { intent: "check-refund", refundId: MISSING_ID } }),
        expect: sellers(notFound),
      },
      {
        label: "resending shop A's receipt",
        method: "POST",
        path: (w) => `/dashboard/sales/${w.purchaseA.orderId}`,
        body: () => ({ form: { intent: "resend-receipt", clickId: CLICK } }),
        expect: sellers(notFound, { sellerA: ok }),
      },
      {
        label: "resending the receipt of a sale that does not exist",
        method: "POST",
        path: () => `/dashboard/sales/${MISSING_ID}`,
        body: () => ({ form: { intent: "resend-receipt", clickId: CLICK } }),
        expect: sellers(notFound),
      },
    ],
  },
  "routes/dashboard.customers._index": {
    private: true,
    probes: [
      { label: "the customers list", method: "GET", path: () => "/dashboard/customers", expect: sellers(ok) },
    ],
  },
  "routes/dashboard.customers.$customerId": {
    private: true,
    probes: [
      {
        label: "buyer A, a customer of shop A",
        method: "GET",
        path: (w) => `/dashboard/customers/${w.users.buyerA.id}`,
        expect: sellers(notFound, { sellerA: ok }),
      },
      {
        label: "a customer that does not exist",
        method: "GET",
        path: () => `/dashboard/customers/${MISSING_ID}`,
        expect: sellers(notFound),
      },
    ],
  },
};
