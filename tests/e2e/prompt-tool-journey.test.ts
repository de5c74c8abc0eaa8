import { readFile } from "node:fs/promises";
import AxeBuilderModule from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInByEmail } from "./support/browser.ts";
import { type Journey, startJourney } from "./support/journey.ts";

// The demo seller's prompt (prisma/seed.ts). The seller gives it typed variables (version 1), the
// demo buyer buys it, the seller rewords a line (version 2); the buyer sees what changed, fills the
// variables, copies and exports the filled prompt; the seller traces a copy without its licence line.
const PROMPT = { slug: "headline-stress-test", title: "Headline Stress Test" };
const SELLER = "seller@stapel.test";
const BUYER = "buyer@stapel.test";
const V1_LINES = "\nProduct: {{product}}\nVoice: {{voice:enum(bold,calm)}}";
const V2_LINES = "\nProduct to test: {{product}}\nVoice: {{voice:enum(bold,calm)}}";

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

let { server, browser, page, close } = {} as Journey;
beforeAll(
  async () =>
    ({ server, browser, page, close } = await startJourney({
      permissions: ["clipboard-read", "clipboard-write"],
    })),
);
afterAll(() => close?.());

async function hydrated() {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => "__remixRouter" in window);
}

async function signInAs(email: string) {
  await browser.clearCookies();
  await signInByEmail(page, server.url, email);
}

/** The seller edits the prompt's text in the listing editor and saves it as a new version. */
async function sellerSavesPrompt(edit: (body: string) => string, changelog: string, version: number) {
  await signInAs(SELLER);
  await page.goto(`${server.url}/dashboard/listings`);
  await page.getByRole("link", { name: PROMPT.title }).click();
  await hydrated();
  const prompt = page.getByLabel("Prompt", { exact: true });
  await prompt.fill(edit(await prompt.inputValue()));
  await page.getByLabel("What changed (for your buyers)").fill(changelog);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByText(`Saved. Buyers now get version ${version}.`).waitFor();
}

describe("the prompt tool, in a real browser", () => {
  let copied = "";
  let paidFirstLine = "";

  it("gives the prompt variables (version 1), and the demo buyer buys it", async () => {
    await sellerSavesPrompt((body) => body + V1_LINES, "Adds your product and a voice.", 1);

    await signInAs(BUYER);
    await page.goto(`${server.url}/p/${PROMPT.slug}`);
    await page.getByRole("button", { name: /^Buy for/ }).click();
    await page.waitForURL(/\/c\/pay\/cs_/);
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("Expiry").fill("12 / 34");
    await page.getByLabel("CVC").fill("123");
    await page.getByLabel("Name on card").fill("Demo Buyer");
    await page.getByRole("button", { name: /^Pay/ }).click();
    await page.getByRole("heading", { name: "Thank you! It is yours." }).waitFor();
  });

  it("marks the item updated after version 2 and shows what changed, as a diff in words", async () => {
    await sellerSavesPrompt((body) => body.replace(V1_LINES, V2_LINES), "Clearer product line.", 2);

    await signInAs(BUYER);
    await page.goto(`${server.url}/library`);
    const entry = page.getByRole("listitem").filter({ hasText: PROMPT.title });
    await entry.getByText("Updated").waitFor();
    await entry.getByRole("link", { name: PROMPT.title }).click();
    await page.getByRole("heading", { name: PROMPT.title, level: 1 }).waitFor();
    await hydrated();

    const changes = page.getByRole("region", { name: "What changed since you last looked" });
    await changes.getByText("Clearer product line.").waitFor();
    const diff = changes.getByTestId("prompt-diff");
    expect(await diff.locator("del").allTextContents()).toEqual(["Removed: Product: {{product}}"]);
    expect(await diff.locator("ins").allTextContents()).toEqual(["Added: Product to test: {{product}}"]);
    expect(await seriousViolations()).toEqual([]);
    paidFirstLine = ((await page.getByTestId("paid-content").textContent()) ?? "").split("\n")[0] ?? "";
    expect(paidFirstLine.length).toBeGreaterThan(20);
  });

  it("fills the variables live, copies the filled prompt and downloads it as Markdown", async () => {
    const tool = page.getByRole("region", { name: "Fill in the prompt" });
    await tool.getByLabel("Product").fill("Stapel notebooks");
    await tool.getByLabel("Voice").selectOption("calm");
    const filled = tool.getByTestId("filled-prompt");
    await filled.filter({ hasText: "Product to test: Stapel notebooks" }).waitFor();
    await filled.filter({ hasText: "Voice: calm" }).waitFor();

    // Without JavaScript the form is a GET to the same page, whose HTML has the prompt filled in.
    const form = tool.locator("form");
    expect(await form.getAttribute("method")).toBe("get");
    expect(await tool.getByLabel("Product").getAttribute("name")).toBe("v.product");
    const html = await (await page.request.get(`${page.url()}?v.product=Paper+cups&v.voice=bold`)).text();
    expect(html).toMatch(/Product to test: Paper cups\nVoice: bold/);
    const refused = await (await page.request.get(`${page.url()}?v.voice=loud`)).text();
    expect(refused).toContain("Choose one of: bold, calm.");

    await tool.getByRole("button", { name: "Copy filled prompt" }).click();
    await tool.getByRole("button", { name: "Copied" }).waitFor();
    copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("Product to test: Stapel notebooks\nVoice: calm");
    expect(copied).toMatch(/Licensed to Demo · code [A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4} · via Stapel/);
    // The invisible marker, between its word joiners.
    expect(copied).toMatch(/\u2060[\u200B\u200C\u200D]{36}\u2060/u);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      tool.getByRole("link", { name: "Markdown (.md)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${PROMPT.slug}.md`);
    const markdown = await readFile((await download.path()) as string, "utf8");
    expect(markdown).toContain(`# ${PROMPT.title}`);
    expect(markdown).toContain("Product to test: Stapel notebooks");
    expect(markdown).toContain("- **Voice**: calm");
    expect(markdown).toMatch(/Licensed to Demo · code/);
  });

  it("records the changes as seen on request", async () => {
    await page.getByRole("button", { name: "Mark as seen" }).click();
    await page.getByText("Marked as seen").waitFor();
    expect(await page.getByRole("region", { name: "What changed since you last looked" }).count()).toBe(0);
    await page.goto(`${server.url}/library`);
    const entry = page.getByRole("listitem").filter({ hasText: PROMPT.title });
    await entry.getByText("Purchased").waitFor();
    expect(await entry.getByText("Updated").count()).toBe(0);
  });

  it("keeps the prompt off the public page and its data", async () => {
    expect(paidFirstLine.length, "the library's prompt was read by an earlier step").toBeGreaterThan(20);
    for (const path of [`/p/${PROMPT.slug}`, `/p/${PROMPT.slug}.data`]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).toContain(PROMPT.title);
      expect(body.includes(paidFirstLine), `${path} carries the paid prompt`).toBe(false);
      expect(body.includes("Product to test"), `${path} carries the paid prompt`).toBe(false);
    }
  });

  it("lets the seller trace a copy whose licence line was deleted", async () => {
    const pasted = copied
      .split("\n")
      .filter((line) => !line.startsWith("Licensed to"))
      .join("\n");
    await signInAs(SELLER);
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Leaks" }).click();
    await page.getByLabel("The leaked text").fill(`Seen on a forum:\n${pasted}`);
    await page.getByRole("button", { name: "Find the buyer" }).click();
    await page.getByRole("heading", { name: "This copy came from one purchase" }).waitFor();
    const found = (await page.getByRole("status").textContent()) ?? "";
    expect(found).toContain(BUYER);
    expect(found).toContain(PROMPT.title);
    expect(found).toContain("the invisible marker");
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole("link", { name: /^order / }).click();
    await page.waitForURL(/\/dashboard\/sales\/[a-z0-9]+$/);
  });
});
