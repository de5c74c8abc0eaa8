// The storefront search (/search): stemming in both languages, typo tolerance, the viewer's
// language and currency, facets, every sort, cursor paging, and what must never show.
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "~/modules/catalog/search.server.ts";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "~/modules/catalog/search.ts";
import * as searchRoute from "~/routes/search/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { requestAs } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { createSearchListing, createSearchShop, unique } from "./search-fixtures.ts";

type Result = {
  id: string;
  slug: string;
  title: string;
  language: string;
  viewerPrice: { amount: number; currency: string } | null;
  highlight: { title: string; tagline: string; excerpt: string } | null;
};
type Page = {
  results: Result[];
  total: number;
  next: string | null;
  previous: string | null;
  sort: string;
  facets: Record<string, { value: string; count: number }[]>;
  corrections: { word: string; suggestions: string[] }[];
};

async function search(query: string, acceptLanguage = "en-GB") {
  const outcome = await callRoute(
    searchRoute.loader,
    requestAs(null, `/search?${query}`, { headers: { "Accept-Language": acceptLanguage } }),
  );
  return expectData(outcome).data.page as Page;
}
const titles = (page: Page) => page.results.map((result) => result.title);

/** A word no other test uses, so each test searches only its own listings (one database per file). */
const token = () => `zq${unique()}`;

describe("full-text search", () => {
  it("stems English and German: emails finds every email listing, Vorlagen finds Vorlage", async () => {
    const shop = await createSearchShop();
    const tag = token();
    const emailListings = [
      { title: `Cold email openers`, tags: [tag] },
      { title: `Inbox zero coach`, tagline: "Answer emails in half the time", tags: [tag] },
      { title: `Sales follow-ups`, tags: [tag, "email"] },
      { title: `Launch sequence`, description: "Five emailing steps for a launch week.", tags: [tag] },
    ];
    for (const listing of emailListings) await createSearchListing(shop.id, listing);
    await createSearchListing(shop.id, { title: "Logo sketches", tags: [tag] });
    await createSearchListing(shop.id, {
      title: "E-Mail-Vorlage für den Kundenservice",
      language: "de",
      tags: [tag],
    });

    const emails = await search(`q=emails+${tag}`);
    expect(titles(emails).sort()).toEqual(emailListings.map((listing) => listing.title).sort());
    expect(emails.total).toBe(4);

    const vorlagen = await search(`q=Vorlagen+${tag}`);
    expect(titles(vorlagen)).toEqual(["E-Mail-Vorlage für den Kundenservice"]);
  });

  it("searches category, AI models and description too, never the paid content", async () => {
    const shop = await createSearchShop();
    const tag = token();
    const listing = await createSearchListing(shop.id, {
      title: "Pitch helper",
      category: "Business",
      aiModels: ["Gemini"],
      description: "Turns rough notes into a crisp investor pitch.",
      tags: [tag],
    });
    await prisma.listingContent.create({
      data: { listingId: listing.id, body: "xylophonequartzite is the paid prompt" },
    });
    expect(titles(await search(`q=business+${tag}`))).toEqual(["Pitch helper"]);
    expect(titles(await search(`q=gemini+${tag}`))).toEqual(["Pitch helper"]);
    expect(titles(await search(`q=investor+${tag}`))).toEqual(["Pitch helper"]);
    expect((await search("q=xylophonequartzite")).total).toBe(0);
  });

  it("forgives typos: lgo finds logo, and says what it searched for", async () => {
    const shop = await createSearchShop();
    const tag = token();
    await createSearchListing(shop.id, { title: "Minimal logo generator", tags: [tag, "branding"] });
    await createSearchListing(shop.id, { title: "Cold email openers", tags: [tag] });
    const page = await search(`q=lgo+${tag}`);
    expect(titles(page)).toEqual(["Minimal logo generator"]);
    expect(page.corrections).toEqual([{ word: "lgo", suggestions: expect.arrayContaining(["logo"]) }]);
  });

  it("highlights matches with markers in public fields only", async () => {
    const shop = await createSearchShop();
    const tag = token();
    await createSearchListing(shop.id, {
      title: "Newsletter writer",
      tagline: "A weekly newsletter in ten minutes",
      description: "Paste your notes. The newsletter comes back ready to send, with a subject line.",
      tags: [tag],
    });
    const [result] = (await search(`q=newsletter+${tag}`)).results;
    expect(result?.highlight?.title).toBe(`${HIGHLIGHT_START}Newsletter${HIGHLIGHT_END} writer`);
    expect(result?.highlight?.tagline).toContain(`${HIGHLIGHT_START}newsletter${HIGHLIGHT_END}`);
    expect(result?.highlight?.excerpt).toContain(`${HIGHLIGHT_START}newsletter${HIGHLIGHT_END}`);
    expect(result?.highlight?.excerpt).not.toContain("<");
  });

  it("puts listings in the viewer's language first for equal matches (Accept-Language or ?lang)", async () => {
    const shop = await createSearchShop();
    const tag = token();
    await createSearchListing(shop.id, { title: "Newsletter template for coaches", tags: [tag] });
    await createSearchListing(shop.id, {
      title: "Newsletter-Vorlage für Coaches",
      language: "de",
      tags: [tag],
    });
    const german = await search(`q=newsletter+coaches+${tag}`, "de-DE,de;q=0.9,en;q=0.5");
    expect(german.results.map((result) => result.language)).toEqual(["de", "en"]);
    const english = await search(`q=newsletter+coaches+${tag}`, "en-US");
    expect(english.results.map((result) => result.language)).toEqual(["en", "de"]);
    const asked = await search(`q=newsletter+coaches+${tag}&lang=de`, "en-US");
    expect(asked.results.map((result) => result.language)).toEqual(["de", "en"]);
  });
});

describe("facets", () => {
  it("count exactly what choosing each value shows", async () => {
    const shop = await createSearchShop();
    const tag = token();
    const specs = [
      {
        type: "PROMPT",
        aiModels: ["ChatGPT"],
        category: "Marketing",
        priceAmount: 300,
        ratingCount: 2,
        ratingSum: 10,
      },
      {
        type: "PROMPT",
        aiModels: ["Claude", "ChatGPT"],
        category: "Design",
        priceAmount: 800,
        language: "de",
      },
      {
        type: "TEMPLATE",
        aiModels: ["Claude"],
        category: "Design",
        priceAmount: 1500,
        ratingCount: 1,
        ratingSum: 3,
      },
      {
        type: "AGENT",
        aiModels: ["Gemini"],
        category: "Coding",
        priceAmount: 6000,
        ratingCount: 4,
        ratingSum: 14,
      },
      { type: "AGENT", aiModels: ["ChatGPT"], category: "Coding", currency: "USD", priceAmount: 2000 },
    ] as const;
    for (const [index, spec] of specs.entries()) {
      await createSearchListing(shop.id, {
        title: `Facet listing ${index}`,
        tags: [tag],
        ...spec,
        aiModels: [...spec.aiModels],
      });
    }
    const all = await search(`q=${tag}&currency=EUR`);
    expect(all.total).toBe(5);
    expect(all.facets.type).toEqual([
      { value: "PROMPT", count: 2 },
      { value: "TEMPLATE", count: 1 },
      { value: "AGENT", count: 2 },
    ]);
    // The USD-only listing has no EUR price: it is in no EUR price range.
    expect(all.facets.price).toEqual([
      { value: "0-5", count: 1 },
      { value: "5-10", count: 1 },
      { value: "10-25", count: 1 },
      { value: "50-", count: 1 },
    ]);
    expect(all.facets.rating).toEqual([
      { value: "4", count: 1 },
      { value: "3", count: 3 },
      { value: "2", count: 3 },
      { value: "1", count: 3 },
    ]);
    for (const [facet, values] of Object.entries(all.facets)) {
      for (const { value, count } of values) {
        const narrowed = await search(`q=${tag}&currency=EUR&${facet}=${encodeURIComponent(value)}`);
        expect({ facet, value, count: narrowed.total }).toEqual({ facet, value, count });
        expect(narrowed.results).toHaveLength(count);
        // Every other value of the same facet still shows its own count (disjunctive facets).
        expect(narrowed.facets[facet]).toEqual(values);
      }
    }
    const combined = await search(`q=${tag}&currency=EUR&type=AGENT&category=Coding`);
    expect(combined.total).toBe(2);
    expect(combined.facets.model).toEqual([
      { value: "ChatGPT", count: 1 },
      { value: "Gemini", count: 1 },
    ]);
  });
});

describe("sorting", () => {
  it("sorts by price in the viewer's currency, listings without one last", async () => {
    const shop = await createSearchShop();
    const tag = token();
    await createSearchListing(shop.id, {
      title: "EUR only 5",
      tags: [tag],
      prices: [{ currency: "EUR", amount: 500 }],
    });
    await createSearchListing(shop.id, {
      title: "USD only 7",
      tags: [tag],
      prices: [{ currency: "USD", amount: 700 }],
    });
    await createSearchListing(shop.id, {
      title: "Both 9 EUR 10 USD",
      tags: [tag],
      prices: [
        { currency: "EUR", amount: 900 },
        { currency: "USD", amount: 1000 },
      ],
    });
    await createSearchListing(shop.id, {
      title: "Both 3 USD 4 EUR",
      tags: [tag],
      prices: [
        { currency: "USD", amount: 300 },
        { currency: "EUR", amount: 400 },
      ],
    });
    expect(titles(await search(`q=${tag}&sort=price-asc&currency=EUR`))).toEqual([
      "Both 3 USD 4 EUR",
      "EUR only 5",
      "Both 9 EUR 10 USD",
      "USD only 7",
    ]);
    expect(titles(await search(`q=${tag}&sort=price-desc&currency=EUR`))).toEqual([
      "Both 9 EUR 10 USD",
      "EUR only 5",
      "Both 3 USD 4 EUR",
      "USD only 7",
    ]);
    const usd = await search(`q=${tag}&sort=price-asc`, "en-US");
    expect(titles(usd)).toEqual(["Both 3 USD 4 EUR", "USD only 7", "Both 9 EUR 10 USD", "EUR only 5"]);
    expect(usd.results.map((result) => result.viewerPrice?.amount ?? null)).toEqual([300, 700, 1000, null]);
    // German browsers see euros.
    expect(titles(await search(`q=${tag}&sort=price-asc`, "de"))[0]).toBe("Both 3 USD 4 EUR");
  });

  it("sorts by newest, best-selling and rating, relevance by default with words", async () => {
    const shop = await createSearchShop();
    const tag = token();
    const day = 24 * 60 * 60 * 1000;
    await createSearchListing(shop.id, {
      title: "Old bestseller",
      tags: [tag],
      publishedAt: new Date(Date.now() - 30 * day),
      salesCount: 50,
      ratingCount: 10,
      ratingSum: 42,
    });
    await createSearchListing(shop.id, {
      title: "New and unrated",
      tags: [tag],
      publishedAt: new Date(Date.now() - day),
      salesCount: 2,
    });
    await createSearchListing(shop.id, {
      title: "Middle and loved",
      tags: [tag, "loved"],
      publishedAt: new Date(Date.now() - 10 * day),
      salesCount: 9,
      ratingCount: 3,
      ratingSum: 15,
    });
    expect(titles(await search(`q=${tag}&sort=newest`))).toEqual([
      "New and unrated",
      "Middle and loved",
      "Old bestseller",
    ]);
    expect(titles(await search(`q=${tag}&sort=best-selling`))).toEqual([
      "Old bestseller",
      "Middle and loved",
      "New and unrated",
    ]);
    expect(titles(await search(`q=${tag}&sort=rating`))).toEqual([
      "Middle and loved",
      "Old bestseller",
      "New and unrated",
    ]);
    const relevance = await search(`q=${tag}+loved`);
    expect(relevance.sort).toBe("relevance");
    expect(titles(relevance)).toEqual(["Middle and loved"]);
    expect((await search("sort=relevance")).sort).toBe("newest");
  });
});

describe("paging", () => {
  it("visits every result exactly once, forwards and back, with ties", async () => {
    const shop = await createSearchShop();
    const tag = token();
    const publishedAt = new Date(Date.now() - 60_000);
    const created: string[] = [];
    for (let index = 0; index < 55; index++) {
      const listing = await createSearchListing(shop.id, {
        title: `Paged listing ${index}`,
        tags: [tag],
        // Three distinct prices and one publish time: most keys tie, the id breaks the tie.
        priceAmount: 500 + (index % 3) * 100,
        publishedAt,
      });
      created.push(listing.id);
    }
    for (const sort of ["newest", "price-asc", "price-desc", "relevance", "rating", "best-selling"]) {
      const seen: string[] = [];
      const pages: Page[] = [];
      let query = `q=${tag}&sort=${sort}`;
      for (let guard = 0; guard < 10; guard++) {
        const page = await search(query);
        pages.push(page);
        seen.push(...page.results.map((result) => result.id));
        if (!page.next) break;
        query = `q=${tag}&sort=${sort}&after=${page.next}`;
      }
      expect(pages.map((page) => page.results.length)).toEqual([24, 24, 7]);
      expect(new Set(seen).size).toBe(55);
      expect([...seen].sort()).toEqual([...created].sort());
      expect(pages[0]?.previous).toBeNull();
      // Back from the last page is exactly the middle page, and back again the first.
      const last = pages[2] as Page;
      const back = await search(`q=${tag}&sort=${sort}&before=${last.previous}`);
      expect(back.results.map((result) => result.id)).toEqual(pages[1]?.results.map((result) => result.id));
      expect(back.next).not.toBeNull();
      const first = await search(`q=${tag}&sort=${sort}&before=${back.previous}`);
      expect(first.results.map((result) => result.id)).toEqual(pages[0]?.results.map((result) => result.id));
      expect(first.previous).toBeNull();
    }
  });

  it("ignores cursors that are forged, foreign to the sort or out of range", async () => {
    const shop = await createSearchShop();
    const tag = token();
    await createSearchListing(shop.id, { title: "Only one", tags: [tag] });
    expect(decodeCursor(encodeCursor("newest", "12", "abc"), "rating")).toBeNull();
    expect(decodeCursor(encodeCursor("newest", "99999999999999999999", "abc"), "newest")).toBeNull();
    expect(decodeCursor(encodeCursor("newest", "12", "ABC'--"), "newest")).toBeNull();
    for (const cursor of [
      "not-base64-json",
      encodeCursor("newest", "9223372036854775807", "zzz"),
      Buffer.from('{"a":1}').toString("base64url"),
      Buffer.from('["newest","1e99","x"]').toString("base64url"),
      "x".repeat(400),
    ]) {
      const page = await search(`q=${tag}&after=${cursor}`);
      expect(page.results.length).toBeLessThanOrEqual(1);
      await search(`q=${tag}&before=${cursor}`);
    }
  });
});

describe("what never shows", () => {
  it("hides drafts and taken-down listings from results, facets and corrections", async () => {
    const shop = await createSearchShop();
    const tag = token();
    await createSearchListing(shop.id, { title: "Visible flyer", tags: [tag] });
    await createSearchListing(shop.id, {
      title: "Draft flyer",
      tags: [tag, "draftonlyword"],
      status: "DRAFT",
    });
    await createSearchListing(shop.id, {
      title: "Taken down flyer",
      tags: [tag],
      takenDownAt: new Date(),
      category: "Coding",
    });
    const page = await search(`q=flyer+${tag}`);
    expect(titles(page)).toEqual(["Visible flyer"]);
    expect(page.total).toBe(1);
    expect(page.facets.category).toEqual([{ value: "Marketing", count: 1 }]);
    expect((await search(`q=${tag}&category=Coding`)).total).toBe(0);
    expect((await search(`q=draftonlyword`)).total).toBe(0);
    const everything = await search("sort=newest");
    expect(everything.results.map((result) => result.title)).not.toContain("Draft flyer");
    expect(everything.results.map((result) => result.title)).not.toContain("Taken down flyer");
  });
});

describe("the URL", () => {
  it("drops empty parameters with a redirect", async () => {
    const response = expectResponse(
      await callRoute(searchRoute.loader, requestAs(null, "/search?q=email&type=&model=&sort=newest")),
    );
    expect(response.status).toBe(301);
    expect(response.headers.get("Location")).toBe("/search?q=email&sort=newest");
  });

  it("never fails on bad parameters: each falls back on its own", async () => {
    const shop = await createSearchShop();
    const tag = token();
    await createSearchListing(shop.id, { title: "Robust result", tags: [tag] });
    const bad = [
      "sort=zzz",
      "sort[]=newest",
      "type=NOPE",
      "price=1-2",
      "price=-",
      "rating=9",
      "rating=-1",
      "language=fr",
      "currency=JPY",
      "currency=eur",
      "lang=xx",
      "model=%00",
      "category=a%00b",
      `model=${"m".repeat(500)}`,
      "after=%E2%80%AE",
      "before=..%2F..",
      "after=a&before=b",
      "type=PROMPT&type=AGENT",
    ];
    for (const query of bad) {
      const page = await search(`q=${tag}&${query}`);
      expect(page.results.length, query).toBeLessThanOrEqual(1);
    }
    for (const q of [
      "%00",
      "'",
      "\\",
      "a:*",
      "!(",
      "&|",
      "<mark>",
      "x".repeat(300),
      "the",
      "die der das",
      "🙂",
    ]) {
      await search(`q=${encodeURIComponent(q)}`);
    }
    const eur = await search(`q=${tag}&currency=eur`);
    expect(eur.results[0]?.viewerPrice?.currency).toBe("EUR");
  });
});
