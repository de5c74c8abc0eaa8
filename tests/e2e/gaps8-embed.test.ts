// The embeddable buy button's overlay in a real browser, the parts the storefront journey leaves:
// Escape pressed inside the card's cross-origin frame closes the overlay (the card tells embed.js),
// while the same message from another origin or another frame does not; and where the seller's
// page blocks frames, the buyer lands on the listing in a new tab and the seller's page stays.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHOPS } from "../../prisma/seed-data/index.ts";
import { type Journey, startJourney } from "./support/journey.ts";

/** A published, fixed-price English demo listing: its card has a plain Buy button. */
const listing = (() => {
  const found = SHOPS.flatMap((shop) => shop.listings).find(
    (candidate) =>
      candidate.type === "PROMPT" &&
      candidate.status === "PUBLISHED" &&
      candidate.priceAmount > 0 &&
      (candidate.language ?? "en") === "en",
  );
  if (!found) throw new Error("the demo seed has no published paid prompt");
  return found;
})();

let { server, page, close } = {} as Journey;
let site: Server;
let siteUrl: string;

beforeAll(async () => {
  ({ server, page, close } = await startJourney());
  // A seller's own site (localhost, not 127.0.0.1: another origin): "/" with the snippet and, for
  // the messages test, a plain frame of the same card; "/strict" refuses every frame (its CSP).
  site = createServer((req, res) => {
    const strict = req.url === "/strict";
    res
      .writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        ...(strict ? { "Content-Security-Policy": "frame-src 'none'" } : {}),
      })
      .end(`<!doctype html>
<html lang="en"><head><title>My own site</title></head><body>
<h1>My prompts</h1>
<a data-stapel-buy href="${server.url}/p/${listing.slug}">Buy on Stapel</a>
<script src="${server.url}/embed.js" async></script>
${strict ? "" : `<iframe title="another card" src="${server.url}/embed/p/${listing.slug}" width="400" height="300"></iframe>`}
</body></html>`);
  });
  await new Promise<void>((ready) => site.listen(0, "127.0.0.1", ready));
  const address = site.address();
  siteUrl = `http://localhost:${typeof address === "object" && address ? address.port : 0}/`;
});
afterAll(async () => {
  await close?.();
  await new Promise((done) => site?.close(done));
});

const overlay = () => page.getByRole("dialog", { name: "Buy on Stapel" });
const card = () => page.frameLocator('[data-stapel-overlay] iframe[title="Buy on Stapel"]');

/** Opens the overlay and puts focus on the card's Buy button, inside the cross-origin frame. */
async function openWithFocusInCard() {
  await page.getByRole("link", { name: "Buy on Stapel" }).click();
  const buy = card().getByRole("button", { name: /^Buy for / });
  await buy.focus();
  // Focus really is in the frame: the host page's active element is the overlay's iframe.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("IFRAME");
}

/** Records every message the host page receives that asks to close the card. */
async function countCloseMessages() {
  await page.evaluate(() => {
    const holder = window as unknown as { closeMessages: number };
    holder.closeMessages = 0;
    window.addEventListener("message", (event) => {
      if (event.data?.stapelEmbed === "close") holder.closeMessages += 1;
    });
  });
  return () => page.evaluate(() => (window as unknown as { closeMessages: number }).closeMessages);
}

/**
 * Presses Escape in the card the way a person does, the key going down then up, but lets the key
 * come up only once the overlay is gone: the card closes on keydown, and a keyup sent into the frame
 * being removed is never acknowledged by Chromium, so Playwright's `press` could hang for good.
 */
async function pressEscapeInCard() {
  await page.keyboard.down("Escape");
  await expect.poll(() => overlay().count()).toBe(0);
  await page.keyboard.up("Escape");
}

describe("the overlay and the card's frame", () => {
  it("closes on Escape pressed inside the card, and focus returns to the Buy link", async () => {
    await page.goto(siteUrl);
    await openWithFocusInCard();
    await pressEscapeInCard();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Buy on Stapel");
  });

  it("does not close for the same message from another origin or from another Stapel frame", async () => {
    await page.goto(siteUrl);
    const heard = await countCloseMessages();
    await openWithFocusInCard();

    // The host page's own script (another origin) says "close".
    await page.evaluate(() => window.postMessage({ stapelEmbed: "close" }, "*"));
    await expect.poll(heard).toBe(1);
    // Another frame of the same card (Stapel's origin, but not the overlay's frame) says "close".
    const another = await page
      .locator('iframe[title="another card"]')
      .elementHandle()
      .then((element) => element?.contentFrame());
    if (!another) throw new Error("no frame with another card");
    await another.evaluate(() => parent.postMessage({ stapelEmbed: "close" }, "*"));
    await expect.poll(heard).toBe(2);
    // Both were delivered and heard; the overlay is still open.
    expect(await overlay().count()).toBe(1);

    // The check can fail: the overlay's own card closes it.
    await card()
      .getByRole("button", { name: /^Buy for / })
      .focus();
    await pressEscapeInCard();
    expect(await heard()).toBe(3);
  });
});

describe("a seller's page that blocks frames", () => {
  it("sends the buyer to the listing in a new tab and keeps the seller's page", async () => {
    await page.goto(`${siteUrl}strict`);
    const [tab] = await Promise.all([
      page.context().waitForEvent("page"),
      page.getByRole("link", { name: "Buy on Stapel" }).click(),
    ]);
    await tab.waitForURL(`${server.url}/p/${listing.slug}`);
    await tab.getByRole("heading", { name: listing.title }).waitFor();
    // From the listing's buy box the buyer goes on to checkout (signed out: sign in first).
    await tab
      .locator("#buy-form")
      .getByRole("button", { name: /^Sign in to buy for / })
      .click();
    await tab.waitForURL(/\/login\?redirectTo=/);
    // The new tab cannot reach back into the seller's page, which is still there, overlay gone.
    expect(await tab.evaluate(() => window.opener)).toBeNull();
    await tab.close();
    expect(page.url()).toBe(`${siteUrl}strict`);
    await expect.poll(() => overlay().count()).toBe(0);
  });
});
