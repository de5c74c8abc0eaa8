// Issue 7's "Done means", in a real browser against the launcher (server/start.ts) and its Stripe
// sandbox: a new user opens a shop, completes Connect onboarding on the sandbox's hosted page, creates
// a prompt with typed variables, a cover image and a 50 MB file (the progress bar moves, the SHA-256
// is shown), two licence tiers priced in EUR and USD and a discount code, and publishes; a second new
// user buys the Commercial tier with the code on the sandbox's hosted Checkout and finds it in the
// library; the seller sees the sale with its platform fee and net, refunds part (the buyer keeps
// access), then the rest (access ends), and the buyer has a refund email for each.
// The steps share one seller, listing and buyer, so they run in order and each needs the one before.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, signInByEmail } from "./support/browser.ts";
import { type RunningServer, startStapel } from "./support/server.ts";

const SELLER = { email: "new-seller@example.com", handle: "nora-prompts", shop: "Nora's Prompts" };
const LISTING = {
  title: "Tone-Shifting Blog Post Writer",
  body: "Write about {{topic}} in a {{tone:enum(formal,casual)}} tone.",
  coverAlt: "A stack of blue and orange cards",
};
const BUYER = "new-buyer@example.com";
const TIERS = {
  personal: {
    name: "Personal",
    licence: "Personal licence: for your own writing only.",
    eur: "9.00",
    usd: "10.00",
  },
  commercial: {
    name: "Commercial",
    licence: "Commercial licence: use the outputs in client work and paid products.",
    eur: "29.00",
    usd: "32.00",
  },
};
/** 20% off: the Commercial tier's €29.00 becomes €23.20, of which 5% (PLATFORM_FEE_BPS) is €1.16. */
const DISCOUNT = { code: "LAUNCH20", percent: "20" };
const BIG_FILE = { name: "blog-post-swipe-file.md", bytes: 50 * 1024 * 1024 };

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let workDir: string;
let bigFile: { path: string; sha256: string };
let coverPath: string;
let listingUrl: string;
let downloadHref: string | null = null;
let saleUrl: string;

/** Random text (no NUL byte, so it is a valid Markdown file) of `bytes` bytes, and its SHA-256. */
async function writeBigTextFile(path: string, bytes: number) {
  const hash = createHash("sha256");
  const file = await open(path, "w");
  try {
    const line = 1024; // 1023 base64 characters and a newline
    for (let written = 0; written < bytes; ) {
      const size = Math.min(1024 * 1024, bytes - written);
      const chunk = Buffer.alloc(size);
      for (let at = 0; at < size; at += line) {
        const length = Math.min(line, size - at);
        chunk.write(
          randomBytes(768)
            .toString("base64")
            .slice(0, length - 1),
          at,
          "latin1",
        );
        chunk[at + length - 1] = 0x0a;
      }
      hash.update(chunk);
      await file.write(chunk);
      written += size;
    }
  } finally {
    await file.close();
  }
  return { path, sha256: hash.digest("hex") };
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "stapel-seller-journey-"));
  coverPath = join(workDir, "cover.png");
  // A real PNG made at run time: sharp on the server must accept it and make the webp variants.
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 40, g: 90, b: 200 } } })
    .composite([
      {
        input: { create: { width: 500, height: 400, channels: 3, background: { r: 240, g: 140, b: 30 } } },
        top: 200,
        left: 350,
      },
    ])
    .png()
    .toFile(coverPath);
  [bigFile, server] = await Promise.all([
    writeBigTextFile(join(workDir, BIG_FILE.name), BIG_FILE.bytes),
    startStapel(),
  ]);
  browser = await launchBrowser();
  page = await browser.newPage();
  // The sale page confirms each refund with confirm().
  page.on("dialog", (dialog) => void dialog.accept());
});

// Each step needs the one before: after a failure the rest are skipped, and the page is kept as a
// screenshot (its path is printed) to show what the browser showed.
let failedStep: string | null = null;
beforeEach((context) => {
  if (failedStep) context.skip(`"${failedStep}" failed`);
});
afterEach(async (context) => {
  if (context.task.result?.state !== "fail" || failedStep) return;
  failedStep = context.task.name;
  const path = join(tmpdir(), `seller-journey-${Date.now()}.png`);
  await page?.screenshot({ path, fullPage: true }).then(
    () => console.log(`[seller-journey] "${failedStep}" failed at ${page.url()}; screenshot: ${path}`),
    () => undefined,
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Waits until React has hydrated the page, so inputs that update the page live are wired. */
async function hydrated() {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => "__remixRouter" in window);
}

/** Signs out of whoever was signed in and signs `email` in through the real magic link. */
async function signInAs(email: string) {
  await browser.clearCookies();
  await signInByEmail(page, server.url, email);
}

/** The texts of the emails the dev outbox holds for `to` whose subject starts with `subject`. */
async function emails(to: string, subject: string): Promise<string[]> {
  await page.goto(`${server.url}/dev/outbox`);
  const messages = page
    .locator("li", { hasText: `To ${to}` })
    .filter({ has: page.getByRole("heading", { name: subject }) });
  return (await messages.allTextContents()).map((text) => text.replace(/\s+/g, " "));
}

describe("a new seller's shop, from opening it to refunding a sale, in a real browser", () => {
  it("opens a shop at /sell and completes Connect onboarding on the sandbox's hosted page", async () => {
    await signInAs(SELLER.email);
    // The header's Sell link leads there.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sell" }).click();
    await page.waitForURL(`${server.url}/sell`);
    await page.getByLabel(/^Handle/).fill(SELLER.handle);
    await page.getByLabel("Shop name").fill(SELLER.shop);
    await page.getByLabel("Default currency").selectOption("EUR");
    await page.getByRole("button", { name: "Open shop" }).click();
    await page.waitForURL(`${server.url}/dashboard`);

    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Payouts" }).click();
    await page.getByRole("heading", { name: "Payouts" }).waitFor();
    await page.getByRole("button", { name: "Set up payouts with Stripe" }).click();
    await page.waitForURL(`${server.sandboxUrl()}/**`);
    await page.getByRole("heading", { name: /Set up payouts/ }).waitFor();
    await page.getByRole("button", { name: "Complete onboarding (test data)" }).click();

    await page.waitForURL(/\/dashboard\/payouts\?from=return/);
    await page.getByText("You are back from Stripe: your shop can take payments.").waitFor();
    const status = page.locator("dl");
    expect(await status.textContent()).toMatch(/StatusReady.*PaymentsEnabled/);
  });

  it("creates a prompt with typed variables, sees the buyer's form live, and adds a cover image", async () => {
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Listings" }).click();
    await page.getByRole("link", { name: "New listing" }).click();
    await page.getByRole("heading", { name: "New listing" }).waitFor();
    await hydrated();
    await page.getByLabel("What are you selling?").selectOption("PROMPT");
    await page.getByLabel("Title").fill(LISTING.title);
    await page.getByLabel("Tagline").fill("Blog posts in the tone your readers expect");
    await page.getByLabel("Description").fill("Fill in a **topic** and a tone; get a ready-to-use prompt.");
    await page.getByLabel("Category").fill("Writing");
    await page.getByLabel("AI models (comma-separated)").fill("ChatGPT, Claude");
    await page.getByLabel("Price (EUR)").fill("9.00");

    // The live preview of the buyer's form follows the prompt as it is typed.
    const preview = page.getByRole("region", { name: "Preview: the form your buyers fill" });
    await page.getByLabel("Prompt", { exact: true }).fill("Write about {{topic}}.");
    await preview.getByLabel("Topic").waitFor();
    expect(await preview.getByLabel("Tone").count()).toBe(0);
    await page.getByLabel("Prompt", { exact: true }).fill(LISTING.body);
    await preview.getByLabel("Tone").waitFor();
    expect(await preview.getByLabel("Tone").locator("option").allTextContents()).toEqual([
      "Choose…",
      "formal",
      "casual",
    ]);
    expect(await preview.getByLabel("Topic").getAttribute("type")).toBe("text");

    // The cover: a PNG with its alt text, uploaded before the draft is saved.
    const cover = page.getByRole("group", { name: "Cover image" });
    await cover.getByLabel(/^Image file/).setInputFiles(coverPath);
    await cover.getByLabel("Alt text (what the image shows)").fill(LISTING.coverAlt);
    await cover.getByRole("button", { name: "Upload image" }).click();
    await cover.getByText(`Alt text: ${LISTING.coverAlt}`).waitFor();
    expect(await cover.getByRole("img", { name: LISTING.coverAlt }).getAttribute("srcset")).toMatch(
      /\/images\/\w+\/320\.webp 320w/,
    );

    await page.getByRole("button", { name: "Save draft" }).click();
    await page.waitForURL(/\/dashboard\/listings\/[a-z0-9]+\?created=1$/);
    await page.getByText("Draft saved.").waitFor();
    await page.getByRole("heading", { name: `${LISTING.title} (draft)` }).waitFor();
    const savedCover = page.getByRole("group", { name: "Cover image" });
    await savedCover.getByText(`Alt text: ${LISTING.coverAlt}`).waitFor();
  });

  it("uploads a 50 MB file with a moving progress bar, then shows its SHA-256", async () => {
    await hydrated();
    const files = page.getByRole("region", { name: "Files (paid)" });
    // Every value the progress bar takes, sampled in the page as the browser paints.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      const sample = () => {
        const bar = document.querySelector("progress");
        if (bar && seen.at(-1) !== bar.value) seen.push(bar.value);
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await files.getByLabel(/^Add a file/).setInputFiles(bigFile.path);
    const bar = files.getByRole("progressbar", { name: `Upload of ${BIG_FILE.name}` });
    await bar.waitFor({ state: "visible" });
    expect(Number(await bar.getAttribute("max"))).toBe(BIG_FILE.bytes);

    const done = files.getByRole("status").filter({ hasText: `Uploaded ${BIG_FILE.name}` });
    await done.waitFor({ timeout: 90_000 });
    expect(await done.textContent()).toContain(`${BIG_FILE.bytes.toLocaleString("en")} bytes`);
    expect(await done.textContent()).toContain(`SHA-256: ${bigFile.sha256}`);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    // The bar was seen part-way, and it moved.
    expect(seen.some((value) => value > 0 && value < BIG_FILE.bytes)).toBe(true);
    expect(new Set(seen).size).toBeGreaterThan(1);

    // The listing's file list has it too, with the same hash (after the page revalidated).
    await files.getByRole("link", { name: BIG_FILE.name }).waitFor();
    expect(await files.getByRole("listitem").filter({ hasText: BIG_FILE.name }).textContent()).toContain(
      bigFile.sha256,
    );
  });

  it("sets a Personal and a Commercial tier, each priced in EUR and USD", async () => {
    await page.getByRole("link", { name: "Pricing and licences" }).click();
    await page.getByRole("heading", { name: "Pricing and licences" }).waitFor();
    await hydrated();

    // A new listing has one tier, "Standard", at the editor's price: it becomes Personal.
    const standard = page.getByRole("form", { name: "Standard" });
    await standard.getByLabel("Tier name").fill(TIERS.personal.name);
    await standard.getByLabel(/^Licence text/).fill(TIERS.personal.licence);
    await standard.getByLabel("Price in EUR").fill(TIERS.personal.eur);
    await standard.getByLabel("Price in USD").fill(TIERS.personal.usd);
    await standard.getByRole("button", { name: "Save tier" }).click();
    await page.getByRole("form", { name: TIERS.personal.name }).waitFor();

    const added = page.getByRole("form", { name: "Add a tier" });
    await added.getByLabel("Tier name").fill(TIERS.commercial.name);
    await added.getByLabel(/^Licence text/).fill(TIERS.commercial.licence);
    await added.getByLabel("Price in EUR").fill(TIERS.commercial.eur);
    await added.getByLabel("Price in USD").fill(TIERS.commercial.usd);
    await added.getByRole("button", { name: "Add tier" }).click();

    const commercial = page.getByRole("form", { name: TIERS.commercial.name });
    await commercial.waitFor();
    expect(await commercial.getByLabel("Price in EUR").inputValue()).toBe(TIERS.commercial.eur);
    expect(await commercial.getByLabel("Price in USD").inputValue()).toBe(TIERS.commercial.usd);
    const personal = page.getByRole("form", { name: TIERS.personal.name });
    expect(await personal.getByLabel("Price in EUR").inputValue()).toBe(TIERS.personal.eur);
    expect(await personal.getByLabel("Price in USD").inputValue()).toBe(TIERS.personal.usd);
    expect(await page.getByRole("form", { name: "Standard" }).count()).toBe(0);
  });

  it("creates a discount code for the listing", async () => {
    await page
      .getByRole("navigation", { name: "Dashboard" })
      .getByRole("link", { name: "Discounts" })
      .click();
    await page.getByRole("heading", { name: "Discount codes" }).waitFor();
    await page.getByRole("link", { name: "New code" }).click();
    await page.getByRole("heading", { name: "New discount code" }).waitFor();
    await hydrated();
    await page.getByLabel("Code", { exact: true }).fill(DISCOUNT.code);
    await page.getByLabel("Percentage off").check();
    await page.getByLabel("Percent off (1 to 100)").fill(DISCOUNT.percent);
    await page.getByLabel("Some listings and plans").check();
    await page.getByLabel(LISTING.title).check();
    await page.getByRole("button", { name: "Create code" }).click();

    await page.getByText("Code created.").waitFor();
    await page.getByRole("heading", { name: DISCOUNT.code }).waitFor();
    const terms = await page.locator("dl").textContent();
    expect(terms).toContain(`${DISCOUNT.percent}% off · selected listings and plans`);
    expect(terms).toContain(LISTING.title);
    expect(await page.getByText("Stripe does not have this code yet").count()).toBe(0);
  });

  it("publishes the listing, whose page offers its own seller Edit instead of Buy", async () => {
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Listings" }).click();
    await page.getByRole("link", { name: LISTING.title }).click();
    await page.getByRole("heading", { name: `${LISTING.title} (draft)` }).waitFor();
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Published: it is on sale in your shop.").waitFor();
    await page.getByRole("link", { name: "View in your shop" }).click();
    await page.waitForURL(/\/p\/[a-z0-9-]+$/);
    listingUrl = page.url();
    await page.getByRole("heading", { name: LISTING.title, level: 1 }).waitFor();
    // Its own seller is offered Edit, not Buy.
    await page.getByRole("link", { name: "Edit your listing" }).waitFor();
    expect(await page.getByRole("img", { name: LISTING.coverAlt }).count()).toBe(1);
  });

  it("lets a new buyer choose Commercial in EUR, enter the code and pay with 4242", async () => {
    await signInAs(BUYER);
    // An American browser: the buy box starts in USD and offers EUR.
    await page.setExtraHTTPHeaders({ "Accept-Language": "en-US,en;q=0.9" });
    await page.goto(listingUrl);
    await hydrated();
    const buyBox = page.getByRole("form", { name: "Buy" });
    await buyBox.getByText("Paying in USD.").waitFor();
    const radio = (tier: { name: string }, price: string) =>
      buyBox.getByRole("radio", { name: `${tier.name} · ${price}`, exact: true });
    await radio(TIERS.personal, `$${TIERS.personal.usd}`).waitFor();
    await radio(TIERS.commercial, `$${TIERS.commercial.usd}`).waitFor();
    await buyBox.getByRole("link", { name: "Pay in EUR" }).click();
    await buyBox.getByText("Paying in EUR.").waitFor();
    await radio(TIERS.personal, `€${TIERS.personal.eur}`).waitFor();

    await radio(TIERS.commercial, `€${TIERS.commercial.eur}`).check();
    await buyBox
      .getByTestId("buy-box-price")
      .filter({ hasText: `€${TIERS.commercial.eur}` })
      .waitFor();
    await buyBox.getByLabel("Discount code (optional)").fill(DISCOUNT.code.toLowerCase());
    await buyBox.getByRole("button", { name: `Buy for €${TIERS.commercial.eur}` }).click();

    // The sandbox's hosted Checkout: the code is applied, 20% off €29.00.
    await page.waitForURL(/\/c\/pay\/cs_/);
    await page.getByText("€23.20").first().waitFor();
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("Expiry").fill("12 / 34");
    await page.getByLabel("CVC").fill("123");
    await page.getByLabel("Name on card").fill("New Buyer");
    await page.getByRole("button", { name: "Pay €23.20" }).click();
    await page.waitForURL(/\/checkout\/success/);
    await page.getByRole("heading", { name: "Thank you! It is yours." }).waitFor();
    await page.setExtraHTTPHeaders({});
  });

  it("gives the buyer the prompt's variable form, the Commercial licence and the file in the library", async () => {
    await page.goto(`${server.url}/library`);
    await page.getByRole("heading", { name: "Your library" }).waitFor();
    await page.getByRole("link", { name: LISTING.title }).click();
    await page.getByRole("heading", { name: LISTING.title, level: 1 }).waitFor();
    await hydrated();

    const fill = page.getByRole("region", { name: "Fill in the prompt" });
    await fill.getByLabel("Topic").fill("remote work");
    await fill.getByLabel("Tone").selectOption("casual");
    await fill
      .getByTestId("filled-prompt")
      .filter({ hasText: "Write about remote work in a casual tone." })
      .waitFor();

    const licence = page.getByRole("heading", { name: `Your licence: ${TIERS.commercial.name}` });
    await licence.waitFor();
    expect(await licence.locator("xpath=..").textContent()).toContain(TIERS.commercial.licence);
    expect(await page.getByText(TIERS.personal.licence).count()).toBe(0);
    // The licence terms and the licence key are two regions, each named by its own heading.
    expect(await page.getByRole("region", { name: `Your licence: ${TIERS.commercial.name}` }).count()).toBe(
      1,
    );
    expect(await page.getByRole("region", { name: "Licence key" }).count()).toBe(1);

    // The 50 MB file arrives whole: the same SHA-256 as the one uploaded.
    const link = page.getByRole("link", { name: `Download ${BIG_FILE.name}` });
    downloadHref = await link.getAttribute("href");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const hash = createHash("sha256");
    for await (const chunk of await download.createReadStream()) hash.update(chunk as Buffer);
    expect(hash.digest("hex")).toBe(bigFile.sha256);
  });

  it("shows the seller the sale with the discount, the platform fee and the net", async () => {
    await signInAs(SELLER.email);
    await page.goto(`${server.url}/dashboard/sales`);
    const row = page.getByRole("row", { name: new RegExp(BUYER) });
    await row.getByRole("link", { name: new RegExp(LISTING.title) }).click();
    await page.waitForURL(/\/dashboard\/sales\/[a-z0-9]+$/);
    saleUrl = page.url();
    const items = page.getByRole("region", { name: "Buyer" });
    expect(await items.textContent()).toContain(`${LISTING.title} · ${TIERS.commercial.name} licence`);

    // Stripe's fee and the net are "pending" until the balance transaction is known: reload until then.
    const amounts = page.getByRole("region", { name: "Amounts" });
    const line = (label: string) =>
      amounts
        .locator("div", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
        .locator("dd");
    await expect
      .poll(
        async () => {
          await page.reload();
          return line("Net to you").textContent();
        },
        { timeout: 20_000 },
      )
      .not.toBe("pending");
    expect(await line("Gross").textContent()).toBe("€23.20");
    expect(await line("Discount").textContent()).toBe("−€5.80");
    expect(await line("Platform fee").textContent()).toBe("−€1.16");
    expect(await line("Stripe fee").textContent()).toMatch(/^−€\d+\.\d{2}$/);
    // A destination charge: the seller's net is the transfer, the amount less the platform fee.
    expect(await line("Net to you").textContent()).toBe("€22.04");
  });

  it("refunds part: the buyer keeps access and is emailed", async () => {
    const refund = page.getByRole("region", { name: "Refund", exact: true });
    expect(await refund.getByLabel(/^Amount in EUR/).inputValue()).toBe("23.20");
    await refund.getByLabel(/^Amount in EUR/).fill("10.00");
    await refund.getByRole("button", { name: "Refund", exact: true }).click();
    await page.getByText("Refunded €10.00. This is a partial refund: the buyer keeps access.").waitFor();
    // The notice comes with the action's answer; the sale's figures once the page's data is reloaded.
    await page.getByRole("region", { name: "Refunds" }).getByText("€10.00 · Refunded").waitFor();
    await page.getByText("Partly refunded · Order").waitFor();
    await refund.getByLabel("Amount in EUR (up to €13.20)").waitFor();
    // The form is prefilled with what is left, without reloading the page.
    await expect.poll(() => refund.getByLabel(/^Amount in EUR/).inputValue()).toBe("13.20");

    await signInAs(BUYER);
    await page.goto(`${server.url}/library`);
    await page.getByRole("link", { name: LISTING.title }).click();
    await page.getByRole("heading", { name: `Your licence: ${TIERS.commercial.name}` }).waitFor();
    await page.getByRole("link", { name: `Download ${BIG_FILE.name}` }).waitFor();
    await expect
      .poll(() => emails(BUYER, `Refund from ${SELLER.shop}: €10.00`), { timeout: 20_000 })
      .toEqual([expect.stringContaining("Refunded so far: €10.00 of €23.20")]);
  });

  it("refunds the rest: the buyer's access ends, the library says refunded, a second email arrives", async () => {
    await signInAs(SELLER.email);
    await page.goto(saleUrl);
    const refund = page.getByRole("region", { name: "Refund", exact: true });
    // Prefilled with what is left.
    expect(await refund.getByLabel(/^Amount in EUR/).inputValue()).toBe("13.20");
    await refund.getByRole("button", { name: "Refund", exact: true }).click();
    await page
      .getByText("Refunded €13.20. The order is refunded in full, so the buyer's access has ended.")
      .waitFor();
    await page.getByText("This order is refunded in full.").waitFor();

    await signInAs(BUYER);
    await page.goto(`${server.url}/library`);
    const entry = page.getByRole("listitem").filter({ hasText: LISTING.title });
    await entry.getByText("Refunded").waitFor();
    expect(await entry.getByRole("link", { name: LISTING.title }).count()).toBe(0);
    expect((await page.request.get(`${server.url}${downloadHref}`)).status()).toBe(404);

    const refundEmails = async () => [
      ...(await emails(BUYER, `Refund from ${SELLER.shop}: €10.00`)),
      ...(await emails(BUYER, `Refund from ${SELLER.shop}: €13.20`)),
    ];
    await expect.poll(refundEmails, { timeout: 20_000 }).toHaveLength(2);
    const [, last] = await refundEmails();
    expect(last).toContain("Refunded so far: €23.20 of €23.20");
    expect(last).toContain("The order is refunded in full, so these items are no longer in your library.");
  });
});
