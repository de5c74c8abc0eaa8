import AxeBuilderModule from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInByEmail, signOut } from "./support/browser.ts";
import { type Journey, startJourney } from "./support/journey.ts";

// Seeded by prisma/seed.ts: the demo seller's (seller@stapel.test) prompt with one 5-star review.
const PROMPT = { slug: "cold-email-sequence-builder", title: "Cold Email Sequence Builder" };
const BUYER = "reviewer-journey@example.com";
const REVIEW = "Three of my ten cold emails got a reply within a day. The follow-ups needed a shorter close.";
const REASON = "The sequence is copied from a paid course; the reporter sent us the original pages.";

// The package is CommonJS; under ESM its class may sit on .default.
const AxeBuilder = ((AxeBuilderModule as unknown as { default?: typeof AxeBuilderModule }).default ??
  AxeBuilderModule) as typeof AxeBuilderModule;

/** Serious or critical WCAG 2 A/AA problems on the page as it is now. */
async function seriousViolations() {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

let { server, page, close } = {} as Journey;
beforeAll(async () => ({ server, page, close } = await startJourney()));
afterAll(() => close?.());

async function payOnHostedCheckout(card: string) {
  await page.waitForURL(/\/c\/pay\/cs_/);
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Review Journey");
  await page.getByRole("button", { name: /^Pay/ }).click();
}

describe("reviews and takedowns, in a real browser", () => {
  it("a new buyer buys, reviews, and the listing page shows the review with the new average", async () => {
    await signInByEmail(page, server.url, BUYER);
    await page.goto(`${server.url}/p/${PROMPT.slug}`);
    const summary = page.getByTestId("rating-summary");
    await expect.poll(() => summary.textContent()).toMatch(/5\.0.*1 review(?!s)/s);
    // Not a buyer yet: no way to review.
    expect(await page.getByRole("link", { name: "Write a review" }).count()).toBe(0);

    await page.getByRole("button", { name: /^Buy for/ }).click();
    await payOnHostedCheckout("4242 4242 4242 4242");
    await page.waitForURL(/\/checkout\/success/);
    await page.getByRole("heading", { name: "Thank you! It is yours." }).waitFor();

    await page.goto(`${server.url}/p/${PROMPT.slug}`);
    await page.getByRole("link", { name: "Write a review" }).click();
    await page.getByRole("heading", { name: "Write a review" }).waitFor();
    expect(await seriousViolations(), "the review form").toEqual([]);
    await page.getByLabel("4 out of 5 stars").check();
    await page.getByLabel("Your review").fill(REVIEW);
    await page.getByRole("button", { name: "Post your review" }).click();
    await page.waitForURL(/review=posted/);
    await page.getByText("Thank you: your review is up.").waitFor();
    const review = page.getByTestId("review").filter({ hasText: REVIEW });
    await review.waitFor();
    expect(await review.getByText("Verified purchase").count()).toBe(1);
    expect(await review.getByRole("img", { name: "4 out of 5 stars" }).count()).toBe(1);
    expect(await summary.textContent()).toMatch(/4\.5\s*.*2 reviews/s);
    expect(await page.getByRole("link", { name: "Edit your review" }).count()).toBe(1);
    expect(await seriousViolations(), "the listing page with reviews").toEqual([]);
  });

  it("someone reports the listing, the admin takes it down, and it leaves the storefront", async () => {
    await signOut(page);
    await page.goto(`${server.url}/p/${PROMPT.slug}`);
    await page.getByRole("link", { name: "Report this listing" }).click();
    await page.getByRole("heading", { name: "Report this listing" }).waitFor();
    expect(await seriousViolations(), "the report form").toEqual([]);
    await page.getByLabel("It copies someone else's work (copyright)").check();
    await page
      .getByLabel("Details")
      .fill("These emails are the ones from the paid course I bought last year.");
    await page.getByLabel("Your email address").fill("course-author@example.com");
    await page.getByRole("button", { name: "Send the report" }).click();
    await page.getByText("Thank you for telling us.").waitFor();

    await signInByEmail(page, server.url, "admin@stapel.test");
    await page.goto(`${server.url}/admin/reports`);
    const queued = page.getByTestId("open-report").filter({ hasText: "paid course I bought" });
    await queued.waitFor();
    expect(await seriousViolations(), "the admin queue").toEqual([]);
    await queued.getByRole("link", { name: PROMPT.title }).click();
    expect(await seriousViolations(), "the admin's report page").toEqual([]);
    await page.getByLabel("Reason or note").fill(REASON);
    await page.getByRole("button", { name: "Take the listing down" }).click();
    await page.getByText("The listing is taken down and the seller has been emailed the reason.").waitFor();
    await signOut(page);

    const gone = await page.goto(`${server.url}/p/${PROMPT.slug}`);
    expect(gone?.status()).toBe(410);
    await page.getByRole("heading", { name: "This listing is no longer available" }).waitFor();
    await page.goto(`${server.url}/search?q=${encodeURIComponent("cold email sequence")}`);
    await page.getByRole("heading", { name: /Results for/ }).waitFor();
    expect(await page.getByRole("link", { name: PROMPT.title }).count()).toBe(0);
  });

  it("the seller sees the reason, and the buyer still has it in the library", async () => {
    await signInByEmail(page, server.url, "seller@stapel.test");
    await page.goto(`${server.url}/dashboard/reports`);
    const takedown = page.getByTestId("takedown").filter({ hasText: PROMPT.title });
    await takedown.getByText(REASON).waitFor();
    expect(await seriousViolations(), "the seller's takedowns").toEqual([]);
    await takedown
      .getByLabel("Your response (once)")
      .fill("The course quoted my public sequence, not the other way round.");
    await takedown.getByRole("button", { name: "Send your response" }).click();
    await page.getByText("Your response was sent to the admins.").waitFor();
    await signOut(page);

    await signInByEmail(page, server.url, BUYER);
    await page.goto(`${server.url}/library`);
    await page.getByRole("link", { name: PROMPT.title }).waitFor();
  });
});
