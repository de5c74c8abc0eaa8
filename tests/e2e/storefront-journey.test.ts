// The storefront in a real browser: each listing type's page opened from search (teaser shown, paid
// part hidden, the buy box asking to sign in), the phone's sticky price-and-buy bar starting the same
// checkout as the box, and the embeddable buy button on another site (the overlay's frame renders,
// Buy opens checkout in a new tab, every other Stapel page refuses to be framed).
import { createServer, type Server } from "node:http";
import type { Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ListingSeed, SHOPS } from "../../prisma/seed-data/index.ts";
import { signInByEmail } from "./support/browser.ts";
import { type Journey, startJourney } from "./support/journey.ts";

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 900 };

/** One published, paid, English demo listing of each type (prisma/seed-data). */
const BY_TYPE = (["PROMPT", "TEMPLATE", "AGENT", "BUNDLE"] as const).map((type) => {
  const listing = SHOPS.flatMap((shop) => shop.listings).find(
    (candidate) =>
      candidate.type === type &&
      candidate.status === "PUBLISHED" &&
      candidate.priceAmount > 0 &&
      (candidate.language ?? "en") === "en",
  );
  if (!listing) throw new Error(`the demo seed has no published paid ${type}`);
  return listing;
});

/** Lines of the paid parts long enough to be unmistakable, as a page would print them. */
function paidLines(listing: ListingSeed): string[] {
  return [listing.body, listing.instructions]
    .flatMap((text) => text.split("\n"))
    .map((line) => line.trim())
    .filter((line) => line.length >= 24 && !/[&<>"']/.test(line))
    .filter((line) => !listing.teaser.includes(line) && !listing.description.includes(line))
    .filter(
      (line) => !listing.examples.some((example) => `${example.input}${example.output}`.includes(line)),
    );
}

let { server, browser, page, close } = {} as Journey;
beforeAll(async () => ({ server, browser, page, close } = await startJourney({ viewport: LAPTOP })));
afterAll(() => close?.());

describe("each listing type's page, opened from search", () => {
  it.each(BY_TYPE.map((listing) => [listing.type, listing] as const))(
    "a %s shows its teaser and buy box, never its paid part",
    async (_type, listing) => {
      await page.goto(`${server.url}/search`);
      await page.getByLabel("Search").fill(listing.title);
      await page.getByRole("button", { name: "Search", exact: true }).click();
      // The unfiltered list already links the listing: wait for the results, or the click may land
      // on the old list while the search navigates and be lost.
      await page.waitForURL((url) => url.pathname === "/search" && url.searchParams.has("q"));
      await page.getByRole("link", { name: listing.title }).first().click();
      await page.waitForURL(`**/p/${listing.slug}`);
      await page.getByRole("heading", { level: 1, name: listing.title }).waitFor();

      const peek = page.locator("section", { has: page.getByRole("heading", { name: "A peek inside" }) });
      expect(await peek.textContent()).toContain(listing.teaser.split("\n")[0]?.trim());
      await expect.poll(() => page.getByRole("button", { name: /^Sign in to buy for / }).count()).toBe(1);
      if (listing.bundleOf?.length) {
        const included = page.locator("section", {
          has: page.getByRole("heading", { name: "Included in this bundle" }),
        });
        expect(await included.getByRole("link").count()).toBe(listing.bundleOf.length);
      }

      const html = await page.content();
      const lines = paidLines(listing);
      expect(lines.length, `no checkable paid line in ${listing.slug}`).toBeGreaterThan(0);
      for (const line of lines) expect(html.includes(line), `the page shows "${line}"`).toBe(false);
    },
  );
});

describe("on a phone", () => {
  const listing = BY_TYPE[0] as ListingSeed;

  it("keeps a price-and-buy bar on screen only while the buy box is out of view; laptops have none", async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/p/${listing.slug}`);
    const bar = page.getByTestId("sticky-buy-bar");
    await bar.waitFor();
    const box = page.locator("#buy-form");
    const boxTop = (await box.boundingBox())?.y ?? 0;
    expect(boxTop, "the buy box starts below the first screen").toBeGreaterThan(PHONE.height);
    const barBox = await bar.boundingBox();
    expect(barBox && barBox.y + barBox.height).toBeLessThanOrEqual(PHONE.height + 1);

    // The bar's price is the buy box's: the viewer's price.
    const price = (await page.getByTestId("sticky-buy-bar-price").textContent())?.trim() ?? "";
    expect(price).toMatch(/\d/);
    expect(await box.getByRole("button", { name: /^Sign in to buy for / }).textContent()).toContain(price);

    // With the box itself on screen the bar steps aside, and comes back when the box leaves.
    await box.scrollIntoViewIfNeeded();
    await expect.poll(() => bar.isVisible()).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => bar.isVisible()).toBe(true);

    await page.setViewportSize(LAPTOP);
    await expect.poll(() => bar.isVisible()).toBe(false);
    await page.setViewportSize(PHONE);
  });

  it("starts the same checkout as the buy box: sign in first, then the sandbox's payment page", async () => {
    await page.goto(`${server.url}/p/${listing.slug}`);
    await page.getByTestId("sticky-buy-bar").getByRole("button", { name: "Sign in to buy" }).click();
    await page.waitForURL(/\/login\?redirectTo=/);
    expect(decodeURIComponent(new URL(page.url()).searchParams.get("redirectTo") ?? "")).toContain(
      `/p/${listing.slug}`,
    );
    await signInByEmail(page, server.url, "buyer@stapel.test");
    await page.waitForURL(`**/p/${listing.slug}`);

    const bar = page.getByTestId("sticky-buy-bar");
    const price = (await bar.getByTestId("sticky-buy-bar-price").textContent())?.trim() ?? "";
    await bar.getByRole("button", { name: "Buy now" }).click();
    await page.waitForURL(/\/c\/pay\/cs_/);
    // The sandbox's hosted page charges what the bar said.
    expect(await page.locator("body").textContent()).toContain(price.replace(/\s/g, " "));
    await browser.clearCookies();
    await page.setViewportSize(LAPTOP);
  });
});

describe("the embeddable buy button on another site", () => {
  const listing = BY_TYPE[0] as ListingSeed;
  let site: Server;
  let siteUrl: string;

  beforeAll(async () => {
    // A seller's own page: another site (localhost, not 127.0.0.1) with the snippet from the docs,
    // and two plain frames of Stapel pages that are not the embed page.
    site = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(`<!doctype html>
<html lang="en"><head><title>My own site</title></head><body>
<h1>My prompts</h1>
<a data-stapel-buy href="${server.url}/p/${listing.slug}">Buy on Stapel</a>
<script src="${server.url}/embed.js" async></script>
<iframe title="listing page" src="${server.url}/p/${listing.slug}" width="400" height="300"></iframe>
<iframe title="home page" src="${server.url}/" width="400" height="300"></iframe>
<iframe title="embed page" src="${server.url}/embed/p/${listing.slug}" width="400" height="300"></iframe>
</body></html>`);
    });
    await new Promise<void>((ready) => site.listen(0, "127.0.0.1", ready));
    const address = site.address();
    siteUrl = `http://localhost:${typeof address === "object" && address ? address.port : 0}/`;
  });
  afterAll(async () => {
    await new Promise((done) => site?.close(done));
  });

  async function frameOf(title: string): Promise<Frame> {
    const frame = await page
      .locator(`iframe[title="${title}"]`)
      .elementHandle()
      .then((el) => el?.contentFrame());
    if (!frame) throw new Error(`no frame "${title}"`);
    return frame;
  }

  it("opens the buy card in an overlay whose Buy button opens checkout in a new tab", async () => {
    await page.goto(siteUrl);
    const link = page.getByRole("link", { name: "Buy on Stapel" });
    const overlay = page.getByRole("dialog", { name: "Buy on Stapel" });
    // Escape closes the overlay (focus is on its Close button) and gives focus back to the link.
    await link.click();
    await overlay.waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => overlay.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Buy on Stapel");

    await link.click();
    const card = page.frameLocator('[data-stapel-overlay] iframe[title="Buy on Stapel"]');
    await card.getByRole("heading", { name: listing.title }).waitFor();
    const buy = card.getByRole("button", { name: /^Buy for / });
    await buy.waitFor();
    const [tab] = await Promise.all([page.context().waitForEvent("page"), buy.click()]);
    // Signed out: checkout asks to sign in first, as the listing page's buy box does.
    await tab.waitForURL(/\/login\?redirectTo=|\/c\/pay\/cs_/);
    expect(new URL(tab.url()).origin).toBe(server.url);
    await tab.close();
    // The seller's page is still there under the overlay; Close ends it.
    expect(page.url()).toBe(siteUrl);
    await overlay.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => overlay.count()).toBe(0);
  });

  it("lets only the embed page be framed: the listing and home pages refuse", async () => {
    await page.goto(siteUrl);
    const embed = await frameOf("embed page");
    await embed.getByRole("heading", { name: listing.title }).waitFor();

    for (const title of ["listing page", "home page"]) {
      const frame = await frameOf(title);
      await frame.waitForLoadState().catch(() => undefined);
      // A refused frame shows nothing of Stapel's: no header with the brand, no listing. (Chromium
      // may draw its own error page there, with a heading of its own, so count Stapel's parts.)
      await page.waitForTimeout(1_000);
      const shown = async (locator: ReturnType<Frame["locator"]>) => locator.count().catch(() => 0);
      expect(await shown(frame.getByRole("link", { name: "Stapel", exact: true })), title).toBe(0);
      expect(await shown(frame.getByText(listing.title)), title).toBe(0);
    }
    // The same parts are there when the pages are opened directly: the check above can fail.
    await page.goto(`${server.url}/p/${listing.slug}`);
    expect(await page.getByRole("link", { name: "Stapel", exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("heading", { name: listing.title }).count()).toBeGreaterThan(0);

    const listingHeaders = (await page.request.get(`${server.url}/p/${listing.slug}`)).headers();
    expect(listingHeaders["x-frame-options"]).toBe("DENY");
    expect(listingHeaders["content-security-policy"]).toContain("frame-ancestors 'none'");
    const embedHeaders = (await page.request.get(`${server.url}/embed/p/${listing.slug}`)).headers();
    expect(embedHeaders["x-frame-options"]).toBeUndefined();
    expect(embedHeaders["content-security-policy"]).toContain("frame-ancestors *");
  });
});
