// The setup every browser journey shares: the real server (built app, own data, Stripe sandbox), a
// fresh browser profile and one page; close() ends them in the right order. A file keeps its own
// variable names:
//   let { server, page, close } = {} as Journey;
//   beforeAll(async () => ({ server, page, close } = await startJourney()));
//   afterAll(() => close?.());
import type { BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { launchBrowser } from "./browser.ts";
import { type RunningServer, startStapel } from "./server.ts";

export type Journey = {
  server: RunningServer;
  browser: BrowserContext;
  page: Page;
  /** Closes the browser, then stops the server. */
  close(): Promise<void>;
};

export type JourneyOptions = {
  /** Settings of the server process (see startStapel). */
  env?: Record<string, string>;
  /** Accept every confirm()/alert() the page opens (forms that ask "Are you sure?"). */
  acceptDialogs?: boolean;
  /** The page's viewport, e.g. a phone's { width: 390, height: 844 }. */
  viewport?: { width: number; height: number };
  /** Browser permissions granted to the server's origin, e.g. ["clipboard-read"]. */
  permissions?: string[];
};

export async function startJourney(options: JourneyOptions = {}): Promise<Journey> {
  // On a copy of the run's first start (demo-snapshot.ts): the demo as a newcomer first sees it.
  const server = await startStapel(options.env, { from: inject("demoSnapshot") });
  let browser: BrowserContext | undefined;
  try {
    browser = await launchBrowser();
    if (options.permissions) await browser.grantPermissions(options.permissions, { origin: server.url });
    const page = await browser.newPage();
    if (options.viewport) await page.setViewportSize(options.viewport);
    if (options.acceptDialogs) page.on("dialog", (dialog) => void dialog.accept());
    const opened = browser;
    return {
      server,
      browser: opened,
      page,
      async close() {
        await opened.close();
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw error;
  }
}
