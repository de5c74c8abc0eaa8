import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInByEmail } from "./support/browser.ts";
import { type RunningServer, startStapel } from "./support/server.ts";

// A buyer moves their account to a new address through the link the dev outbox shows, signs in
// with it on a second device, then signs that device out from the first one.
const stamp = Date.now().toString(36);
const OLD = `settings-${stamp}@example.com`;
const NEW = `moved-${stamp}@example.com`;

let server: RunningServer;
let laptop: BrowserContext;
let phone: BrowserContext;
let page: Page;
let other: Page;

beforeAll(async () => {
  server = await startStapel();
  laptop = await launchBrowser();
  phone = await launchBrowser();
  page = await laptop.newPage();
  other = await phone.newPage();
});

afterAll(async () => {
  await laptop?.close();
  await phone?.close();
  await server?.stop();
});

describe("account settings, in a real browser", () => {
  it("changes the email through the emailed link", async () => {
    await signInByEmail(page, server.url, OLD);
    await signInByEmail(other, server.url, OLD);
    await page.goto(`${server.url}/account`);
    await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
    await page.getByText(`Signed in as ${OLD}`).waitFor();
    const sessions = page.getByRole("region", { name: "Where you're signed in" });
    expect(await sessions.getByRole("listitem").count()).toBe(2);
    await sessions.getByText("This device", { exact: true }).waitFor();

    await page.getByLabel("New email address").fill(NEW.toUpperCase());
    await page.getByRole("button", { name: "Send confirmation link" }).click();
    await page.getByText(`We sent a link to ${NEW}`).waitFor();

    await page.goto(`${server.url}/dev/outbox`);
    const message = page
      .locator("li", { hasText: `To ${NEW}` })
      .filter({ hasText: "Confirm your new email address for Stapel" })
      .first();
    const link = await message
      .getByRole("link", { name: /account\/email-change/ })
      .first()
      .getAttribute("href");
    expect(link).toBeTruthy();
    // The old address was told, without the new one in full.
    const notice = page.locator("li", { hasText: `To ${OLD}` }).filter({ hasText: "Someone asked to move" });
    expect(await notice.first().textContent()).toContain("m***@example.com");

    await page.goto(link as string);
    await page.getByRole("heading", { name: `Move your account to ${NEW}?` }).waitFor();
    await page.getByRole("button", { name: `Use ${NEW}` }).click();
    await page.getByRole("heading", { name: `Your account now uses ${NEW}` }).waitFor();
    await page.getByRole("link", { name: "Back to your settings" }).click();
    await page.getByText(`Signed in as ${NEW}`).waitFor();

    // The phone was signed out by the move.
    await other.goto(`${server.url}/account/settings`);
    await other.waitForURL(/\/login\?redirectTo=/);
  });

  it("signs the other device out", async () => {
    await signInByEmail(other, server.url, NEW);
    await other.goto(`${server.url}/account/settings`);
    await other.getByText(`Signed in as ${NEW}`).waitFor();

    await page.reload();
    const sessions = page.getByRole("region", { name: "Where you're signed in" });
    expect(await sessions.getByRole("listitem").count()).toBe(2);
    await page.getByRole("button", { name: "Sign out everywhere else" }).click();
    await page.getByText("Signed out 1 other session. This device stays signed in.").waitFor();
    expect(await sessions.getByRole("listitem").count()).toBe(1);

    await other.reload();
    await other.waitForURL(/\/login\?redirectTo=/);
    await page.reload();
    await page.getByText(`Signed in as ${NEW}`).waitFor();
  });
});
