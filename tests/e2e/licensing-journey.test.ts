// Licence keys as a service, in a real browser and over HTTP as a buyer's software would call the
// API: the seller limits a listing's tier to one activation, a buyer buys it and copies the key from
// the library, activates it twice (the second refused), deactivates, activates again; after the
// seller's refund Gumroad's verify answers its expired message and Lemon Squeezy's validate is invalid.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInByEmail, signOut } from "./support/browser.ts";
import { type Journey, startJourney } from "./support/journey.ts";

// Seeded by prisma/seed.ts: one of the demo seller's prompts.
const PROMPT = { slug: "cold-email-sequence-builder", title: "Cold Email Sequence Builder" };

let { server, page, close } = {} as Journey;
beforeAll(async () => ({ server, page, close } = await startJourney({ acceptDialogs: true })));
afterAll(() => close?.());

/** What the buyer's software sends: form fields, as curl -d and Gumroad's and Lemon Squeezy's docs do. */
const api = async (endpoint: string, form: Record<string, string>) => {
  const reply = await page.request.post(`${server.url}/api/v1/licenses/${endpoint}`, { form });
  return { status: reply.status(), body: (await reply.json()) as Record<string, unknown> };
};

describe("a licence key with one activation, from purchase to refund", () => {
  let key = "";
  let listingId = "";

  it("lets the seller sell the listing in a tier of one activation", async () => {
    await signInByEmail(page, server.url, "seller@stapel.test");
    await page.goto(`${server.url}/dashboard/listings`);
    const link = page.getByRole("link", { name: PROMPT.title }).first();
    listingId = /\/dashboard\/listings\/([^/?#]+)/.exec((await link.getAttribute("href")) ?? "")?.[1] ?? "";
    expect(listingId).not.toBe("");
    await page.goto(`${server.url}/dashboard/listings/${listingId}/pricing`);
    await page.getByRole("heading", { name: "Pricing and licences" }).waitFor();
    await page.waitForLoadState("networkidle");
    await page.waitForFunction(() => "__remixRouter" in window);
    // The seeded listing sells at its listing price, without tiers: one tier, one device.
    const added = page.getByRole("form", { name: "Add a tier" });
    await added.getByLabel("Tier name").fill("Single device");
    await added.getByLabel("Price in EUR").fill("19.00");
    await added.locator('input[name="activationLimit"]').fill("1");
    await added.getByRole("button", { name: "Add tier" }).click();
    const saved = page.getByRole("form", { name: "Single device" });
    await saved.waitFor();
    expect(await saved.locator('input[name="activationLimit"]').inputValue()).toBe("1");
    await signOut(page);
  });

  it("sells the buyer a key that activates once, refuses a second device, and frees a place", async () => {
    await signInByEmail(page, server.url, "buyer@stapel.test");
    await page.goto(`${server.url}/p/${PROMPT.slug}`);
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
    key = ((await page.getByTestId("license-key").textContent()) ?? "").trim();
    expect(key).toMatch(/^[A-Z0-9]{2,6}(-[A-Z0-9]{5}){4}$/);

    const first = await api("activate", { license_key: key, instance_name: "Work laptop" });
    expect(first).toMatchObject({
      status: 200,
      body: { activated: true, error: null, license_key: { activation_limit: 1, activation_usage: 1 } },
    });
    const second = await api("activate", { license_key: key, instance_name: "Home desktop" });
    expect(second).toMatchObject({
      status: 400,
      body: { activated: false, error: "This license key has reached the activation limit." },
    });
    const instanceId = (first.body.instance as { id: string }).id;
    expect(await api("deactivate", { license_key: key, instance_id: instanceId })).toMatchObject({
      status: 200,
      body: { deactivated: true, license_key: { activation_usage: 0 } },
    });
    const again = await api("activate", { license_key: key, instance_name: "Home desktop" });
    expect(again).toMatchObject({ status: 200, body: { activated: true } });
    expect(
      await api("validate", { license_key: key, instance_id: (again.body.instance as { id: string }).id }),
    ).toMatchObject({ status: 200, body: { valid: true } });
    expect(
      await api("verify", { product_id: listingId, license_key: key, increment_uses_count: "false" }),
    ).toMatchObject({ status: 200, body: { success: true, purchase: { license_key: key } } });
  });

  it("answers Gumroad's expired message and Lemon Squeezy's invalid answer after the refund", async () => {
    await signOut(page);
    await signInByEmail(page, server.url, "seller@stapel.test");
    await page.goto(`${server.url}/dashboard/sales`);
    const row = page.getByRole("row", { name: /buyer@stapel\.test/ });
    await row.getByRole("button", { name: /Refund/ }).click();
    await page
      .getByText("The order is refunded in full: the buyer's access has ended.", { exact: false })
      .waitFor();

    await expect
      .poll(async () => (await api("verify", { product_id: listingId, license_key: key })).status, {
        timeout: 15_000,
      })
      .toBe(404);
    expect(await api("verify", { product_id: listingId, license_key: key })).toEqual({
      status: 404,
      body: { success: false, message: "Access to the purchase associated with this license has expired." },
    });
    expect(await api("validate", { license_key: key })).toMatchObject({
      status: 400,
      body: { valid: false, error: "This license key is disabled.", license_key: { status: "disabled" } },
    });
    expect(await api("activate", { license_key: key, instance_name: "After the refund" })).toMatchObject({
      status: 400,
      body: { activated: false },
    });
  });
});
