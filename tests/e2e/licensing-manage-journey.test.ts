// Managing licence keys in a real browser: the buyer activates a bought key on two devices (through
// the licence API, as their software would) and frees one in the library; the seller finds the key
// in the dashboard, rotates it, and the old key stops verifying while the new one works.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInByEmail, signOut } from "./support/browser.ts";
import { type Journey, startJourney } from "./support/journey.ts";

// Seeded by prisma/seed.ts: one of the demo seller's prompts.
const PROMPT = { slug: "cold-email-sequence-builder", title: "Cold Email Sequence Builder" };

let { server, page, close } = {} as Journey;
beforeAll(async () => ({ server, page, close } = await startJourney({ acceptDialogs: true })));
afterAll(() => close?.());

const activate = (key: string, instanceName: string) =>
  page.request.post(`${server.url}/api/v1/licenses/activate`, {
    form: { license_key: key, instance_name: instanceName },
  });
const verify = (key: string) => page.request.post(`${server.url}/api/licenses/verify`, { data: { key } });

describe("managing a licence key", () => {
  let key = "";

  it("lets the buyer free one of two activated devices in the library", async () => {
    await page.goto(`${server.url}/p/${PROMPT.slug}`);
    await page.getByRole("button", { name: /Sign in to buy/ }).click();
    await page.waitForURL(/\/login\?redirectTo=/);
    await signInByEmail(page, server.url, "buyer@stapel.test");
    await page.waitForURL(`**/p/${PROMPT.slug}`);
    await page.getByRole("button", { name: /^Buy for/ }).click();
    await page.waitForURL(/\/c\/pay\/cs_/);
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("Expiry").fill("12 / 34");
    await page.getByLabel("CVC").fill("123");
    await page.getByLabel("Name on card").fill("Demo Buyer");
    await page.getByRole("button", { name: /^Pay/ }).click();
    await page.waitForURL(/\/checkout\/success/);
    await page.getByRole("link", { name: "Go to your library" }).click();
    await page.getByRole("link", { name: PROMPT.title }).click();
    key = (await page.getByTestId("license-key").textContent()) ?? "";
    expect(key).toMatch(/^[A-Z0-9]{2,6}(-[A-Z0-9]{5}){4}$/);
    const itemUrl = page.url();

    expect((await activate(key, "Work laptop")).status()).toBe(200);
    expect((await activate(key, "Home desktop")).status()).toBe(200);
    await page.reload();
    await page.getByText("Work laptop").waitFor();
    const usage = page.getByTestId("license-usage");
    expect(await usage.textContent()).toMatch(/^2 (of \d+ activations used|activations used \(unlimited\))$/);

    await page.getByRole("button", { name: "Free this device: Work laptop" }).click();
    await page.getByText("Device freed").waitFor();
    expect(page.url()).toBe(`${itemUrl}?device=freed`);
    expect(await page.getByText("Work laptop").count()).toBe(0);
    await page.getByText("Home desktop").waitFor();
    expect(await usage.textContent()).toMatch(/^1 (of \d+ activations used|activation used \(unlimited\))$/);
  });

  it("lets the seller rotate the key: the old one stops verifying, the new one works", async () => {
    expect((await verify(key)).status()).toBe(200);
    await signOut(page);
    await signInByEmail(page, server.url, "seller@stapel.test");
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole("link", { name: "Licence keys" }).click();
    await page.getByLabel("Key, buyer email, listing or plan").fill(key.slice(0, 11));
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/dashboard\/licenses\?q=/);
    await page
      .getByRole("row", { name: new RegExp(key) })
      .getByRole("link", { name: key })
      .click();
    await page.getByTestId("seller-license-key").waitFor();
    expect(await page.getByTestId("seller-license-activations").textContent()).toMatch(/^1 /);

    await page.getByRole("button", { name: "Rotate key" }).click();
    await page.getByText("Key rotated.").waitFor();
    // The notice comes with the action's answer; the key shown follows when the page reloads its data.
    const shownKey = page.getByTestId("seller-license-key");
    await expect.poll(async () => (await shownKey.textContent()) ?? key, { timeout: 15_000 }).not.toBe(key);
    const rotated = (await shownKey.textContent()) ?? "";
    expect(rotated.split("-")[0]).toBe(key.split("-")[0]);
    // Uses and activations stay with the key.
    expect(await page.getByTestId("seller-license-activations").textContent()).toMatch(/^1 /);
    await page.getByText("Home desktop").waitFor();

    expect((await verify(key)).status()).toBe(404);
    const fresh = await verify(rotated);
    expect(fresh.status()).toBe(200);
    expect(await fresh.json()).toMatchObject({ valid: true, activations: 1 });
  });
});
