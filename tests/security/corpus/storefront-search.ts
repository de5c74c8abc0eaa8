// The storefront search's query parameters and the landing pages' path segments: each hostile value
// in one parameter at a time, beside ordinary values in the others. Reads only: nothing may change.
import { add, get, segment } from "../support/corpus.ts";
import { ALL, MISC, NUL, percentEncode, SAMPLE, UNICODE, XSS } from "../support/payloads.ts";

const base: [string, string][] = [
  ["q", "email"],
  ["type", "PROMPT"],
  ["model", "Claude"],
  ["category", "Copywriting"],
  ["price", "10-25"],
  ["rating", "1"],
  ["language", "en"],
  ["sort", "price-asc"],
  ["currency", "EUR"],
  ["lang", "de"],
];
const query = (name: string, value: string) =>
  [
    ...base.filter(([field]) => field !== name).map(([field, v]) => `${field}=${encodeURIComponent(v)}`),
    `${name}=${value}`,
  ].join("&");

add(
  "GET /search?q=",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: () => get(`/search?q=${percentEncode(payload)}`),
  })),
);
const few = [...XSS.slice(0, 3), ...NUL, ...UNICODE.slice(0, 3), ...MISC.slice(0, 6)];
for (const [name] of [...base, ["after", ""], ["before", ""]] as [string, string][]) {
  add(
    `GET /search?${name}= (with every other filter)`,
    (name === "model" || name === "category" ? SAMPLE : few).map((payload) => ({
      name: payload.name,
      principal: "anonymous",
      payload,
      request: () => get(`/search?${query(name, percentEncode(payload))}`),
    })),
  );
}
for (const landing of ["c", "m"]) {
  add(
    `GET /${landing}/:${landing === "c" ? "category" : "model"}`,
    SAMPLE.map((payload) => ({
      name: payload.name,
      principal: "anonymous",
      payload,
      request: () => get(`/${landing}/${segment(payload)}`),
    })),
  );
  add(
    `GET /${landing}/…?q= and ?sort=`,
    few.map((payload) => ({
      name: payload.name,
      principal: "anonymous",
      payload,
      request: () =>
        get(
          `/${landing}/${landing === "c" ? "copywriting" : "claude"}?q=${percentEncode(payload)}&sort=${percentEncode(payload)}`,
        ),
    })),
  );
}
add(
  "GET /search with a strange Accept-Language",
  ["de-DE,de;q=0.9", "*", "x".repeat(5000), "en-US;q=abc, de;q=-1", ";;;,,,", "zz-ZZ-x-private"].map(
    (value) => ({
      name: value.slice(0, 30),
      principal: "anonymous",
      request: () => get("/search?q=vorlage&sort=price-asc", { "Accept-Language": value }),
    }),
  ),
);
