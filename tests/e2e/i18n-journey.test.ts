import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInByEmail } from "./support/browser.ts";
import { type Journey, startJourney } from "./support/journey.ts";

// A German browser lands on the German interface with euro prices, switches a listing page to
// English and US dollars (staying on that page, remembered for the next pages), then back to German
// (German words, German price). Each page downloads only its own language's dictionary, and no page
// logs an error: a dictionary that differed between server and browser would show up as a React
// hydration error here.

let { server, page, close } = {} as Journey;
/** Console errors and uncaught exceptions (hydration mismatches are both), with the page's URL. */
const errors: string[] = [];
/** The dictionary chunks the browser asked for: `de`, `en`, `de-account`, `en-account`. */
const dictionaries: string[] = [];

beforeAll(async () => {
  ({ server, page, close } = await startJourney({ viewport: { width: 1280, height: 900 } }));
  await page.setExtraHTTPHeaders({ "Accept-Language": "de-DE,de;q=0.9,en;q=0.5" });
  page.on("console", (message) => {
    // A page answered 404 on purpose is logged as a failed resource: not an error of the page.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on("request", (request) => {
    const name = /\/assets\/((?:en|de)(?:-account)?)-[\w-]{8}\.js$/.exec(
      new URL(request.url()).pathname,
    )?.[1];
    if (name) dictionaries.push(name);
  });
});

afterAll(() => close?.());

const htmlLang = () => page.locator("html").getAttribute("lang");
/** Waits until React has hydrated the page (its router is on window, the network is quiet). */
async function hydrated() {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => "__remixRouter" in window);
}
/**
 * The page hydrated without a logged error and downloaded only `language`'s dictionary (with its
 * account words under /account and /library).
 */
async function hydratedCleanlyIn(language: "en" | "de", { account = false } = {}) {
  // The page before the reload fetches the rest of its words when idle (ADR 36): let it finish, so
  // only the reloaded page's downloads are counted, and count each dictionary once.
  await page.waitForLoadState("networkidle");
  dictionaries.length = 0;
  await page.reload();
  await hydrated();
  expect(errors).toEqual([]);
  expect([...new Set(dictionaries)].sort()).toEqual(account ? [language, `${language}-account`] : [language]);
}
const switchLanguage = async (to: "English" | "Deutsch", button: string) => {
  await page.getByRole("combobox", { name: /^(Language|Sprache)$/ }).selectOption({ label: to });
  await page.getByRole("button", { name: button }).click();
};
const switchCurrency = async (to: "EUR" | "USD", button: string) => {
  await page.getByRole("combobox", { name: /^(Show prices in|Preise anzeigen in)$/ }).selectOption(to);
  await page.getByRole("button", { name: button }).click();
};

describe("English and German, euros and dollars, in a real browser", () => {
  let listingPath = "";

  it("greets a German browser in German with euro prices in German notation", async () => {
    await page.goto(server.url);
    expect(await htmlLang()).toBe("de");
    await page
      .getByRole("navigation", { name: "Hauptmenü" })
      .getByRole("link", { name: "Entdecken" })
      .waitFor();
    await page.getByRole("heading", { name: "Prompts, Vorlagen und Agenten, die funktionieren." }).waitFor();
    // Cards: "9,00 €", never "€9.00".
    const prices = await page.locator("main li p.font-bold").allTextContents();
    expect(prices.some((price) => /^\d+,\d\d\s€/.test(price))).toBe(true);
    expect(prices.some((price) => /^€\d/.test(price))).toBe(false);
    // hreflang alternates for both languages.
    expect(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute("href")).toMatch(
      /\?lang=en$/,
    );

    await page.locator("main li h3 a").first().click();
    await page.waitForURL("**/p/**");
    listingPath = new URL(page.url()).pathname;
    await page.getByTestId("listing-language").waitFor();
    expect(await page.getByTestId("listing-language").textContent()).toMatch(/^(Auf Deutsch|In English)$/);
    await page.getByRole("link", { name: "Dieses Angebot melden" }).waitFor();
    await hydratedCleanlyIn("de");
  });

  it("switches the listing page to English and US dollars and stays on it", async () => {
    await switchLanguage("English", "Ändern Sprache");
    await page.waitForURL((url) => url.pathname === listingPath && url.searchParams.get("lang") === "en");
    expect(await htmlLang()).toBe("en");
    await page.getByRole("link", { name: "Report this listing" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Discover" }).waitFor();
    await hydratedCleanlyIn("en");

    await switchCurrency("USD", "Change Show prices in");
    await page.waitForURL(
      (url) => url.pathname === listingPath && url.searchParams.get("currency") === "USD",
    );
    // The language chosen before stays (its parameter was kept, and its cookie is set).
    expect(await htmlLang()).toBe("en");
    expect(await page.getByRole("combobox", { name: "Show prices in" }).inputValue()).toBe("USD");

    // Remembered without parameters: the next page is English, its prices in dollars.
    await page.goto(`${server.url}/search?sort=price-asc`);
    expect(await htmlLang()).toBe("en");
    await page.getByText("Prices in USD.").waitFor();
  });

  it("switches a paid listing back to German and euros: German words, German price, no errors", async () => {
    // The dearest listing, so its buy box shows a price (the first card may be free).
    await page.goto(`${server.url}/search?sort=price-desc`);
    await page.locator("main li h3 a").first().click();
    await page.waitForURL("**/p/**");
    listingPath = new URL(page.url()).pathname;
    expect(await htmlLang()).toBe("en");
    await switchLanguage("Deutsch", "Change Language");
    await page.waitForURL((url) => url.pathname === listingPath);
    expect(await htmlLang()).toBe("de");
    await switchCurrency("EUR", "Ändern Preise anzeigen in");
    await page.waitForURL(
      (url) => url.pathname === listingPath && url.searchParams.get("currency") === "EUR",
    );
    await page.getByRole("link", { name: "Dieses Angebot melden" }).waitFor();
    await page.getByRole("region", { name: "Beschreibung" }).waitFor();
    await page.getByText("Sichere Zahlung über Stripe.", { exact: false }).first().waitFor();
    // Signed out, the buy button reads "Anmelden und (für 12,00 €) kaufen"; prices in German notation
    // (12,00 €, or 59,00 $ for a listing sold only in dollars), never €12.00.
    await page
      .getByRole("button", { name: /^Anmelden und (für .+ )?kaufen$/ })
      .first()
      .waitFor();
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toMatch(/\d[\d.]*,\d\d\s[€$]/);
    expect(main).not.toMatch(/[€$]\d|Sign in to buy|Report this listing/);
    await hydratedCleanlyIn("de");

    // After hydration the browser renders by itself: a client-side navigation stays German.
    await page
      .getByRole("navigation", { name: "Hauptmenü" })
      .getByRole("link", { name: "Entdecken" })
      .click();
    await page.getByRole("heading", { name: "Prompts, Vorlagen und Agenten, die funktionieren." }).waitFor();
    expect(errors).toEqual([]);

    await page.goto(`${server.url}/search?sort=price-asc`);
    await page.getByText("Preise in EUR.").waitFor();
    const prices = await page.locator("main li p.font-bold").allTextContents();
    expect(prices.some((price) => /\d,\d\d\s€/.test(price))).toBe(true);
  });

  it("a signed-in German buyer's settings and a refused page hydrate in German too", async () => {
    await page.goto(`${server.url}/login?lang=en`);
    await signInByEmail(page, server.url, "i18n-journey@example.test");
    await page.goto(`${server.url}/account/settings?lang=de`);
    await page.getByRole("heading", { name: "Einstellungen", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Überall sonst abmelden" }).waitFor();
    await hydratedCleanlyIn("de", { account: true });
    // A module's English refusal shown in German (the msg.* lookup) hydrates with the same words.
    await page.goto(`${server.url}/account/subscriptions/cnotasubscription0000000`);
    await page.getByText("Ein solches Abonnement hast du nicht.").waitFor();
    await hydratedCleanlyIn("de", { account: true });
    // From a storefront page, a client-side navigation into the account brings its words along.
    await page.goto(`${server.url}/`);
    await hydrated();
    await page.getByRole("navigation", { name: "Hauptmenü" }).getByRole("link", { name: "Konto" }).click();
    await page.waitForURL("**/account");
    await page.getByRole("link", { name: "Bestellungen und Quittungen" }).first().waitFor();
    expect(await page.locator("main").textContent()).not.toMatch(/accountNav\.|subs\./);
    expect(errors).toEqual([]);
  });

  it("on a phone keeps the switchers out of the header, in the footer, and they still switch", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${server.url}/?lang=de`);
      const language = page.getByRole("combobox", { name: "Sprache" });
      // Only the footer's pair is shown (the header's is hidden, not just moved out of view).
      await expect.poll(() => language.count()).toBe(1);
      await page.getByRole("contentinfo").getByRole("combobox", { name: "Sprache" }).waitFor();
      expect(await page.getByRole("banner").getByRole("combobox").count()).toBe(0);
      await language.selectOption({ label: "English" });
      await page.getByRole("button", { name: "Ändern Sprache" }).click();
      await page.waitForURL((url) => url.pathname === "/" && url.searchParams.get("lang") === "en");
      expect(await htmlLang()).toBe("en");
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
