// A subscriber's journeys in a real browser against the launcher (server/start.ts), whose Stripe
// sandbox puts every customer Checkout creates on a test clock of its own: subscribing from a
// plan's page, a renewal and a failed renewal, each moved through time on the sandbox's
// /test-clocks page as a person trying the demo does. Every journey has its own buyer (and so its
// own clock), so none depends on another.
import type { BrowserContext, Page } from "playwright-core";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInByEmail } from "./support/browser.ts";
import { type RunningServer, startStapel } from "./support/server.ts";

// Seeded by prisma/seed.ts: Pixelfjord's plan, without a trial, so the first payment is at once and
// the first renewal a month later; one of the listings it includes.
const PLAN = {
  shopHandle: "pixelfjord",
  name: "Prompt Library",
  price: "€8.00/month",
  listing: "Nordic Light Product Photography",
};

let server: RunningServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startStapel();
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A buyer of one's own for each journey: signed out of the last one, signed in by email. */
async function signInAsNewBuyer(name: string): Promise<string> {
  const email = `${name}@example.com`;
  await browser.clearCookies();
  await signInByEmail(page, server.url, email);
  return email;
}

/** Fills the card form of a sandbox page (hosted Checkout, customer portal). */
async function enterCard(card: string) {
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Test Subscriber");
}

/** From the shop to the plan's page, subscribed with 4242 on the sandbox's hosted Checkout. */
async function subscribeToPlan() {
  await page.goto(`${server.url}/s/${PLAN.shopHandle}`);
  await page.getByRole("heading", { name: PLAN.name }).getByRole("link").click();
  await page.waitForURL(new RegExp(`/s/${PLAN.shopHandle}/plans/[a-z0-9]+$`));
  await page.getByRole("button", { name: `Subscribe for ${PLAN.price}` }).click();
  await page.waitForURL(/\/c\/pay\/cs_/);
  await enterCard("4242 4242 4242 4242");
  await page.getByRole("button", { name: "Subscribe €8.00 per month" }).click();
  await page.waitForURL(/\/checkout\/success/);
  await page.getByRole("heading", { name: `Welcome to ${PLAN.name}!` }).waitFor();
}

/** The library's entry for the plan's listing. */
async function libraryEntry() {
  await page.goto(`${server.url}/library`);
  await page.getByRole("heading", { name: "Your library" }).waitFor();
  return page.locator("li", { hasText: PLAN.listing });
}

/** The texts of the emails the dev outbox holds for `to` under `subject`, newest first. */
async function emails(to: string, subject: string): Promise<string[]> {
  await page.goto(`${server.url}/dev/outbox`);
  const messages = page
    .locator("li", { hasText: `To ${to}` })
    .filter({ has: page.getByRole("heading", { name: subject, exact: true }) });
  return (await messages.allTextContents()).map((text) => text.replace(/\s+/g, " "));
}

/** Waits until the outbox holds `count` such emails (webhooks and their jobs take a moment). */
async function waitForEmails(to: string, subject: string, count: number): Promise<string[]> {
  await expect.poll(async () => (await emails(to, subject)).length, { timeout: 30_000 }).toBe(count);
  return emails(to, subject);
}

/** "Your access continues for 3 March 2026 – 3 April 2026." in a receipt: the period it paid for. */
function paidPeriod(receipt: string | undefined): { from: string; to: string } {
  const match = /Your access continues for (\d+ \w+ \d{4}) – (\d+ \w+ \d{4})\./.exec(receipt ?? "");
  if (!match?.[1] || !match[2]) throw new Error(`no period in the receipt: ${receipt}`);
  return { from: match[1], to: match[2] };
}

/** The sandbox's page of test clocks, at the section of the clock Checkout gave `email`. */
async function clockOf(email: string) {
  await page.goto(`${server.sandboxUrl()}/test-clocks`);
  await page.getByRole("heading", { name: "Test clocks" }).waitFor();
  return page.locator("section", { hasText: `Customers: ${email}` });
}

/** Presses one of the clock's "Advance …" buttons and waits until the clock has run everything due. */
async function advanceClock(email: string, button: string) {
  const clock = await clockOf(email);
  await clock.getByRole("button", { name: button, exact: true }).click();
  await page.getByRole("heading", { name: "Test clocks" }).waitFor();
  await expect
    .poll(async () => (await clockOf(email)).getByRole("heading").textContent(), { timeout: 30_000 })
    .toMatch(/ ready$/);
}

/** The Stripe SDK, pointed at the launcher's sandbox (any sk_test_ key is accepted there). */
function sandboxStripe(): Stripe {
  const url = new URL(server.sandboxUrl());
  return new Stripe("sk_test_e2e", { host: url.hostname, port: Number(url.port), protocol: "http" });
}

describe("subscriptions, in a real browser", () => {
  it("starts with the demo buyer subscribed on a test clock of their own", async () => {
    const clock = await clockOf("buyer@stapel.test");
    expect(await clock.count()).toBe(1);
    expect(await clock.getByRole("row").nth(1).textContent()).toMatch(/trialing.*\$12\.00 \/ month/);
    await browser.clearCookies();
    await signInByEmail(page, server.url, "buyer@stapel.test");
    expect(await (await libraryEntry()).count()).toBe(0); // another shop's plan
    expect(await page.getByText("with your Automation Lab plan").count()).toBeGreaterThan(0);
  });

  it("subscribes from the plan's page with 4242 and opens a listing the plan grants", async () => {
    await signInAsNewBuyer("subscriber");
    await subscribeToPlan();

    await page.getByRole("link", { name: "Go to your library" }).click();
    const entry = page.locator("li", { hasText: PLAN.listing });
    await entry.waitFor();
    expect(await entry.textContent()).toContain(`with your ${PLAN.name} plan`);
    await entry.getByRole("link", { name: PLAN.listing }).click();
    await page.getByRole("heading", { name: PLAN.listing, level: 1 }).waitFor();
    expect((await page.getByTestId("paid-content").textContent())?.length).toBeGreaterThan(200);
  });

  it("renews a month later on the test clock: access continues and a receipt arrives", async () => {
    const email = await signInAsNewBuyer("renewer");
    await subscribeToPlan();
    const [first] = await waitForEmails(email, `Receipt for ${PLAN.name}: €8.00`, 1);
    const firstPeriod = paidPeriod(first);

    await advanceClock(email, "Advance next renewal (+1 hour)");

    const [renewal] = await waitForEmails(email, `Receipt for ${PLAN.name}: €8.00`, 2);
    const renewedPeriod = paidPeriod(renewal);
    expect(renewedPeriod.from).toBe(firstPeriod.to);
    expect(renewedPeriod.to).not.toBe(firstPeriod.to);
    const clock = await clockOf(email);
    expect(await clock.getByRole("row").nth(1).textContent()).toMatch(/active.*€8\.00 \/ month/);
    const entry = await libraryEntry();
    await entry.getByRole("link", { name: PLAN.listing }).click();
    await page.getByTestId("paid-content").waitFor();
  });

  it("keeps access while a failed renewal is past due, and ends it after the grace period", async () => {
    const email = await signInAsNewBuyer("lapser");
    await subscribeToPlan();

    // The card that is saved but whose charges fail, entered in Stripe's customer portal.
    const stripe = sandboxStripe();
    const [customer] = (await stripe.customers.search({ query: `email:'${email}'` })).data;
    if (!customer) throw new Error(`no Stripe customer for ${email}`);
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: `${server.url}/library`,
    });
    await page.goto(portal.url);
    await enterCard("4000 0000 0000 0341");
    await page.getByRole("button", { name: "Save card" }).click();
    await page.getByText("•••• 0341").waitFor();

    await advanceClock(email, "Advance next renewal (+1 hour)");
    const [failed] = await waitForEmails(email, `Your payment for ${PLAN.name} did not go through`, 1);
    expect(failed).toContain("€8.00");
    const pastDue = await libraryEntry();
    expect(await pastDue.textContent()).toContain("Active");
    await pastDue.getByRole("link", { name: PLAN.listing }).click();
    await page.getByTestId("paid-content").waitFor();
    await page.goto(`${server.url}/s/${PLAN.shopHandle}`);
    await page.getByRole("heading", { name: PLAN.name }).getByRole("link").click();
    await page.getByRole("heading", { name: PLAN.name, level: 1 }).waitFor();
    const planPage = page.url();
    await expect
      .poll(async () => {
        await page.goto(planPage);
        return page.getByText(`You subscribe to this plan (Payment overdue, ${PLAN.price})`).count();
      })
      .toBe(1);

    // Stripe retries on days 1, 2, 4 and 6 with the same card; the grace period is 7 days.
    await advanceClock(email, "Advance 1 week");
    await advanceClock(email, "Advance 1 day");
    await waitForEmails(email, `Your access to ${PLAN.name} has ended`, 1);
    const ended = await libraryEntry();
    expect(await ended.textContent()).toContain("Membership ended");
    expect(await ended.getByRole("link").count()).toBe(0);
  });
});
