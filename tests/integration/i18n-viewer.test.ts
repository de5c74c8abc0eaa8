// The viewer's language and currency: where they come from (URL > cookie > Accept-Language >
// default), the cookies a switcher's link sets, German formatting, and the price a listing shows.
import { describe, expect, it } from "vitest";
import { handleDataRequest } from "~/entry.server.tsx";
import { translator } from "~/modules/i18n/messages.server.ts";
import { resolveViewer, viewerCookies } from "~/modules/i18n/viewer.server.ts";
import { withViewerParam } from "~/modules/i18n/viewer.ts";
import { loader as rootLoader } from "~/root.tsx";
import * as productRoute from "~/routes/p.$slug/route.tsx";
import * as searchRoute from "~/routes/search/route.tsx";
import { formatDay } from "~/utils/dates.ts";
import { formatMoney } from "~/utils/money.ts";
import { requestAs } from "../support/fixtures.ts";
import { callRoute, expectData } from "../support/routes.ts";
import { createSearchListing, createSearchShop, unique } from "./search-fixtures.ts";

const request = (
  url: string,
  { cookie = null, languages }: { cookie?: string | null; languages?: string } = {},
) => requestAs(cookie, url, languages ? { headers: { "Accept-Language": languages } } : {});

async function rootViewer(url: string, options: { cookie?: string | null; languages?: string } = {}) {
  const { data } = expectData(await callRoute(rootLoader, request(url, options)));
  return data.viewer as { language: string; currency: string };
}

describe("detection order", () => {
  it("language: URL beats cookie beats Accept-Language beats English", async () => {
    const german = "de-DE,de;q=0.9,en;q=0.5";
    expect(await rootViewer("/", {})).toEqual({ language: "en", currency: "EUR" });
    expect((await rootViewer("/", { languages: german })).language).toBe("de");
    expect((await rootViewer("/", { languages: german, cookie: "lang=en" })).language).toBe("en");
    expect((await rootViewer("/?lang=de", { languages: "en-US", cookie: "lang=en" })).language).toBe("de");
    // A language the site does not have says nothing; the next one is read.
    expect((await rootViewer("/", { languages: "fr-FR, de;q=0.8" })).language).toBe("de");
    expect((await rootViewer("/", { languages: "fr-FR" })).language).toBe("en");
  });

  it("currency: URL beats cookie beats the locale (de → EUR, en-US → USD, else EUR)", async () => {
    expect((await rootViewer("/", { languages: "en-US" })).currency).toBe("USD");
    expect((await rootViewer("/", { languages: "de-DE" })).currency).toBe("EUR");
    expect((await rootViewer("/", { languages: "en-GB" })).currency).toBe("EUR");
    expect((await rootViewer("/", { languages: "en-US", cookie: "currency=EUR" })).currency).toBe("EUR");
    expect(
      (await rootViewer("/?currency=usd", { languages: "de-DE", cookie: "currency=EUR" })).currency,
    ).toBe("USD");
  });

  it("ignores junk at every step instead of failing", async () => {
    const junk = resolveViewer(
      request("/?lang=xx&currency=GBP", {
        cookie: "lang=%E0%A4%A; currency=<script>; other=1",
        languages: "*;q=abc, ;;, de-DE;q=0",
      }),
    );
    expect(junk).toMatchObject({ language: "en", currency: "EUR", languageSource: "default" });
    expect(resolveViewer(request("/", { cookie: "lang=de" }))).toMatchObject({
      language: "de",
      languageSource: "cookie",
    });
  });
});

describe("switchers", () => {
  it("a valid ?lang= or ?currency= sets a cookie for a year; junk or an unchanged choice sets none", () => {
    const cookies = viewerCookies(request("/p/some-listing?lang=de&currency=USD"));
    expect(cookies).toHaveLength(2);
    expect(cookies[0]).toMatch(/^lang=de; Path=\/; Max-Age=31536000; SameSite=Lax$/);
    expect(cookies[1]).toMatch(/^currency=USD; Path=\/;/);
    expect(viewerCookies(request("https://stapel.test/?lang=en"))[0]).toContain("; Secure");
    expect(viewerCookies(request("/?lang=fr&currency=%00"))).toEqual([]);
    expect(viewerCookies(request("/?lang=de", { cookie: "lang=de" }))).toEqual([]);
    expect(viewerCookies(request("/search?q=mail"))).toEqual([]);
  });

  it("client navigations (.data requests) remember the choice too", () => {
    const response = handleDataRequest(new Response("{}"), {
      request: request("/p/x.data?lang=de&_routes=root"),
    });
    expect(response.headers.get("Set-Cookie")).toContain("lang=de");
  });

  it("links keep the page and its other parameters", () => {
    expect(withViewerParam({ pathname: "/search", search: "?q=mail&after=abc" }, "lang", "de")).toBe(
      "/search?q=mail&after=abc&lang=de",
    );
    // A price cursor belongs to one currency's order: switching currency starts at page one.
    expect(withViewerParam({ pathname: "/search", search: "?q=mail&after=abc" }, "currency", "USD")).toBe(
      "/search?q=mail&currency=USD",
    );
  });

  it("the root loader lists hreflang alternates for the page", async () => {
    const { data } = expectData(await callRoute(rootLoader, request("/search?q=mail&lang=de&currency=USD")));
    const alternates = data.alternates as { hrefLang: string; href: string }[];
    expect(alternates.map((alternate) => alternate.hrefLang)).toEqual(["en", "de", "x-default"]);
    expect(alternates[1]?.href).toMatch(/\/search\?q=mail&lang=de$/);
    expect(alternates[2]?.href).toMatch(/\/search\?q=mail$/);
  });
});

describe("formatting per locale", () => {
  it("money, days and words in German", () => {
    expect(formatMoney({ amount: 900, currency: "EUR" }, "en-US")).toBe("€9.00");
    expect(formatMoney({ amount: 900, currency: "EUR" }, "de-DE")).toBe("9,00\u00a0€");
    expect(formatMoney({ amount: 123456, currency: "USD" }, "de-DE")).toBe("1.234,56\u00a0$");
    expect(formatDay(new Date("2027-01-02T10:00:00Z"))).toBe("2 January 2027");
    expect(formatDay(new Date("2027-01-02T10:00:00Z"), "de-DE")).toBe("2. Januar 2027");
    const t = translator("de");
    expect(t("buy.buyFor", { price: "9,00 €" })).toBe("Für 9,00 € kaufen");
    expect(t("nav.signIn")).toBe("Anmelden");
  });
});

describe("the viewer's currency picks the price", () => {
  it("listing page: the buy box follows ?currency=, then the cookie, then the locale", async () => {
    const shop = await createSearchShop();
    const listing = await createSearchListing(shop.id, {
      title: `Both currencies ${unique()}`,
      language: "de",
      prices: [
        { currency: "EUR", amount: 900 },
        { currency: "USD", amount: 1000 },
      ],
    });
    const offerFor = async (url: string, options: { cookie?: string; languages?: string }) => {
      const outcome = await callRoute(productRoute.loader, request(url, options), { slug: listing.slug });
      const { data } = expectData(outcome);
      return { currency: data.offer.currency as string, language: data.listing.language as string };
    };
    expect(await offerFor(`/p/${listing.slug}`, { languages: "de-DE" })).toEqual({
      currency: "EUR",
      language: "de",
    });
    expect((await offerFor(`/p/${listing.slug}`, { languages: "en-US" })).currency).toBe("USD");
    expect(
      (await offerFor(`/p/${listing.slug}`, { languages: "en-US", cookie: "currency=EUR" })).currency,
    ).toBe("EUR");
    expect(
      (await offerFor(`/p/${listing.slug}?currency=USD`, { languages: "de-DE", cookie: "currency=EUR" }))
        .currency,
    ).toBe("USD");
  });

  it("search: the cookie chooses currency and language when the URL does not", async () => {
    const outcome = await callRoute(
      searchRoute.loader,
      request("/search", { cookie: "currency=USD; lang=de", languages: "en-GB" }),
    );
    expect(expectData(outcome).data.viewer).toEqual({ currency: "USD", language: "de" });
  });
});
