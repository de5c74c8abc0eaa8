import { createHash, createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInByEmail } from "./support/browser.ts";
import { type Journey, startJourney } from "./support/journey.ts";

// Seeded by prisma/seed.ts: the demo seller's prompt that ships a downloadable file.
const PROMPT_WITH_FILE = {
  slug: "landing-page-copy-architect",
  title: "Landing Page Copy Architect",
  file: "landing-page-swipe-file.md",
};
// Known to the test so it can make a link that expired (the server signs with it as always).
const SIGNING_SECRET = createHash("sha256").update("downloads-journey").digest("hex");

let { server, page, close } = {} as Journey;
beforeAll(
  async () =>
    ({ server, page, close } = await startJourney({ env: { DOWNLOAD_SIGNING_SECRET: SIGNING_SECRET } })),
);
afterAll(() => close?.());

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("buying a file, downloading it in two parts, and checking it", () => {
  let href = "";
  let shownSha256 = "";

  it("buys the listing and sees the file's size and SHA-256 in the library", async () => {
    await page.goto(`${server.url}/p/${PROMPT_WITH_FILE.slug}`);
    await page.getByRole("button", { name: /Sign in to buy/ }).click();
    await page.waitForURL(/\/login\?redirectTo=/);
    await signInByEmail(page, server.url, "downloads-buyer@stapel.test");
    await page.waitForURL(`**/p/${PROMPT_WITH_FILE.slug}`);
    await page.getByRole("button", { name: /^Buy for/ }).click();
    await page.waitForURL(/\/c\/pay\/cs_/);
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("Expiry").fill("12 / 34");
    await page.getByLabel("CVC").fill("123");
    await page.getByLabel("Name on card").fill("Download Buyer");
    await page.getByRole("button", { name: /^Pay/ }).click();
    await page.waitForURL(/\/checkout\/success/);
    await page.getByRole("link", { name: "Go to your library" }).click();
    await page.getByRole("link", { name: PROMPT_WITH_FILE.title }).click();

    const link = page.getByRole("link", { name: `Download ${PROMPT_WITH_FILE.file}` });
    href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/downloads\//);
    const files = page.getByRole("region", { name: "Files" });
    const hash = files.locator("code[data-sha256]");
    shownSha256 = (await hash.getAttribute("title")) ?? "";
    expect(shownSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await hash.textContent()).toBe(shownSha256);
    expect(await files.getByText(/^\d+(\.\d)? kB$/).count()).toBe(1);
  });

  it("downloads the first 500 bytes, resumes the rest, and the whole matches the SHA-256 shown", async () => {
    const first = await page.request.get(`${server.url}${href}`, { headers: { Range: "bytes=0-499" } });
    expect(first.status()).toBe(206);
    const size = Number(/\/(\d+)$/.exec(first.headers()["content-range"] ?? "")?.[1]);
    expect(first.headers()["content-range"]).toBe(`bytes 0-499/${size}`);
    expect(first.headers()["accept-ranges"]).toBe("bytes");
    const etag = first.headers().etag ?? "";
    expect(etag).toBe(`"${shownSha256}"`);
    const rest = await page.request.get(`${server.url}${href}`, {
      headers: { Range: "bytes=500-", "If-Range": etag },
    });
    expect(rest.status()).toBe(206);
    expect(rest.headers()["content-range"]).toBe(`bytes 500-${size - 1}/${size}`);
    const whole = Buffer.concat([await first.body(), await rest.body()]);
    expect(whole.byteLength).toBe(size);
    expect(sha256(whole)).toBe(shownSha256);
    expect(rest.headers()["content-disposition"]).toContain(`filename="${PROMPT_WITH_FILE.file}"`);
    // HEAD through the real server: a GET's headers, no body.
    const head = await page.request.head(`${server.url}${href}`);
    expect(head.status()).toBe(200);
    expect(head.headers()["content-length"]).toBe(String(size));
    expect(head.headers().etag).toBe(etag);
    expect((await head.body()).byteLength).toBe(0);
  });

  it("refuses a forged link and an expired one", async () => {
    const forged = await page.request.get(`${server.url}${href.replace(/sig=[^&]+/, "sig=forged")}`);
    expect(forged.status()).toBe(403);
    const url = new URL(href, server.url);
    const [, , fileId] = url.pathname.split("/");
    const u = url.searchParams.get("u") ?? "";
    const e = url.searchParams.get("e") ?? "";
    const exp = Math.floor(Date.now() / 1000) - 60;
    const sig = createHmac("sha256", SIGNING_SECRET).update(`${u}.${e}.${fileId}.${exp}`).digest("base64url");
    const expired = await page.request.get(
      `${server.url}/downloads/${fileId}?${new URLSearchParams({ u, e, exp: String(exp), sig })}`,
    );
    expect(expired.status()).toBe(410);
    expect(await expired.text()).toContain("expired");
    // The same link signed for a minute from now works: the test's signature is the server's.
    const fresh = Math.floor(Date.now() / 1000) + 60;
    const freshSig = createHmac("sha256", SIGNING_SECRET)
      .update(`${u}.${e}.${fileId}.${fresh}`)
      .digest("base64url");
    const works = await page.request.get(
      `${server.url}/downloads/${fileId}?${new URLSearchParams({ u, e, exp: String(fresh), sig: freshSig })}`,
      { headers: { Range: "bytes=0-9" } },
    );
    expect(works.status()).toBe(206);
  });
});
