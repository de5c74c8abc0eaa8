// The public licence APIs: the legacy /api/licenses/verify, Gumroad's verify and Lemon Squeezy's
// activate/validate/deactivate, and the shops' public keys. Hostile values in every field, as form
// fields and as JSON, and JSON of the wrong types. Cases that name buyer A's real key keep their
// answer from changing anything: verify is told not to count, activate gets an instance name or a
// key that is refused whatever the payload, deactivate an instance that does not exist.
import { MISSING_ID } from "../support/access.ts";
import { add, contentTypeEndpoints, formField, get, post, segment } from "../support/corpus.ts";
import { FORM } from "../support/http.ts";
import { ALL, ONE_MB, percentEncode, SAMPLE } from "../support/payloads.ts";
import type { World } from "../support/world.ts";

const MISSING_KEY = "STPL-AAAAA-AAAAA-AAAAA-AAAAA";

// ─── The legacy /api/licenses/verify (moved here from bad-input.test.ts) ────
const api = (body: string | Buffer, contentType = "application/json") =>
  post("/api/licenses/verify", body, contentType);
add(
  "POST /api/licenses/verify: JSON key",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => api(JSON.stringify({ key: payload.value })),
  })),
);
add(
  "POST /api/licenses/verify: form key",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => api(`key=${percentEncode(payload)}`, FORM),
  })),
);

/** Wrong JSON: types, shapes and sizes a lenient parser might accept. `field` carries the key. */
const wrongJson = (field: string): [string, string][] => [
  ["number", `{"${field}": 12345}`],
  ["boolean", `{"${field}": true}`],
  ["null", `{"${field}": null}`],
  ["array", `{"${field}": ["${MISSING_KEY}"]}`],
  ["object", `{"${field}": {"$ne": null}}`],
  ["no key", `{"licence": "${MISSING_KEY}"}`],
  ["top-level array", "[]"],
  ["top-level string", `"${MISSING_KEY}"`],
  ["top-level number", "1"],
  ["top-level null", "null"],
  ["huge number", `{"${field}": 1e400}`],
  ["broken JSON", `{"${field}": `],
  ["trailing garbage", `{"${field}": "x"} garbage`],
  ["BOM first", `\ufeff{"${field}": "x"}`],
  ["duplicate keys", `{"${field}": "x", "${field}": "${MISSING_KEY}"}`],
  [
    "prototype pollution",
    `{"__proto__": {"valid": true, "success": true}, "constructor": {"prototype": {"valid": true}}, "${field}": "x"}`,
  ],
  ["deep nesting", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
  ["1 MB string", JSON.stringify({ [field]: "A".repeat(ONE_MB) })],
  ["empty body", ""],
  ["NUL in JSON", `{"${field}": "STPL-\\u0000"}`],
];
add(
  "POST /api/licenses/verify: wrong JSON types",
  wrongJson("key").map(([name, body]) => ({ name, principal: "anonymous", request: () => api(body) })),
);

// ─── /api/v1/licenses/* ─────────────────────────────────────────────────────
type Endpoint = {
  name: "verify" | "activate" | "validate" | "deactivate";
  /** Valid fields that change nothing: the case's payload replaces one of them. */
  fields: (world: World) => [string, string][];
  /** Fields hostile values go into. */
  targets: string[];
};

const endpoints: Endpoint[] = [
  {
    // Buyer A's key for shop B's listing: never a match, so no payload can count a use.
    name: "verify",
    fields: (w) => [
      ["product_id", w.shopB.listing.id],
      ["license_key", w.purchaseA.licenseKey],
      ["increment_uses_count", "false"],
    ],
    targets: ["license_key", "product_id", "product_permalink", "increment_uses_count", "token"],
  },
  {
    // The key does not exist, so no payload in another field can activate anything.
    name: "activate",
    fields: () => [
      ["license_key", MISSING_KEY],
      ["instance_name", "corpus"],
    ],
    targets: ["license_key", "instance_name"],
  },
  {
    name: "validate",
    fields: (w) => [
      ["license_key", w.purchaseA.licenseKey],
      ["instance_id", MISSING_ID],
    ],
    targets: ["license_key", "instance_id", "token"],
  },
  {
    name: "deactivate",
    fields: (w) => [
      ["license_key", w.purchaseA.licenseKey],
      ["instance_id", MISSING_ID],
    ],
    targets: ["license_key", "instance_id"],
  },
];

for (const endpoint of endpoints) {
  const path = `/api/v1/licenses/${endpoint.name}`;
  for (const field of endpoint.targets) {
    const others = (w: World) => endpoint.fields(w).filter(([name]) => name !== field);
    add(
      `POST ${path}: form ${field}`,
      ALL.map((payload) => ({
        name: payload.name,
        principal: "anonymous",
        payload,
        request: (w) => post(path, formField(others(w), payload, field)),
      })),
    );
    add(
      `POST ${path}: JSON ${field}`,
      SAMPLE.map((payload) => ({
        name: payload.name,
        principal: "anonymous",
        payload,
        request: (w) =>
          post(
            path,
            JSON.stringify({ ...Object.fromEntries(others(w)), [field]: payload.value }),
            "application/json",
          ),
      })),
    );
  }
  add(
    `POST ${path}: wrong JSON types`,
    wrongJson("license_key").map(([name, body]) => ({
      name,
      principal: "anonymous",
      request: () => post(path, body, "application/vnd.api+json"),
    })),
  );
}

add(
  "GET /api/v1/shops/:handle/license-public-key: handle",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => get(`/api/v1/shops/${segment(payload)}/license-public-key`),
  })),
);

contentTypeEndpoints.push(
  { path: "/api/licenses/verify", principal: "anonymous", fields: () => ({ key: MISSING_KEY }) },
  {
    path: "/api/v1/licenses/verify",
    principal: "anonymous",
    // JSON is one of this API's own types: told not to count, an accepted verify changes nothing.
    fields: (w) => ({
      product_id: w.shopA.listing.id,
      license_key: w.purchaseA.licenseKey,
      increment_uses_count: "false",
    }),
  },
  {
    path: "/api/v1/licenses/activate",
    principal: "anonymous",
    fields: () => ({ license_key: MISSING_KEY, instance_name: "lenient parser" }),
  },
  {
    path: "/api/v1/licenses/deactivate",
    principal: "anonymous",
    fields: (w) => ({ license_key: w.purchaseA.licenseKey, instance_id: MISSING_ID }),
  },
);
