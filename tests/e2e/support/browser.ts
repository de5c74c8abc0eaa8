import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** Debian's chromium driven by playwright-core; nothing is downloaded. */
export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "stapel-chromium-")), {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    acceptDownloads: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Signs in through the real magic-link flow, reading the link from the dev outbox page. */
export async function signInByEmail(page: Page, baseUrl: string, email: string) {
  if (!page.url().includes("/login")) await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.getByText(`we sent a sign-in link to ${email}`).waitFor();
  await page.goto(`${baseUrl}/dev/outbox`);
  const message = page
    .locator("li", { hasText: `To ${email}` })
    .filter({ hasText: "Your Stapel sign-in link" })
    .first();
  const link = await message
    .getByRole("link", { name: /login\/verify/ })
    .first()
    .getAttribute("href");
  if (!link) throw new Error("no sign-in link in the outbox");
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in" }).waitFor();
}
