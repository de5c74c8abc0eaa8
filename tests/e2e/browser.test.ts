// The browser itself: whichever one was found (see support/browser.ts) must render, take
// screenshots and keep the same-origin policy the app's users have. Needs no app server.
import { createServer, type Server } from "node:http";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { launchBrowser } from "./support/browser.ts";

let browser: BrowserContext;
const servers: Server[] = [];

async function serve(body: string, type: string): Promise<string> {
  const server = createServer((_req, res) => res.writeHead(200, { "Content-Type": type }).end(body));
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) server.close();
});

it("is the browser global setup reported", () => {
  expect(browser.browser()?.version()).toBeTruthy();
  expect(inject("browser").version).toContain(browser.browser()?.version() as string);
});

it("renders a page and takes a screenshot", async () => {
  const page = await browser.newPage();
  const origin = await serve(
    "<!doctype html><title>Hello</title><h1 style='color:#b00'>Stapel</h1>",
    "text/html; charset=utf-8",
  );
  await page.goto(origin);
  expect(await page.title()).toBe("Hello");
  const png = await page.screenshot({ fullPage: true });
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(png.length).toBeGreaterThan(1000);
  await page.close();
});

it("keeps the same-origin policy (no --disable-web-security)", async () => {
  const page = await browser.newPage();
  const site = await serve("<!doctype html><title>site</title>", "text/html");
  const elsewhere = await serve("secret", "text/plain");
  await page.goto(site);
  const result = await page.evaluate(async (url) => {
    try {
      return `read: ${await (await fetch(url)).text()}`;
    } catch (error) {
      return `blocked: ${(error as Error).name}`;
    }
  }, elsewhere);
  expect(result).toBe("blocked: TypeError");
  await page.close();
});
