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
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInByEmail } from "./support/browser.ts";
import { type RunningServer, startStapel } from "./support/server.ts";

const SELLER = { email: "new-seller@example.com", handle: "nora-prompts", shop: "Nora's Prompts" };
const LISTING = {
  title: "Tone-Shifting Blog Post Writer",
  body: "Write about {{topic}} in a {{tone:enum(formal,casual)}} tone.",
  coverAlt: "A stack of blue and orange cards",
};
const BIG_FILE = { name: "blog-post-swipe-file.md", bytes: 50 * 1024 * 1024 };

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let workDir: string;
let bigFile: { path: string; sha256: string };
let coverPath: string;

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

describe("a new seller's shop, from opening it to refunding a sale, in a real browser", () => {
  it("opens a shop at /sell and completes Connect onboarding on the sandbox's hosted page", async () => {
    await signInAs(SELLER.email);
    await page.goto(`${server.url}/sell`);
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
    await page.goto(`${server.url}/dashboard/listings/new`);
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
});
