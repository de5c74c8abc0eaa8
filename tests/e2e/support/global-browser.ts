// Chooses the browser once per e2e run (unpacking the bundled one if that is the choice), tells the
// test files through inject("browser"), and says which browser it was. Then makes the first start
// every journey's server begins from (inject("demoSnapshot"), demo-snapshot.ts).
import { appendFileSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { describeBrowser, findBrowser } from "./browser.ts";
import { makeDemoSnapshot } from "./demo-snapshot.ts";

export default async function setup(project: TestProject) {
  const started = Date.now();
  const choice = await findBrowser();
  const line = describeBrowser(choice);
  console.log(`[e2e] browser: ${line}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // `npm test` (scripts/test.ts) reads this to name the browser in its summary.
  const report = process.env.STAPEL_BROWSER_REPORT;
  if (report) appendFileSync(report, `${line}\n`);
  project.provide("browser", choice);

  const firstStart = Date.now();
  const demo = await makeDemoSnapshot();
  console.log(
    `[e2e] first start for every journey's server: ${((Date.now() - firstStart) / 1000).toFixed(1)} s`,
  );
  project.provide("demoSnapshot", demo.snapshot);
  return () => demo.dispose();
}
