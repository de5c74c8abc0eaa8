// The buyer's library and the seller's leak tracing: the library's search, an item's id, the
// prompt tool's answers, "Mark as seen", the exports' format and answers, and the leaked text. The
// search and the tool only read; "Mark as seen" goes to an item that does not exist (so a payload
// that happens to be a valid version still changes nothing); tracing only reads.
import { MISSING_ID } from "../support/access.ts";
import { add, contentTypeEndpoints, formField, get, post, segment } from "../support/corpus.ts";
import { ALL, percentEncode, SAMPLE } from "../support/payloads.ts";

const itemOfA = (world: { purchaseA: { entitlementId: string } }) =>
  `/library/${world.purchaseA.entitlementId}`;

add(
  "GET /library?q= (buyer A)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () => get(`/library?q=${percentEncode(payload)}`),
  })),
);
add(
  "GET /library/:entitlementId (buyer A)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () => get(`/library/${segment(payload)}`),
  })),
);
add(
  "GET /library/:entitlementId?v.topic= (buyer A's item, the prompt tool)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: (world) => get(`${itemOfA(world)}?v.topic=${percentEncode(payload)}`),
  })),
);
add(
  "GET /library/:entitlementId/export?format= (buyer A's item)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: (world) => get(`${itemOfA(world)}/export?format=${percentEncode(payload)}`),
  })),
);
add(
  "GET /library/:entitlementId/export?v.topic= (buyer A's item)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: (world) => get(`${itemOfA(world)}/export?format=json&v.topic=${percentEncode(payload)}`),
  })),
);
add(
  "GET /library/:entitlementId/export (the id)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () => get(`/library/${segment(payload)}/export?format=md`),
  })),
);
for (const [field, fixed] of [
  ["version", [["intent", "mark-seen"]]],
  ["intent", [["version", "1"]]],
] as [string, [string, string][]][]) {
  add(
    `POST /library/:entitlementId: ${field} (mark as seen, an item that does not exist)`,
    ALL.map((payload) => ({
      name: payload.name,
      principal: "buyerA",
      payload,
      request: () => post(`/library/${MISSING_ID}`, formField(fixed, payload, field)),
    })),
  );
}
add(
  "POST /dashboard/leaks: text (seller A)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => post("/dashboard/leaks", formField([], payload, "text")),
  })),
);

contentTypeEndpoints.push(
  {
    path: "/library/:entitlementId",
    at: () => `/library/${MISSING_ID}`,
    principal: "buyerA",
    fields: () => ({ intent: "mark-seen", version: "1" }),
  },
  {
    path: "/dashboard/leaks",
    principal: "sellerA",
    fields: () => ({ text: "Licensed to buyer · code ABCD-EFGH" }),
  },
);
