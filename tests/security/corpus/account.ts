// The subscriber's portal (/account): the cancel/resume/billing portal buttons, the plan change
// form and its preview, and the receipts' ids.
import { add, contentTypeEndpoints, formField, get, post, segment } from "../support/corpus.ts";
import { ALL, MISC, NUL, percentEncode, SAMPLE, UNICODE, XSS } from "../support/payloads.ts";

// The subscriber's portal: cancel/resume/billing portal buttons and the plan change form.
add(
  "POST /account: intent (buyer A's subscription)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: (world) =>
      post("/account?index", formField([["subscriptionId", world.subscriptionA.id]], payload, "intent")),
  })),
);
add(
  "POST /account: subscriptionId (cancel)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () => post("/account?index", formField([["intent", "cancel"]], payload, "subscriptionId")),
  })),
);
add(
  "POST /account/subscriptions/:subscriptionId: planPriceId (buyer A)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: (world) =>
      post(
        `/account/subscriptions/${world.subscriptionA.id}`,
        formField([["prorationDate", String(Math.floor(Date.now() / 1000))]], payload, "planPriceId"),
      ),
  })),
);
add(
  "POST /account/subscriptions/:subscriptionId: prorationDate (buyer A, shop B's price)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: (world) =>
      post(
        `/account/subscriptions/${world.subscriptionA.id}`,
        formField([["planPriceId", world.planB.priceId]], payload, "prorationDate"),
      ),
  })),
);
add(
  "GET /account?changed= (buyer A)",
  [...XSS.slice(0, 3), ...NUL, ...UNICODE.slice(0, 3), ...MISC.slice(0, 3)].map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () => get(`/account?changed=${percentEncode(payload)}`),
  })),
);
add(
  "GET /account/subscriptions/:subscriptionId (buyer A)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () => get(`/account/subscriptions/${segment(payload)}`),
  })),
);
add(
  "GET /account/subscriptions/:subscriptionId?price= (buyer A)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: (world) =>
      get(`/account/subscriptions/${world.subscriptionA.id}?price=${percentEncode(payload)}`),
  })),
);
for (const [path, label] of [
  ["/account/orders", "orderId"],
  ["/account/invoices", "invoiceId"],
] as const) {
  add(
    `GET ${path}/:${label} (buyer A)`,
    SAMPLE.map((payload) => ({
      name: payload.name,
      principal: "buyerA",
      payload,
      request: () => get(`${path}/${segment(payload)}`),
    })),
  );
}
contentTypeEndpoints.push({
  path: "/account?index",
  principal: "buyerA",
  // Valid: a lenient parser would cancel buyer A's subscription.
  fields: (world) => ({ intent: "cancel", subscriptionId: world.subscriptionA.id }),
});

// ─── Account settings (issue 8) ─────────────────────────────────────────────
// The settings forms. A payload that happens to be a valid new address may ask for one email
// change (a token row, the link to the new address and the notice to the old one); nothing else.
add(
  "POST /account/settings: newEmail (buyer A)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    mayAdd: { EmailChangeToken: 1, EmailMessage: 2 },
    request: () => post("/account/settings", formField([["intent", "change-email"]], payload, "newEmail")),
  })),
);
add(
  // Never buyer A's address: a payload cannot equal it, so no case deletes the account.
  "POST /account/settings: confirmEmail (buyer A, delete-account)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () =>
      post("/account/settings", formField([["intent", "delete-account"]], payload, "confirmEmail")),
  })),
);
add(
  // Only "en" and "de" are accepted (no payload is either): every case is refused, User.locale untouched.
  "POST /account/settings: language (buyer A, email-language)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () => post("/account/settings", formField([["intent", "email-language"]], payload, "language")),
  })),
);
add(
  // A valid intent with no other fields: change-email and delete-account are refused for the missing
  // field; sign-out-others is the only intent a payload could hit, and its exact word is not one.
  "POST /account/settings: intent (buyer A)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () =>
      post("/account/settings", formField([["confirmEmail", "not-buyer-a@example.com"]], payload, "intent")),
  })),
);
add(
  "POST /account/email-change: token (anonymous)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => post("/account/email-change", formField([], payload, "token")),
  })),
);
add(
  "GET /account/email-change?token= (buyer A)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () => get(`/account/email-change?token=${percentEncode(payload)}`),
  })),
);
contentTypeEndpoints.push(
  {
    path: "/account/settings",
    principal: "buyerB",
    // Valid: a lenient parser would send buyer B an email change link.
    fields: () => ({ intent: "change-email", newEmail: "content-type-probe@example.com" }),
  },
  {
    path: "/account/email-change",
    principal: "anonymous",
    fields: () => ({ token: "A".repeat(43) }),
  },
);

// Pages that read no input: junk in their query string changes nothing and is never a 5xx.
for (const [surface, principal, path] of [
  ["GET /account/settings/export?junk= (buyer B)", "buyerB", "/account/settings/export"],
  ["GET /account/deleted?junk=", "anonymous", "/account/deleted"],
] as const) {
  add(
    surface,
    SAMPLE.map((payload) => ({
      name: payload.name,
      principal,
      payload,
      request: () => get(`${path}?junk=${percentEncode(payload)}`),
    })),
  );
}
