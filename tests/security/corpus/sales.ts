// The seller's sales: a sale's refund, Check with Stripe and resend-receipt buttons, the gift form,
// the sales list's filters, and the sale and customer ids. None of these payloads is a valid amount,
// click id, refund id or email address, so every case must change nothing.
import { add, contentTypeEndpoints, formField, get, post, segment } from "../support/corpus.ts";
import { ALL, percentEncode, SAMPLE } from "../support/payloads.ts";

const saleOfA = (world: { purchaseA: { orderId: string } }) => `/dashboard/sales/${world.purchaseA.orderId}`;

for (const [field, fixed] of [
  ["amount", [["intent", "refund"]]],
  ["refundId", [["intent", "check-refund"]]],
  ["clickId", [["intent", "resend-receipt"]]],
  ["intent", [["amount", "1.00"]]],
] as [string, [string, string][]][]) {
  add(
    `POST /dashboard/sales/:orderId: ${field} (seller A, buyer A's order)`,
    ALL.map((payload) => ({
      name: payload.name,
      principal: "sellerA",
      payload,
      request: (world) => post(saleOfA(world), formField(fixed, payload, field)),
    })),
  );
}
add(
  "POST /dashboard/sales: email (gift of shop A's listing)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) =>
      post(
        "/dashboard/sales",
        formField(
          [
            ["intent", "gift"],
            ["listingId", world.shopA.listing.id],
          ],
          payload,
          "email",
        ),
      ),
  })),
);
add(
  "POST /dashboard/sales: listingId (gift)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () =>
      post(
        "/dashboard/sales",
        formField(
          [
            ["intent", "gift"],
            ["email", "corpus-gift@example.com"],
          ],
          payload,
          "listingId",
        ),
      ),
  })),
);
for (const name of ["period", "listing", "status", "country", "page"]) {
  add(
    `GET /dashboard/sales?${name}= (seller A)`,
    SAMPLE.map((payload) => ({
      name: payload.name,
      principal: "sellerA",
      payload,
      request: () => get(`/dashboard/sales?${name}=${percentEncode(payload)}`),
    })),
  );
}
add(
  "GET /dashboard/customers?page= (seller A)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => get(`/dashboard/customers?page=${percentEncode(payload)}`),
  })),
);
for (const [path, label] of [
  ["/dashboard/sales", "orderId"],
  ["/dashboard/customers", "customerId"],
] as const) {
  add(
    `GET ${path}/:${label} (seller A)`,
    SAMPLE.map((payload) => ({
      name: payload.name,
      principal: "sellerA",
      payload,
      request: () => get(`${path}/${segment(payload)}`),
    })),
  );
}
contentTypeEndpoints.push({
  path: "/dashboard/sales/:orderId",
  at: saleOfA,
  principal: "sellerA",
  // Valid: a lenient parser would queue the receipt again, and the state check would notice.
  fields: () => ({ intent: "resend-receipt", clickId: "corpusclick00001" }),
});
