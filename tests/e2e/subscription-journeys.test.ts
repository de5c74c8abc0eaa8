// A subscriber's journeys in a real browser against the launcher (server/start.ts), whose Stripe
// sandbox puts every customer Checkout creates on a test clock of its own: subscribing from a
// plan's page, a renewal and a failed renewal, moved through time on the sandbox's /test-clocks
// page as a person trying the demo does; then the account page (/account): cancelling at the
// period's end and resuming, changing plan with the proration shown first, Stripe's billing portal
// and a receipt. Every journey has its own buyer (and so its own clock), so none depends on another.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInByEmail } from "./support/browser.ts";
import { type Journey, startJourney } from "./support/journey.ts";

type PlanUnderTest = {
  shopHandle: string;
  name: string;
  /** The price as the storefront and the account page show it. */
  price: string;
  /** The plan page's button for that price, signed in. */
  subscribeButton: string;
  /** The button on the sandbox's hosted Checkout. */
  checkoutButton: string;
  /** One listing the plan includes. */
  listing: string;
};

// Seeded by prisma/seed.ts. Pixelfjord's plan has no trial: the first payment is at once and the
// first renewal a month later.
const PROMPT_LIBRARY: PlanUnderTest = {
  shopHandle: "pixelfjord",
  name: "Prompt Library",
  price: "€8.00/month",
  subscribeButton: "Subscribe for €8.00/month",
  checkoutButton: "Subscribe €8.00 per month",
  listing: "Nordic Light Product Photography",
};
// Maren Writes' plan starts with a 7-day free trial and includes every listing of the shop.
const COPY_CLUB: PlanUnderTest = {
  shopHandle: "maren-writes",
  name: "Copy Club",
  price: "€9.00/month",
  subscribeButton: "Start free trial, then €9.00/month",
  checkoutButton: "Start trial",
  listing: "Cold Email Sequence Builder",
};
const PLAN = PROMPT_LIBRARY;

let { server, browser, page, close } = {} as Journey;
beforeAll(async () => ({ server, browser, page, close } = await startJourney()));
afterAll(() => close?.());

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
async function subscribeTo(plan: PlanUnderTest) {
  await page.goto(`${server.url}/s/${plan.shopHandle}`);
  await page.getByRole("heading", { name: plan.name }).getByRole("link").click();
  await page.waitForURL(new RegExp(`/s/${plan.shopHandle}/plans/[a-z0-9]+$`));
  await page.getByRole("button", { name: plan.subscribeButton }).click();
  await page.waitForURL(/\/c\/pay\/cs_/);
  await enterCard("4242 4242 4242 4242");
  await page.getByRole("button", { name: plan.checkoutButton }).click();
  await page.waitForURL(/\/checkout\/success/);
  await page.getByRole("heading", { name: `Welcome to ${plan.name}!` }).waitFor();
}

/** The library's entry for the plan's listing. */
async function libraryEntry(plan: PlanUnderTest = PLAN) {
  await page.goto(`${server.url}/library`);
  await page.getByRole("heading", { name: "Your library" }).waitFor();
  return page.locator("li", { hasText: plan.listing });
}

/** The account page's card of the plan's subscription (an article named by the plan). */
async function accountCard(plan: PlanUnderTest) {
  await page.goto(`${server.url}/account`);
  await page.getByRole("heading", { name: "Your account", level: 1 }).waitFor();
  return page.getByRole("article", { name: plan.name });
}

/** Reloads the account page until the plan's card says `text` (webhooks and jobs take a moment). */
async function waitForAccountCard(plan: PlanUnderTest, text: string | RegExp) {
  await expect.poll(async () => (await accountCard(plan)).textContent(), { timeout: 30_000 }).toMatch(text);
  return page.getByRole("article", { name: plan.name });
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

describe("subscriptions, in a real browser", () => {
  it("starts with the demo buyer subscribed on a test clock of their own, as the README's demo says", async () => {
    const demoBuyer = "buyer@stapel.test";
    const clock = await clockOf(demoBuyer);
    expect(await clock.count()).toBe(1);
    expect(await clock.getByRole("row").nth(1).textContent()).toMatch(/trialing.*\$12\.00 \/ month/);
    await browser.clearCookies();
    await signInByEmail(page, server.url, demoBuyer);
    expect(await (await libraryEntry()).count()).toBe(0); // another shop's plan
    expect(await page.getByText("In your Automation Lab plan").count()).toBeGreaterThan(0);

    // The README's how-to: the next renewal (the trial's end) charges the card and sends a receipt.
    await advanceClock(demoBuyer, "Advance next renewal (+1 hour)");
    await waitForEmails(demoBuyer, "Receipt for Automation Lab: $12.00", 1);
    expect(await (await clockOf(demoBuyer)).getByRole("row").nth(1).textContent()).toMatch(/active/);
  });

  it("subscribes from the plan's page with 4242 and opens a listing the plan grants", async () => {
    await signInAsNewBuyer("subscriber");
    await subscribeTo(PLAN);

    await page.getByRole("link", { name: "Go to your library" }).click();
    const entry = page.locator("li", { hasText: PLAN.listing });
    await entry.waitFor();
    expect(await entry.textContent()).toContain(`In your ${PLAN.name} plan`);
    await entry.getByRole("link", { name: PLAN.listing }).click();
    await page.getByRole("heading", { name: PLAN.listing, level: 1 }).waitFor();
    expect((await page.getByTestId("paid-content").textContent())?.length).toBeGreaterThan(200);
  });

  it("renews a month later on the test clock: access continues and a receipt arrives", async () => {
    const email = await signInAsNewBuyer("renewer");
    await subscribeTo(PLAN);
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
    await subscribeTo(PLAN);

    // From the account page to Stripe's billing portal: save the card whose charges fail, come back.
    const card = await waitForAccountCard(PLAN, /Active/);
    await card.getByRole("button", { name: "Payment method and invoices" }).click();
    await page.getByRole("heading", { name: "Stapel: your memberships", level: 1 }).waitFor();
    expect(page.url().startsWith(server.sandboxUrl())).toBe(true);
    await page.getByText(`Signed in as ${email}`).waitFor();
    await enterCard("4000 0000 0000 0341");
    await page.getByRole("button", { name: "Save card" }).click();
    await page.getByText("•••• 0341").waitFor();
    await page.getByRole("link", { name: "Return to Stapel: your memberships" }).click();
    await page.getByRole("heading", { name: "Your account", level: 1 }).waitFor();

    await advanceClock(email, "Advance next renewal (+1 hour)");
    const [failed] = await waitForEmails(email, `Your payment for ${PLAN.name} did not go through`, 1);
    expect(failed).toContain("€8.00");
    const overdue = await waitForAccountCard(PLAN, /Payment overdue/);
    expect(await overdue.textContent()).toMatch(
      /The last payment failed\..*you keep access until \d+ \w+ \d{4}/,
    );
    const pastDue = await libraryEntry();
    expect(await pastDue.textContent()).toContain("Active");
    await pastDue.getByRole("link", { name: PLAN.listing }).click();
    await page.getByTestId("paid-content").waitFor();

    // Stripe retries on days 1, 2, 4 and 6 with the same card; the grace period is 7 days.
    await advanceClock(email, "Advance 1 week");
    await advanceClock(email, "Advance 1 day");
    await waitForEmails(email, `Your access to ${PLAN.name} has ended`, 1);
    const ended = await libraryEntry();
    expect(await ended.textContent()).toContain("Membership ended");
    expect(await ended.getByRole("link").count()).toBe(0);
    expect(await (await accountCard(PLAN)).textContent()).toContain(
      "No access while the payment is outstanding.",
    );
  });
});

describe("the account page, in a real browser", () => {
  it("cancels at the period's end with access kept until then, resumes, and ends once a cancelled period is over", async () => {
    const email = await signInAsNewBuyer("canceller");
    await subscribeTo(COPY_CLUB);
    await page.getByRole("link", { name: "Account", exact: true }).click();
    const card = await waitForAccountCard(COPY_CLUB, /On trial/);
    expect(await card.textContent()).toContain(COPY_CLUB.price);
    const trial = /Free trial until (\d+ \w+ \d{4}), then €9\.00 per month\./.exec(
      (await card.textContent()) ?? "",
    );
    const trialEnd = trial?.[1];
    if (!trialEnd) throw new Error(`no trial end on the card: ${await card.textContent()}`);

    await card.getByRole("button", { name: "Cancel subscription" }).click();
    await page
      .getByText(
        `Your ${COPY_CLUB.name} subscription is cancelled and will not renew. You keep access until ${trialEnd}.`,
      )
      .waitFor();
    // The notice comes with the action's answer; the card follows once the page's data is reloaded.
    await card.getByText(`Cancels on ${trialEnd}`).waitFor();
    expect(await card.textContent()).toContain("Cancelling");
    expect(await card.getByRole("button", { name: "Cancel subscription" }).count()).toBe(0);
    await (await libraryEntry(COPY_CLUB)).getByRole("link", { name: COPY_CLUB.listing }).waitFor();

    const cancelling = await accountCard(COPY_CLUB);
    await cancelling.getByRole("button", { name: "Resume subscription" }).click();
    await page
      .getByText(`Your ${COPY_CLUB.name} subscription continues and renews on ${trialEnd}.`)
      .waitFor();
    await card.getByText(`Free trial until ${trialEnd}`).waitFor();
    expect(await card.textContent()).toContain("On trial");

    // Cancelled again, and the clock moved past the trial's end: the subscription ends, and access.
    await card.getByRole("button", { name: "Cancel subscription" }).click();
    await page.getByText(`You keep access until ${trialEnd}.`).waitFor();
    await advanceClock(email, "Advance next renewal (+1 hour)");
    await waitForEmails(email, `Your access to ${COPY_CLUB.name} has ended`, 1);
    const ended = await waitForAccountCard(COPY_CLUB, /Cancelled/);
    expect(await ended.textContent()).toContain(`Ended on ${trialEnd}.`);
    expect(await ended.getByRole("button").count()).toBe(0);
    const entry = await libraryEntry(COPY_CLUB);
    expect(await entry.textContent()).toContain("Membership ended");
    expect(await emails(email, `Receipt for ${COPY_CLUB.name}: €9.00`)).toEqual([]);
  });

  it("changes monthly to yearly with Stripe's proration shown first, then shows the new price and its receipt", async () => {
    await signInAsNewBuyer("upgrader");
    await subscribeTo(PLAN);
    const card = await waitForAccountCard(PLAN, /Active/);
    const before = (await card.textContent()) ?? "";
    expect(before).toContain(PLAN.price);
    const nextCharge = /Next charge €8\.00 on (\d+ \w+ \d{4})\./.exec(before)?.[1];
    if (!nextCharge) throw new Error(`no next charge on the card: ${before}`);

    await card.getByRole("link", { name: "Change plan" }).click();
    await page.getByRole("heading", { name: "Change plan", level: 1 }).waitFor();
    await page.getByLabel(`${PLAN.name} · €80.00/year`).check();
    await page.getByRole("button", { name: "Preview change" }).click();
    await page.waitForURL(/\?price=/);
    const preview = page.getByRole("region", { name: "What changes" });
    await preview.waitFor();
    const dueNow = /Due now: (€[\d,]+\.\d\d)/.exec((await preview.textContent()) ?? "")?.[1];
    if (!dueNow) throw new Error(`no amount due in the preview: ${await preview.textContent()}`);
    // The unused part of the month is credited against the year.
    const lines = await preview.getByRole("row").allTextContents();
    expect(lines.some((line) => /-€[\d.]+$/.test(line))).toBe(true);
    expect(lines.some((line) => /€80\.00$/.test(line))).toBe(true);
    expect(dueNow).not.toBe("€80.00");

    await preview.getByRole("button", { name: "Confirm change" }).click();
    await page.waitForURL(/\/account\?changed=/);
    await page.getByText(`Your plan is now ${PLAN.name}, €80.00/year.`).waitFor();
    const changed = page.getByRole("article", { name: PLAN.name });
    expect(await changed.textContent()).toContain("€80.00/year");
    expect(await changed.textContent()).toMatch(/Next charge €80\.00 on \d+ \w+ \d{4}\./);
    expect(await changed.textContent()).not.toContain(`on ${nextCharge}.`);

    // The charge for the change, as a receipt.
    await page.getByRole("link", { name: "Orders and receipts" }).click();
    await page.getByRole("heading", { name: "Orders and receipts", level: 1 }).waitFor();
    const row = page
      .getByRole("row")
      .filter({ hasText: `${PLAN.name} membership` })
      .filter({ hasText: dueNow });
    await expect
      .poll(
        async () => {
          await page.reload();
          return row.count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await row.getByRole("link", { name: "Receipt" }).click();
    await page.getByRole("heading", { name: "Receipt", level: 1 }).waitFor();
    expect(await page.getByRole("row", { name: /^Total/ }).textContent()).toContain(dueNow);
    await page.getByText("Pixelfjord Studio, through Stapel").waitFor();
    expect(await page.getByRole("row", { name: /^Unused time on Prompt Library/ }).count()).toBe(1);
  });
});
