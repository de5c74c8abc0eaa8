import AxeBuilderModule from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Journey, startJourney } from "./support/journey.ts";

// The package is CommonJS; under ESM its class may sit on .default.
const AxeBuilder = ((AxeBuilderModule as unknown as { default?: typeof AxeBuilderModule }).default ??
  AxeBuilderModule) as typeof AxeBuilderModule;

// Seeded by prisma/seed-data/shop-vorlagenwerk-de.ts: listings written in German.
const GERMAN_TITLES = [
  "Newsletter-Vorlage für Coaches",
  "E-Mail-Vorlagen für den Kundenservice",
  "Angebotsvorlage für Freelancer",
  "Instagram-Redaktionsplan: Vorlage und Ideen-Prompt",
];

let { server, page, close } = {} as Journey;
beforeAll(
  async () => ({ server, page, close } = await startJourney({ viewport: { width: 1280, height: 900 } })),
);
afterAll(() => close?.());

const cardTitles = () => page.locator('section[aria-labelledby="results-heading"] li h3').allTextContents();

describe("a buyer searching the catalogue, in a real browser", () => {
  it("searches in German from the home page and finds German templates first, highlighted", async () => {
    await page.setExtraHTTPHeaders({ "Accept-Language": "de-DE,de;q=0.9,en;q=0.5" });
    await page.goto(server.url);
    // A German browser gets the German interface (tests/e2e/i18n-journey.test.ts switches it).
    await page.getByLabel("Suchen").fill("Vorlagen");
    await page.getByRole("button", { name: "Los" }).click();
    await page.waitForURL("**/search?q=Vorlagen");
    await page.getByRole("heading", { name: /\d+ Angebote/ }).waitFor();
    const titles = await cardTitles();
    expect(titles.length).toBeGreaterThanOrEqual(4);
    for (const title of titles.slice(0, 4)) expect(GERMAN_TITLES).toContain(title);
    // The match is marked, as text: no markup from the database.
    expect(await page.locator("li h3 mark").first().textContent()).toMatch(/vorlage/i);
  });

  it("forgives a typo in English and says what it searched for", async () => {
    await page.setExtraHTTPHeaders({ "Accept-Language": "en-US,en;q=0.9" });
    await page.goto(`${server.url}/search`);
    await page.getByLabel("Search").fill("newsleter");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL("**/search?q=newsleter**");
    await page.getByText(/No listing contains “newsleter”; showing matches for “newsletter”/).waitFor();
    expect(await cardTitles()).toContain("Newsletter Issue Outliner");
    // An English buyer sees the English listing before the German one.
    const titles = await cardTitles();
    expect(titles.indexOf("Newsletter Issue Outliner")).toBeLessThan(
      titles.indexOf("Newsletter-Vorlage für Coaches"),
    );
  });

  it("filters by a facet, sorts by price in the chosen currency, with the state in the URL", async () => {
    await page.goto(`${server.url}/search?q=email`);
    const filters = page.getByRole("complementary", { name: "Filters" });
    const template = filters.getByRole("link", { name: /^Template \d+ listings?$/ });
    const count = Number((await template.textContent())?.match(/(\d+)/)?.[1]);
    await template.click();
    await page.waitForURL(/type=TEMPLATE/);
    await page.getByRole("heading", { name: count === 1 ? "1 listing" : `${count} listings` }).waitFor();
    expect(await cardTitles()).toHaveLength(count);

    await page.goto(`${server.url}/search?q=prompt`);
    await page.getByLabel("Sort").selectOption("price-asc");
    await page.getByLabel("Currency").selectOption("USD");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(/sort=price-asc/);
    expect(page.url()).toContain("currency=USD");
    expect(page.url()).not.toMatch(/=(&|$)/);
    await page.getByText("Listings without a price in USD come last").waitFor();
    const prices = await page
      .locator('section[aria-labelledby="results-heading"] li p.font-bold')
      .allTextContents();
    const dollars = prices
      .filter((price) => price.startsWith("$"))
      .map((price) => Number(price.replace(/[$,]/g, "")));
    expect(dollars.length).toBeGreaterThan(0);
    expect(dollars).toEqual([...dollars].sort((a, b) => a - b));
    // Every dollar price comes before any listing priced only in euros.
    const firstEuro = prices.findIndex((price) => price.startsWith("€"));
    if (firstEuro >= 0) expect(prices.slice(firstEuro).every((price) => price.startsWith("€"))).toBe(true);
  });

  it("pages through every listing with Next and Previous", async () => {
    await page.goto(`${server.url}/search`);
    const total = Number(
      (await page.getByRole("heading", { name: /\d+ listings/ }).textContent())?.match(/(\d+)/)?.[1],
    );
    expect(total).toBeGreaterThan(24);
    const first = await cardTitles();
    expect(first).toHaveLength(24);
    await page.getByRole("link", { name: "Next →" }).click();
    await page.waitForURL(/after=/);
    // The URL changes before the next page's cards replace the first page's: wait for them.
    await expect.poll(async () => (await cardTitles())[0], { timeout: 15_000 }).not.toBe(first[0]);
    const second = await cardTitles();
    expect(second.length).toBe(Math.min(24, total - 24));
    expect(second.filter((title) => first.includes(title))).toEqual([]);
    await page.getByRole("link", { name: "← Previous" }).click();
    await page.waitForURL(/before=/);
    await page.locator('section[aria-labelledby="results-heading"] li').nth(23).waitFor();
    expect(await cardTitles()).toEqual(first);
  });

  it("opens a category and a model landing page, and finds no serious accessibility problems", async () => {
    await page.goto(server.url);
    await page.getByRole("link", { name: /^Copywriting \(\d+\)$/ }).click();
    await page.waitForURL("**/c/copywriting");
    await page
      .getByRole("heading", { level: 1, name: "Copywriting prompts, templates and agents" })
      .waitFor();
    await page.goto(server.url);
    await page.getByRole("link", { name: /^Midjourney \(\d+\)$/ }).click();
    await page.waitForURL("**/m/midjourney");
    await page.getByRole("heading", { level: 1, name: "Prompts and agents for Midjourney" }).waitFor();
    for (const path of ["/", "/search?q=email&type=PROMPT", "/c/design", "/m/claude"]) {
      await page.goto(`${server.url}${path}`);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map(
          (violation) =>
            `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
        );
      expect(serious, path).toEqual([]);
    }
  });
});
