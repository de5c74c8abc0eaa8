import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Journey, startJourney } from "./support/journey.ts";

// The product page's JavaScript budget (ADR 36) in a real browser, on a phone, in German: the page
// hydrates with its core words only and shows no English and no raw keys; its reviews stay the
// server's HTML until they come near the screen, then their code arrives and they hydrate; a page
// reached from it (before the reviews hydrated) has the rest of the words; no step logs an error.
// A reload revalidates the page (a 304): it must hydrate again, its stored nonce still allowed.

let { server, page, close } = {} as Journey;
const errors: string[] = [];
/** The script chunks the browser fetched, by name without the hash ("de-core", "reviews-section"). */
const scripts: string[] = [];
/** The best-rated listing: it has reviews, so its reviews section has links. */
let LISTING = "";
/** Another listing, for a navigation between two listing pages. */
let OTHER = "";

beforeAll(async () => {
  ({ server, page, close } = await startJourney({ viewport: { width: 390, height: 844 } }));
  await page.setExtraHTTPHeaders({ "Accept-Language": "de-DE,de;q=0.9" });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  const search = await (await fetch(`${server.url}/search?sort=rating`)).text();
  const listings = [...new Set([...search.matchAll(/href="(\/p\/[\w-]+)"/g)].map((match) => match[1] ?? ""))];
  [LISTING = "", OTHER = ""] = listings;
  expect(OTHER).not.toBe("");
  page.on("request", (request) => {
    const name = /\/assets\/(.+)-[\w-]{8}\.js$/.exec(new URL(request.url()).pathname)?.[1];
    if (name) scripts.push(name);
  });
});

afterAll(() => close?.());

async function hydrated() {
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.waitForLoadState("networkidle");
}
/** Whether React has hydrated the element (it keeps its fiber on the DOM node). */
const isHydrated = (selector: string) =>
  page
    .locator(selector)
    .evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactFiber")));
/** Text that looks like a dictionary key ("reviews.heading") rather than words. */
const rawKeys = async () =>
  (await page.locator("body").innerText()).match(
    /\b(layout|nav|listing|reviews|buy|bar|examples|home|search)\.[a-z]\w+/g,
  ) ?? [];

describe("the product page on a German phone", () => {
  it("hydrates with its core words, in German, and leaves the reviews' code until they are near", async () => {
    await page.goto(`${server.url}${LISTING}`);
    await hydrated();
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    expect(scripts).toContain("de-core");
    expect(scripts).not.toContain("en-core");
    const reviews = page.locator("#reviews");
    const top = await reviews.evaluate((element) => element.getBoundingClientRect().top / window.innerHeight);
    expect(top).toBeGreaterThan(2.2); // more than a screen below the one that loads early
    expect(scripts).not.toContain("reviews-section");
    // The rest of the page is hydrated; the reviews are the server's HTML until their code is here.
    expect(await isHydrated("#buy-form")).toBe(true);
    expect(await isHydrated("#reviews")).toBe(false);
    await expect.poll(() => page.locator("#reviews-heading").innerText()).toMatch(/Bewertungen/);
    expect(await rawKeys()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("fetches the reviews' code on scrolling to them, then hydrates them", async () => {
    await page.locator("#reviews").scrollIntoViewIfNeeded();
    await expect.poll(() => scripts.includes("reviews-section")).toBe(true);
    await expect.poll(() => isHydrated("#reviews")).toBe(true);
    expect(await page.locator("#reviews-heading").innerText()).toMatch(/Bewertungen/);
    expect(await rawKeys()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("a page reached from it has the rest of the words, and navigating away never hangs", async () => {
    await page.goto(`${server.url}${LISTING}?at=top`); // a new address: no scroll to restore
    await hydrated();
    expect(await isHydrated("#reviews")).toBe(false);
    // Leave before scrolling: the reviews are still server HTML when the navigation starts.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.getByRole("link", { name: "Entdecken" }).first().click();
    await page.waitForURL((url) => url.pathname === "/");
    await hydrated();
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
    expect(await page.locator("h1").first().innerText()).toMatch(/Prompts, Vorlagen und Agenten/);
    expect(await rawKeys()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("goes from one listing page to another in the app while the first one's reviews are still HTML", async () => {
    await page.goto(`${server.url}${LISTING}?at=top`);
    await hydrated();
    expect(await isHydrated("#reviews")).toBe(false);
    await page.evaluate(
      (to) =>
        (window as unknown as { __remixRouter: { navigate(to: string): void } }).__remixRouter.navigate(to),
      OTHER,
    );
    await page.waitForURL((url) => url.pathname === OTHER);
    await expect.poll(() => page.locator("#reviews").count()).toBe(1);
    await expect.poll(() => isHydrated("#reviews")).toBe(true);
    expect(await rawKeys()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("hydrates again when the browser revalidates the page it already has", async () => {
    await page.goto(`${server.url}${OTHER}`);
    await page.reload();
    await hydrated();
    expect(await isHydrated("#buy-form")).toBe(true);
    expect(errors).toEqual([]);
  });
});
