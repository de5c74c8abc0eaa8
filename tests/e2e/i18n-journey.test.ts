import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.ts";
import { type RunningServer, startStapel } from "./support/server.ts";

// A German browser lands on the German interface with euro prices, switches a listing page to
// English and US dollars (staying on that page, remembered for the next pages), then back.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startStapel();
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.setExtraHTTPHeaders({ "Accept-Language": "de-DE,de;q=0.9,en;q=0.5" });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const htmlLang = () => page.locator("html").getAttribute("lang");
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
  });

  it("switches the listing page to English and US dollars and stays on it", async () => {
    await switchLanguage("English", "Ändern Sprache");
    await page.waitForURL((url) => url.pathname === listingPath && url.searchParams.get("lang") === "en");
    expect(await htmlLang()).toBe("en");
    await page.getByRole("link", { name: "Report this listing" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Discover" }).waitFor();

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

  it("switches back to German and euros", async () => {
    await page.goto(`${server.url}${listingPath}`);
    expect(await htmlLang()).toBe("en");
    await switchLanguage("Deutsch", "Change Language");
    await page.waitForURL((url) => url.pathname === listingPath);
    expect(await htmlLang()).toBe("de");
    await switchCurrency("EUR", "Ändern Preise anzeigen in");
    await page.waitForURL(
      (url) => url.pathname === listingPath && url.searchParams.get("currency") === "EUR",
    );
    await page.getByRole("link", { name: "Dieses Angebot melden" }).waitFor();

    await page.goto(`${server.url}/search?sort=price-asc`);
    await page.getByText("Preise in EUR.").waitFor();
    const prices = await page.locator("main li p.font-bold").allTextContents();
    expect(prices.some((price) => /\d,\d\d\s€/.test(price))).toBe(true);
  });
});
