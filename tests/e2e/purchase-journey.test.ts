import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInByEmail, signOut } from "./support/browser.ts";
import { type Journey, startJourney } from "./support/journey.ts";

// Seeded by prisma/seed.ts: the demo seller's prompt that ships a downloadable file.
const PROMPT_WITH_FILE = {
  slug: "landing-page-copy-architect",
  title: "Landing Page Copy Architect",
  file: "landing-page-swipe-file.md",
};
const OTHER_PROMPT = { slug: "cold-email-sequence-builder", title: "Cold Email Sequence Builder" };
// The launcher subscribes the demo buyer to this plan (prisma/demo-subscription.ts); its listings
// sit in the library beside the purchases, each marked with the plan.
const DEMO_PLAN_MARK = "In your Automation Lab plan";

let { server, page, close } = {} as Journey;
beforeAll(async () => ({ server, page, close } = await startJourney({ acceptDialogs: true })));
afterAll(() => close?.());

async function payOnHostedCheckout(card: string) {
  await page.waitForURL(/\/c\/pay\/cs_/);
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Demo Buyer");
  await page.getByRole("button", { name: /^Pay/ }).click();
}

describe("a buyer's first purchase, in a real browser", () => {
  let downloadHref: string | null = null;

  it("browses, signs in by email, pays with 4242 and finds the prompt in the library", async () => {
    await page.goto(server.url);
    await page.getByRole("heading", { name: /\d+ listings/ }).waitFor();
    await page.getByLabel("Search").fill("landing page");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("link", { name: PROMPT_WITH_FILE.title }).click();
    await page.waitForURL(`**/p/${PROMPT_WITH_FILE.slug}`);
    await page.getByText("A peek inside").waitFor();

    await page.getByRole("button", { name: /Sign in to buy/ }).click();
    await page.waitForURL(/\/login\?redirectTo=/);
    await signInByEmail(page, server.url, "buyer@stapel.test");
    await page.waitForURL(`**/p/${PROMPT_WITH_FILE.slug}`);

    await page.getByRole("button", { name: /^Buy for/ }).click();
    await payOnHostedCheckout("4242 4242 4242 4242");
    await page.waitForURL(/\/checkout\/success/);
    await page.getByRole("heading", { name: "Thank you! It is yours." }).waitFor();

    await page.getByRole("link", { name: "Go to your library" }).click();
    await page.getByRole("heading", { name: "Your library" }).waitFor();
    // The purchase, beside what the demo subscription grants.
    expect(await page.locator("li", { hasText: DEMO_PLAN_MARK }).count()).toBeGreaterThan(0);
    expect(await page.locator("li").filter({ hasNotText: DEMO_PLAN_MARK }).allTextContents()).toEqual([
      expect.stringContaining(PROMPT_WITH_FILE.title),
    ]);
    await page.getByRole("link", { name: PROMPT_WITH_FILE.title }).click();
    const paid = await page.getByTestId("paid-content").textContent();
    expect(paid?.length).toBeGreaterThan(200);
    expect(await page.getByTestId("license-key").textContent()).toMatch(/^STPL(-[A-Z0-9]{5}){4}$/);

    const link = page.getByRole("link", { name: `Download ${PROMPT_WITH_FILE.file}` });
    downloadHref = await link.getAttribute("href");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(PROMPT_WITH_FILE.file);
    const contents = await readFile((await download.path()) as string, "utf8");
    expect(contents).toContain("Landing Page Copy Architect");
  });

  it("lets the seller refund, after which the buyer's access is refused", async () => {
    await signOut(page);
    await signInByEmail(page, server.url, "seller@stapel.test");
    await page.goto(`${server.url}/dashboard/sales`);
    const row = page.getByRole("row", { name: /buyer@stapel\.test/ });
    await row.getByRole("button", { name: /Refund/ }).click();
    await page
      .getByText("The order is refunded in full: the buyer's access has ended.", { exact: false })
      .waitFor();
    await expect
      .poll(
        async () => {
          await page.reload();
          return page
            .getByRole("row", { name: /buyer@stapel\.test/ })
            .getByText("Refunded")
            .count();
        },
        { timeout: 15_000 },
      )
      .toBe(1);

    await signOut(page);
    await signInByEmail(page, server.url, "buyer@stapel.test");
    await page.goto(`${server.url}/library`);
    await page.getByText("Refunded").waitFor();
    expect(await page.getByRole("link", { name: PROMPT_WITH_FILE.title }).count()).toBe(0);

    const refused = await page.request.get(`${server.url}${downloadHref}`);
    expect(refused.status()).toBe(404);
  });

  it("leaves no access when the card is declined", async () => {
    await page.goto(`${server.url}/p/${OTHER_PROMPT.slug}`);
    await page.getByRole("button", { name: /^Buy for/ }).click();
    await payOnHostedCheckout("4000 0000 0000 0002");
    await page.getByRole("alert").getByText("Your card was declined.").waitFor();
    await page.goto(`${server.url}/library`);
    await page.getByRole("heading", { name: "Your library" }).waitFor();
    // Of the purchases, only the refunded one; the declined prompt is nowhere.
    const purchases = page.locator("li").filter({ hasNotText: DEMO_PLAN_MARK });
    expect(await purchases.allTextContents()).toEqual([expect.stringMatching(/Refunded/)]);
    expect(await page.getByText(OTHER_PROMPT.title).count()).toBe(0);
    await page.goto(`${server.url}/p/${OTHER_PROMPT.slug}`);
    await page.getByRole("button", { name: /^Buy for/ }).waitFor();
  });

  it("keeps the account, the session and the purchase history across a restart", async () => {
    await page.goto(`${server.url}/library`);
    const planItems = await page.locator("li", { hasText: DEMO_PLAN_MARK }).allTextContents();
    await server.restart();
    await page.goto(`${server.url}/library`);
    await page.getByRole("heading", { name: "Your library" }).waitFor();
    await page.getByText("Refunded").waitFor();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    // The launcher found the demo buyer subscribed and subscribed nobody again.
    expect(await page.locator("li", { hasText: DEMO_PLAN_MARK }).allTextContents()).toEqual(planItems);
  });
});
