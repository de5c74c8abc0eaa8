import AxeBuilderModule from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInByEmail } from "./support/browser.ts";
import { type Journey, startJourney } from "./support/journey.ts";

// The package is CommonJS; under ESM its class may sit on .default.
const AxeBuilder = ((AxeBuilderModule as unknown as { default?: typeof AxeBuilderModule }).default ??
  AxeBuilderModule) as typeof AxeBuilderModule;

let { server, page, close } = {} as Journey;
beforeAll(async () => ({ server, page, close } = await startJourney()));
afterAll(() => close?.());

async function seriousViolations(path: string) {
  await page.goto(`${server.url}${path}`);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

describe("accessibility (axe, WCAG 2 A/AA)", () => {
  it("finds no serious problems on the public pages", async () => {
    for (const path of ["/", "/?type=AGENT", "/p/landing-page-copy-architect", "/s/maren-writes", "/login"]) {
      expect(await seriousViolations(path), path).toEqual([]);
    }
  });

  it("finds no serious problems on the subscriber's pages", async () => {
    // The demo buyer subscribes to Automation Lab at start-up: the account has a subscription.
    await signInByEmail(page, server.url, "buyer@stapel.test");
    await page.goto(`${server.url}/account`);
    const changePlan = await page.getByRole("link", { name: "Change plan" }).first().getAttribute("href");
    expect(changePlan).toMatch(/^\/account\/subscriptions\/[a-z0-9]+$/);
    for (const path of ["/account", "/account/orders", changePlan ?? ""]) {
      expect(await seriousViolations(path), path).toEqual([]);
    }
    await page.context().clearCookies();
  });

  it("finds no serious problems on the signed-in pages", async () => {
    await signInByEmail(page, server.url, "seller@stapel.test");
    for (const path of ["/library", "/dashboard", "/dashboard/sales"]) {
      expect(await seriousViolations(path), path).toEqual([]);
    }
  });
});
