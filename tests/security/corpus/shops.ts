// Opening a shop (/sell), the shop's settings and the payouts button. Each hostile value goes into
// one field while the rest of the form guarantees nothing is written: a shop is opened by a seller
// who has one already (409), and settings are saved with an unknown currency (400).
import { add, contentTypeEndpoints, formField, get, post } from "../support/corpus.ts";
import { ALL, MISC, NUL, percentEncode, UNICODE, XSS } from "../support/payloads.ts";

const openShopFields: [string, string][] = [
  ["handle", "corpus-shop"],
  ["name", "Corpus shop"],
  ["bio", "A bio"],
  ["links", "https://corpus.example"],
  ["defaultCurrency", "EUR"],
];
const settingsFields: [string, string][] = [
  ["name", "Corpus shop"],
  ["bio", "A bio"],
  ["links", "https://corpus.example"],
  ["defaultCurrency", "GBP"],
  ["avatarImageId", ""],
];
const without = (fields: [string, string][], name: string) => fields.filter(([field]) => field !== name);

for (const [field] of openShopFields) {
  add(
    `POST /sell: ${field} (seller A, who has a shop)`,
    ALL.map((payload) => ({
      name: payload.name,
      principal: "sellerA",
      payload,
      request: () => post("/sell", formField(without(openShopFields, field), payload, field)),
    })),
  );
}
add(
  "POST /sell: handle (buyer A, without a name)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () =>
      post("/sell", formField([...without(openShopFields, "handle"), ["name", ""]], payload, "handle")),
  })),
);
for (const [field] of settingsFields) {
  // The currency makes the form invalid; when the currency is the hostile field, an empty name does.
  const rest: [string, string][] =
    field === "defaultCurrency"
      ? [...without(without(settingsFields, field), "name"), ["name", ""]]
      : without(settingsFields, field);
  add(
    `POST /dashboard/settings: ${field} (seller A)`,
    ALL.map((payload) => ({
      name: payload.name,
      principal: "sellerA",
      payload,
      request: () => post("/dashboard/settings", formField(rest, payload, field)),
    })),
  );
}
add(
  "POST /dashboard/payouts: intent (seller A)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => post("/dashboard/payouts", formField([], payload, "intent")),
  })),
);
add(
  "GET /dashboard/payouts?from= (seller A)",
  [...XSS.slice(0, 3), ...NUL, ...UNICODE.slice(0, 3), ...MISC.slice(0, 3)].map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => get(`/dashboard/payouts?from=${percentEncode(payload)}`),
  })),
);
contentTypeEndpoints.push(
  {
    path: "/sell",
    principal: "buyerA",
    // Valid: a lenient parser would open a shop for buyer A.
    fields: () => Object.fromEntries(openShopFields),
  },
  {
    path: "/dashboard/settings",
    principal: "sellerA",
    // Valid: a lenient parser would rename shop A.
    fields: () => ({ name: "Renamed by a lenient parser", defaultCurrency: "USD" }),
  },
);
