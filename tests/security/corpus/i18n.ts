// The viewer's language and currency: `?lang=` and `?currency=` on every kind of public page, the
// `lang` and `currency` cookies the switchers set, and both at once with a strange Accept-Language.
// Junk falls back (English, EUR) and never errors; nothing may change and nothing is reflected.
import { add, get } from "../support/corpus.ts";
import { MISC, NUL, percentEncode, UNICODE, XSS } from "../support/payloads.ts";

const few = [...XSS.slice(0, 3), ...NUL, ...UNICODE.slice(0, 3), ...MISC.slice(0, 6)];
const pages = (slug: string) => ["/", "/search?q=email", `/p/${slug}`, "/login"];

for (const name of ["lang", "currency"]) {
  add(
    `GET public pages ?${name}=`,
    few.flatMap((payload) =>
      pages("SLUG").map((page) => ({
        name: `${payload.name} on ${page.split("?")[0]}`,
        principal: "anonymous" as const,
        payload,
        request: (world) => {
          const path = page.replace("SLUG", world.shopA.listing.slug);
          return get(`${path}${path.includes("?") ? "&" : "?"}${name}=${percentEncode(payload)}`);
        },
      })),
    ),
  );
  add(
    `GET public pages with a junk ${name} cookie`,
    few.map((payload) => ({
      name: payload.name,
      principal: "anonymous" as const,
      request: (world) =>
        get(`/p/${world.shopA.listing.slug}`, {
          Cookie: `${name}=${percentEncode(payload) || "%20"}; ${name}=de`,
        }),
    })),
  );
}

add(
  "GET / with junk in both switchers, both cookies and Accept-Language",
  [
    ["DE", "usd", "de-DE"],
    ["de%00", "EUR%0d%0aSet-Cookie:%20x=1", "*"],
    ["x".repeat(3000), "y".repeat(3000), "x".repeat(5000)],
    ["en&lang=de", "USD&currency=GBP", "en-US;q=abc, de;q=-1"],
    ["%E0%A4%A", "%C3%28", ";;;,,,"],
  ].map(([lang = "", currency = "", languages = ""]) => ({
    name: `${lang.slice(0, 12)} / ${currency.slice(0, 12)} / ${languages.slice(0, 12)}`,
    principal: "anonymous" as const,
    request: () =>
      get(`/?lang=${lang}&currency=${currency}`, {
        Cookie: `lang=${encodeURIComponent(lang)}; currency=${encodeURIComponent(currency)}`,
        "Accept-Language": languages,
      }),
  })),
);
