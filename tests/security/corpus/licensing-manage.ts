// Managing licence keys: the key page's intent and activation id, the keys list's search and
// filters, the buyer's "Free this device" fields, and the key ids in both paths. None of these
// payloads is a valid intent or id, so every case must change nothing.
import { add, contentTypeEndpoints, formField, get, post, segment } from "../support/corpus.ts";
import { ALL, percentEncode, SAMPLE } from "../support/payloads.ts";

const keyOfA = (world: { purchaseA: { licenseKeyId: string } }) =>
  `/dashboard/licenses/${world.purchaseA.licenseKeyId}`;
const freeOnA = (world: { purchaseA: { licenseKeyId: string } }) =>
  `/library/keys/${world.purchaseA.licenseKeyId}`;

for (const [field, fixed] of [
  ["intent", []],
  ["activationId", [["intent", "remove-activation"]]],
] as [string, [string, string][]][]) {
  add(
    `POST /dashboard/licenses/:keyId: ${field} (seller A, buyer A's key)`,
    ALL.map((payload) => ({
      name: payload.name,
      principal: "sellerA",
      payload,
      request: (world) => post(keyOfA(world), formField(fixed, payload, field)),
    })),
  );
}
for (const [field, fixed] of [
  ["intent", [["activationId", "cmissing00000000000000000"]]],
  ["activationId", [["intent", "deactivate"]]],
  [
    "entitlementId",
    [
      ["intent", "deactivate"],
      ["activationId", "cmissing00000000000000000"],
    ],
  ],
] as [string, [string, string][]][]) {
  add(
    `POST /library/keys/:keyId: ${field} (buyer A's key)`,
    ALL.map((payload) => ({
      name: payload.name,
      principal: "buyerA",
      payload,
      request: (world) => post(freeOnA(world), formField(fixed, payload, field)),
    })),
  );
}
for (const name of ["q", "status", "page"]) {
  add(
    `GET /dashboard/licenses?${name}= (seller A)`,
    SAMPLE.map((payload) => ({
      name: payload.name,
      principal: "sellerA",
      payload,
      request: () => get(`/dashboard/licenses?${name}=${percentEncode(payload)}`),
    })),
  );
}
add(
  "GET /dashboard/licenses/:keyId (seller A)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => get(`/dashboard/licenses/${segment(payload)}`),
  })),
);
add(
  "POST /dashboard/licenses/:keyId path (seller A, enable)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => post(`/dashboard/licenses/${segment(payload)}`, "intent=enable"),
  })),
);
add(
  "POST /library/keys/:keyId path (buyer A)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () =>
      post(`/library/keys/${segment(payload)}`, "intent=deactivate&activationId=cmissing00000000000000000"),
  })),
);
contentTypeEndpoints.push(
  {
    path: "/dashboard/licenses/:keyId",
    at: keyOfA,
    principal: "sellerA",
    fields: () => ({ intent: "disable" }),
  },
  {
    path: "/library/keys/:keyId",
    at: freeOnA,
    principal: "buyerA",
    fields: () => ({ intent: "deactivate", activationId: "cmissing00000000000000000" }),
  },
);
