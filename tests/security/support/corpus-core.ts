// The bad-input corpus's own surfaces (sign-in, checkout, sales, plans, the storefront's query
// strings, path parameters, the Stripe webhook, wrong content types on every POST endpoint, cookies
// and headers). Each area adds its own in tests/security/corpus/<area>.ts; corpus-run.ts runs them all.
import Stripe from "stripe";
import { add, contentTypeEndpoints, EMAIL, formField, get, post, segment } from "./corpus.ts";
import { FORM, formBody, resolveLocation } from "./http.ts";
import {
  ALL,
  MISC,
  NUL,
  ONE_MB,
  type Payload,
  percentEncode,
  SAMPLE,
  TRAVERSAL,
  UNICODE,
  XSS,
} from "./payloads.ts";

// ─── Forms ─────────────────────────────────────────────────────────────────

add(
  "POST /login: email",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => post("/login", formField([], payload, "email")),
  })),
);
add(
  "POST /login: redirectTo (with a valid email)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => post("/login", formField([["email", EMAIL]], payload, "redirectTo")),
    mayAdd: { SignInToken: 1, EmailMessage: 1 },
    // If a link was made, the place it leads to is one of our own pages.
    check: async (_reply, world, state) => {
      const rows = await state.query<{ redirectTo: string | null }>(
        `select "redirectTo" from "SignInToken" order by "createdAt" desc limit 1`,
      );
      const stored = rows[0]?.redirectTo;
      if (!stored) return null;
      const target = resolveLocation(stored, world.server.url);
      return target.origin === new URL(world.server.url).origin
        ? null
        : `a sign-in link was stored that leads to ${target.origin}`;
    },
  })),
);
add(
  "POST /login: website (the honeypot, with a valid email)",
  [...XSS.slice(0, 4), ...NUL, ...MISC.filter((payload) => payload.value.trim() !== "")].map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => post("/login", formField([["email", EMAIL]], payload, "website")),
  })),
);
add(
  "POST /login/verify: token",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => post("/login/verify", formField([], payload, "token")),
  })),
);
add(
  "POST /checkout: listingId (buyer A)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () => post("/checkout", formField([], payload, "listingId")),
  })),
);
add(
  "POST /dashboard/sales: orderId (seller A)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => post("/dashboard/sales", formField([["intent", "refund"]], payload, "orderId")),
  })),
);
add(
  "POST /dashboard/sales: intent (seller A, buyer A's order)",
  [...XSS.slice(0, 4), ...NUL, ...MISC.slice(0, 6)].map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) =>
      post("/dashboard/sales", formField([["orderId", world.purchaseA.orderId]], payload, "intent")),
  })),
);
add(
  "POST /subscribe: planPriceId (buyer A)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () => post("/subscribe", formField([], payload, "planPriceId")),
  })),
);
// The plan forms: every hostile value comes back in the re-rendered form. Without a price the plan
// is never saved, so the page renders whatever the name or description held.
const planFormSurfaces: [field: string, payloads: Payload[], rest: [string, string][]][] = [
  ["name", ALL, [["grants", "everything"]]],
  [
    "description",
    SAMPLE,
    [
      ["name", "Corpus plan"],
      ["grants", "everything"],
    ],
  ],
  [
    "priceMonthEur",
    SAMPLE,
    [
      ["name", "Corpus plan"],
      ["grants", "everything"],
    ],
  ],
  [
    "priceYearUsd",
    [...XSS.slice(0, 2), ...NUL, ...MISC.slice(0, 2), ...MISC.slice(8, 11)],
    [
      ["name", "Corpus plan"],
      ["grants", "everything"],
    ],
  ],
  [
    "trialDays",
    SAMPLE,
    [
      ["name", "Corpus plan"],
      ["grants", "everything"],
    ],
  ],
  ["grants", [...XSS.slice(0, 4), ...NUL, ...MISC.slice(0, 6)], [["name", "Corpus plan"]]],
  [
    "categories",
    SAMPLE,
    [
      ["name", "Corpus plan"],
      ["grants", "selection"],
    ],
  ],
  [
    "listingIds",
    SAMPLE,
    [
      ["name", "Corpus plan"],
      ["grants", "selection"],
    ],
  ],
];
for (const [field, payloads, rest] of planFormSurfaces) {
  add(
    `POST /dashboard/plans/new: ${field} (seller A)`,
    payloads.map((payload) => ({
      name: payload.name,
      principal: "sellerA",
      payload,
      request: () => post("/dashboard/plans/new", formField(rest, payload, field)),
    })),
  );
}
add(
  "POST /dashboard/plans/:planId: name (seller A's plan, no price)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) =>
      post(
        `/dashboard/plans/${world.planA.id}`,
        formField(
          [
            ["intent", "save"],
            ["grants", "everything"],
          ],
          payload,
          "name",
        ),
      ),
  })),
);
add(
  "POST /dashboard/plans/:planId: intent (seller A's plan)",
  [...XSS.slice(0, 4), ...NUL, ...MISC.slice(0, 6)].map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) => post(`/dashboard/plans/${world.planA.id}`, formField([], payload, "intent")),
  })),
);
add(
  "POST /logout: any field (signed out)",
  [...XSS.slice(0, 4), ...NUL, ...MISC.slice(0, 3)].map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => post("/logout", formField([], payload, "redirectTo")),
  })),
);

// ─── Query strings ─────────────────────────────────────────────────────────

add(
  "GET /?q=",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => get(`/?q=${percentEncode(payload)}`),
  })),
);
for (const parameter of ["type", "model", "category", "sort"]) {
  add(
    `GET /?${parameter}=`,
    (parameter === "model" || parameter === "category"
      ? SAMPLE
      : [...XSS.slice(0, 3), ...NUL, ...UNICODE.slice(0, 3)]
    ).map((payload) => ({
      name: payload.name,
      principal: "anonymous",
      payload,
      request: () => get(`/?q=prompt&${parameter}=${percentEncode(payload)}`),
    })),
  );
}
add(
  "GET /checkout/success?session_id= (buyer A)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "buyerA",
    payload,
    request: () => get(`/checkout/success?session_id=${percentEncode(payload)}`),
  })),
);
add(
  "GET /login/verify?token=",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => get(`/login/verify?token=${percentEncode(payload)}`),
  })),
);
add(
  "GET /login?redirectTo= (rendered into the form)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => get(`/login?redirectTo=${percentEncode(payload)}`),
  })),
);
add(
  "GET /login?redirectTo= (signed in: followed at once)",
  [...SAMPLE.filter((payload) => !payload.name.startsWith("xss")), ...XSS.slice(0, 2), ...XSS.slice(-4)].map(
    (payload) => ({
      name: payload.name,
      principal: "buyerA",
      payload,
      request: () => get(`/login?redirectTo=${percentEncode(payload)}`),
      check: (reply, world) => {
        const location = reply.header("location");
        if (!location) return null;
        const target = resolveLocation(location, world.server.url);
        return target.origin === new URL(world.server.url).origin ? null : `redirected to ${target.href}`;
      },
    }),
  ),
);

// ─── Path parameters ───────────────────────────────────────────────────────
add(
  "GET /p/:slug",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => get(`/p/${segment(payload)}`),
  })),
);
add(
  "GET /s/:handle",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => get(`/s/${segment(payload)}`),
  })),
);
add(
  "GET /s/:handle/plans/:planId",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: (world) => get(`/s/${world.planA.handle}/plans/${segment(payload)}`),
  })),
);
add(
  "GET /s/:handle/plans/:planId (the handle)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: (world) => get(`/s/${segment(payload)}/plans/${world.planA.id}`),
  })),
);
add(
  "GET /s/:handle/plans/:planId?checkout=",
  [...XSS.slice(0, 3), ...NUL, ...UNICODE.slice(0, 3)].map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: (world) =>
      get(`/s/${world.planA.handle}/plans/${world.planA.id}?checkout=${percentEncode(payload)}`),
  })),
);
add(
  "GET /dashboard/plans/:planId (seller A)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => get(`/dashboard/plans/${segment(payload)}`),
  })),
);
add(
  "GET /dashboard/plans/:planId?created= (seller A)",
  [...XSS.slice(0, 3), ...NUL, ...UNICODE.slice(0, 3)].map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) => get(`/dashboard/plans/${world.planA.id}?created=${percentEncode(payload)}`),
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
  "raw traversal in the path",
  [
    "/p/../../../../etc/passwd",
    "/library/..%2f..%2f..%2fetc%2fpasswd",
    "/downloads/..%2F..%2Fetc%2Fpasswd?u=a&e=b&exp=1&sig=c",
    "/assets/..%2f..%2fpackage.json",
    "/assets/../../package.json",
    "/..%2f..%2f.env",
    "/%2e%2e/%2e%2e/.env",
    "/build/server/index.js",
    "/.env",
    "/favicon.svg/..%2f..%2f..%2fpackage.json",
  ].map((path) => ({ name: path, principal: "anonymous", request: () => get(path) })),
);

// The licence APIs' cases live in corpus/licensing.ts.

// ─── The Stripe webhook ────────────────────────────────────────────────────
const fakeEvent = JSON.stringify({
  id: "evt_corpus_0001",
  object: "event",
  type: "checkout.session.completed",
  created: Math.floor(Date.now() / 1000),
  data: { object: { id: "cs_test_corpus", object: "checkout.session", metadata: { orderId: "x" } } },
});
const sign = (payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
const webhook = (body: string, signature?: string, contentType = "application/json") =>
  post(
    "/webhooks/stripe",
    body,
    contentType,
    signature === undefined ? {} : { "Stripe-Signature": signature },
  );
add(
  "POST /webhooks/stripe: unsigned bodies",
  [
    ["empty", ""],
    ["empty object", "{}"],
    ["not JSON", "not json at all"],
    ["a plausible event", fakeEvent],
    ["1 MB", JSON.stringify({ id: "evt_big", padding: "A".repeat(ONE_MB) })],
    ["NUL", '{"id":"evt_\\u0000"}'],
    ["XSS in the type", JSON.stringify({ id: "evt_x", type: XSS[0]?.value })],
    ["deep nesting", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
  ].map(([name, body]) => ({
    name: name as string,
    principal: "anonymous",
    request: () => webhook(body as string),
  })),
);
add(
  "POST /webhooks/stripe: bad signatures",
  [
    ["empty header", () => ""],
    ["garbage header", () => "garbage"],
    ["empty parts", () => "t=,v1="],
    ["non-numeric timestamp", () => "t=abc,v1=def"],
    ["wrong secret", () => sign(fakeEvent, "whsec_not_the_right_secret_0000000000")],
    [
      "right secret, an hour old",
      (secret: string) => sign(fakeEvent, secret, Math.floor(Date.now() / 1000) - 3600),
    ],
    [
      "right secret, a day ahead",
      (secret: string) => sign(fakeEvent, secret, Math.floor(Date.now() / 1000) + 86_400),
    ],
    ["right secret, another body", (secret: string) => sign("{}", secret)],
    ["v0 scheme only", (secret: string) => sign(fakeEvent, secret).replace("v1=", "v0=")],
    ["NUL in the header", () => "t=1,v1=\u0000".replace("\u0000", "%00")],
    ["10 kB header", () => `t=1,${"v1=abcdef,".repeat(1000)}`],
  ].map(([name, header]) => ({
    name: name as string,
    principal: "anonymous",
    request: (world) =>
      webhook(fakeEvent, (header as (secret: string) => string)(world.server.sandbox.webhookSecret)),
  })),
);

// ─── Wrong content types, on every POST endpoint ───────────────────────────
const BOUNDARY = "----corpusBoundary7MA4YWxkTrZu0gW";
contentTypeEndpoints.push(
  { path: "/login", principal: "anonymous", fields: () => ({ email: EMAIL }) },
  { path: "/login/verify", principal: "anonymous", fields: () => ({ token: "not-a-real-token" }) },
  { path: "/checkout", principal: "buyerA", fields: (world) => ({ listingId: world.shopB.listing.id }) },
  { path: "/logout", principal: "anonymous", fields: () => ({}) },
  {
    path: "/dashboard/sales",
    principal: "sellerA",
    // A spare paid order: if a lenient parser did act, buyer A's purchase stays intact for the rest.
    fields: (world) => ({ intent: "refund", orderId: world.refundableOrderIdsA[0] ?? "" }),
  },
  { path: "/subscribe", principal: "buyerB", fields: (world) => ({ planPriceId: world.planA.priceId }) },
  {
    path: "/dashboard/plans/new",
    principal: "sellerA",
    // Valid: a lenient parser would create a plan, and the state check would notice.
    fields: () => ({ name: "Lenient", grants: "everything", priceMonthEur: "5.00" }),
  },
  {
    path: "/dashboard/plans/:planId",
    at: (world) => `/dashboard/plans/${world.planA.id}`,
    principal: "sellerA",
    fields: () => ({ intent: "archive" }),
  },
  { path: "/webhooks/stripe", principal: "anonymous", fields: () => ({ id: "evt_x" }) },
);
const multipart = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(
      ([name, value]) =>
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join("");
const contentTypeVariants: [
  string,
  (fields: Record<string, string>) => {
    body: string | Buffer;
    type?: string;
    headers?: Record<string, string>;
  },
][] = [
  // The values are valid: a lenient parser would act on them, and the state check would notice.
  ["JSON", (fields) => ({ body: JSON.stringify(fields), type: "application/json" })],
  [
    "text/plain (a cross-site form can send it)",
    (fields) => ({ body: new URLSearchParams(fields).toString(), type: "text/plain" }),
  ],
  ["multipart without a boundary", (fields) => ({ body: multipart(fields), type: "multipart/form-data" })],
  [
    "multipart cut off",
    (fields) => ({ body: multipart(fields).slice(0, -7), type: `multipart/form-data; boundary=${BOUNDARY}` }),
  ],
  [
    "multipart with a wrong boundary",
    (fields) => ({
      body: `${multipart(fields)}--${BOUNDARY}--\r\n`,
      type: "multipart/form-data; boundary=other",
    }),
  ],
  [
    "multipart with a file where text belongs",
    (fields) => ({
      body: `${Object.keys(fields)
        .map(
          (name) =>
            `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\n${"x".repeat(1000)}\r\n`,
        )
        .join("")}--${BOUNDARY}--\r\n`,
      type: `multipart/form-data; boundary=${BOUNDARY}`,
    }),
  ],
  [
    "XML",
    (fields) => ({
      body: `<?xml version="1.0"?><form>${Object.entries(fields)
        .map(([n, v]) => `<${n}>${v}</${n}>`)
        .join("")}</form>`,
      type: "application/xml",
    }),
  ],
  ["no Content-Type", (fields) => ({ body: new URLSearchParams(fields).toString() })],
  [
    "binary garbage as a form",
    () => ({
      body: Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 7919) % 256)),
      type: FORM,
    }),
  ],
  ["broken %-escapes", () => ({ body: "a=%zz%&b=%E0%A4%A&%", type: FORM })],
  [
    "10,000 fields",
    () => ({
      body: Array.from({ length: 10_000 }, (_, index) => `f${index}=${index}`).join("&"),
      type: FORM,
    }),
  ],
  [
    "every field twice",
    (fields) => ({
      body: `${new URLSearchParams(fields)}&${new URLSearchParams(Object.fromEntries(Object.keys(fields).map((k) => [k, "other"])))}`,
      type: FORM,
    }),
  ],
  ["1 MB form", () => ({ body: `x=${"a".repeat(ONE_MB)}`, type: FORM })],
  [
    "gzip that is not gzip",
    (fields) => ({
      body: new URLSearchParams(fields).toString(),
      type: FORM,
      headers: { "Content-Encoding": "gzip" },
    }),
  ],
];
for (const endpoint of contentTypeEndpoints) {
  add(
    `POST ${endpoint.path}: wrong content types`,
    contentTypeVariants.map(([name, make]) => ({
      name,
      principal: endpoint.principal,
      request: (world) => {
        const { body, type, headers } = make(endpoint.fields(world));
        return {
          method: "POST",
          path: endpoint.at?.(world) ?? endpoint.path,
          body,
          headers: { ...(type && { "Content-Type": type }), ...headers },
        };
      },
    })),
  );
}

// ─── Cookies and other headers ─────────────────────────────────────────────
add(
  "GET /library with a bad session cookie",
  [
    ...XSS.slice(0, 2),
    ...NUL,
    ...TRAVERSAL.slice(0, 2),
    { name: "unsigned id", value: "eyJzZXNzaW9uSWQiOiJ4In0=" },
    { name: "bad signature", value: "eyJzZXNzaW9uSWQiOiJ4In0%3D.AAAA" },
    { name: "8 kB", value: "A".repeat(8000) },
    { name: "empty", value: "" },
  ].map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => get("/library", { Cookie: `__stapel_session=${percentEncode(payload)}` }),
  })),
);
add(
  "POST /checkout with a strange Referer (signed out)",
  [
    "http://[::1",
    "javascript:alert(1)",
    "//evil.example/p/x",
    "https://evil.example/p/x",
    "/p/<script>alert(1)</script>",
    "not a url",
    "http://a/%00",
    "\t",
    `http://127.0.0.1/${"a".repeat(8000)}`,
    "http://127.0.0.1/p/x?redirectTo=//evil.example",
  ].map((referer) => ({
    name: referer.slice(0, 40),
    principal: "anonymous",
    request: (world) =>
      post("/checkout", formBody({ listingId: world.shopA.listing.id }), FORM, { Referer: referer }),
    check: (reply, world) => {
      const location = reply.header("location");
      if (!location) return null;
      const target = resolveLocation(location, world.server.url);
      const back = target.searchParams.get("redirectTo");
      if (target.origin !== new URL(world.server.url).origin) return `redirected to ${target.href}`;
      if (back && resolveLocation(back, world.server.url).origin !== target.origin)
        return `the sign-in page would send the buyer on to ${back}`;
      return null;
    },
  })),
);
