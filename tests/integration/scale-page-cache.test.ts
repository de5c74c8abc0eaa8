// The page cache and public-page ETags of the HTTP layer (server/http/page-cache.ts), over real HTTP
// with the layer's own code: its cache policy, the lookup before the app, sendWebResponse after it,
// and invalidation by the database's notifications. The app behind it is the product page's real
// loader (no Remix build needed here); the built app runs through the same code in the security suite.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as productRoute from "~/routes/p.$slug/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { PageCache, publicAnswers, publicCachePolicy } from "../../server/http/page-cache.ts";
import { listenForPageChanges } from "../../server/http/page-cache-invalidation.ts";
import { sendWebResponse } from "../../server/http/remix-adapter.ts";
import { newNonce } from "../../server/http/security-headers.ts";
import { signIn } from "../support/fixtures.ts";
import { callRoute } from "../support/routes.ts";
import { postPricing, tierFields } from "./pricing-fixtures.ts";
import { createSearchListing, createSearchShop } from "./search-fixtures.ts";

type AppServer = { url: string; cache: PageCache; close(): Promise<void> };
let loaderCalls = 0;

/** One "app server": the layer's hooks around a handler that runs the product page's loader. */
async function startAppServer(): Promise<AppServer> {
  const cache = new PageCache();
  const changes = await listenForPageChanges(process.env.DATABASE_URL as string, cache);
  const answers = publicAnswers(cache);
  const app = express();
  app.use((_req, res, next) => {
    res.locals.nonce = newNonce();
    next();
  });
  app.get("*", async (req, res, next) => {
    if (answers.lookup(req, res)) return;
    try {
      const response = await render(req, res.locals.nonce);
      await sendWebResponse(req, res, response, {
        finishHeaders: (request, _res, headers) => void publicCachePolicy(request, headers),
        publicAnswer: answers.publicAnswer,
      });
    } catch (error) {
      next(error);
    }
  });
  const server = await new Promise<Server>((ready) => {
    const started = app.listen(0, "127.0.0.1", () => ready(started));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cache,
    close: async () => {
      await changes.close();
      await new Promise((done) => server.close(done));
    },
  };
}

async function render(req: express.Request, nonce: string): Promise<Response> {
  const headers = new Headers(productRoute.headers?.({} as never) as HeadersInit);
  headers.set("Content-Type", "text/html; charset=utf-8");
  if (req.path === "/flash") {
    headers.append("Set-Cookie", "toast=saved; Path=/; HttpOnly");
    return new Response(`<p>Saved</p><script nonce="${nonce}"></script>`, { headers });
  }
  loaderCalls++;
  const slug = req.path.replace(/^\/p\//, "");
  const request = new Request(`http://stapel.test${req.originalUrl}`, {
    headers: req.get("cookie") ? { Cookie: req.get("cookie") as string } : {},
  });
  const outcome = await callRoute(productRoute.loader, request, { slug });
  if (outcome.kind !== "data") return outcome.response;
  const price = outcome.data.offer.tiers?.[0]?.price ?? outcome.data.listing.priceAmount;
  const body = `<html><head><script nonce="${nonce}">boot()</script></head><body><h1>${outcome.data.listing.title}</h1><p data-price>${JSON.stringify(price)}</p><p>${outcome.data.signedIn ? "signed in" : "signed out"}</p></body></html>`;
  return new Response(body, { headers });
}

let one: AppServer;
let two: AppServer;
let listing: Awaited<ReturnType<typeof createSearchListing>>;
let sellerCookie: string;
let tierId: string;

beforeAll(async () => {
  const shop = await createSearchShop();
  listing = await createSearchListing(shop.id, {
    title: "Cached landing page copy",
    prices: [{ currency: "EUR", amount: 700 }],
  });
  tierId = (await prisma.licenseTier.findFirstOrThrow({ where: { listingId: listing.id } })).id;
  sellerCookie = await signIn(shop.ownerId);
  one = await startAppServer();
  two = await startAppServer();
});

afterAll(async () => {
  await one?.close();
  await two?.close();
});

const get = (server: AppServer, path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers });

/** PostgreSQL delivers a notification to the listening connection a moment after the commit. */
async function cleared(server: AppServer, before: number) {
  await vi.waitFor(() => expect(server.cache.stats.clears).toBeGreaterThan(before), { timeout: 5000 });
}

describe("the page cache for anonymous visitors", () => {
  it("answers the second anonymous request from memory, with a fresh nonce and public, validating headers", async () => {
    const path = `/p/${listing.slug}`;
    const calls = loaderCalls;
    const first = await get(one, path);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache")).toBe("miss");
    const firstBody = await first.text();
    expect(firstBody).toContain("Cached landing page copy");
    const second = await get(one, path);
    expect(second.headers.get("x-cache")).toBe("hit");
    expect(loaderCalls).toBe(calls + 1);
    const secondBody = await second.text();
    expect(secondBody.replace(/nonce="[^"]+"/, "")).toBe(firstBody.replace(/nonce="[^"]+"/, ""));
    expect(secondBody.match(/nonce="([^"]+)"/)?.[1]).not.toBe(firstBody.match(/nonce="([^"]+)"/)?.[1]);
    for (const response of [first, second]) {
      expect(response.headers.get("cache-control")).toMatch(/^public, max-age=0/);
      expect(response.headers.get("vary")).toBe("Cookie, Accept-Language, Accept-Encoding");
      expect(response.headers.get("etag")).toMatch(/^W\/"/);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
  });

  it("answers If-None-Match with 304 and no body, from the cache and from the app", async () => {
    const path = `/p/${listing.slug}`;
    const etag = (await get(one, path)).headers.get("etag") as string;
    const cached = await get(one, path, { "If-None-Match": etag });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
    one.cache.clear();
    const fresh = await get(one, path, { "If-None-Match": `"other", ${etag}` });
    expect(fresh.status).toBe(304);
    expect(fresh.headers.get("x-cache")).toBe("miss");
    expect((await get(one, path, { "If-None-Match": '"stale"' })).status).toBe(200);
  });

  it("shows a seller's new price at once on every app server", async () => {
    const path = `/p/${listing.slug}`;
    for (const server of [one, two]) {
      await get(server, path);
      const warm = await get(server, path);
      expect(warm.headers.get("x-cache")).toBe("hit");
      expect(await warm.text()).toContain("700");
    }
    const clears = [one.cache.stats.clears, two.cache.stats.clears] as const;
    const saved = await postPricing(
      sellerCookie,
      listing.id,
      tierFields({ tierId, name: "Personal", eur: "23.00" }),
    );
    expect(saved.kind === "response" ? saved.response.status : saved.status).toBeLessThan(400);
    await cleared(one, clears[0]);
    await cleared(two, clears[1]);
    for (const server of [one, two]) {
      const after = await get(server, path);
      expect(after.headers.get("x-cache")).toBe("miss");
      const body = await after.text();
      expect(body).toContain("2300");
      expect(body).not.toContain(">700<");
    }
  });

  it("empties on a review, a shop's change and a listing's change, through the database's triggers", async () => {
    for (const change of [
      () => prisma.shop.update({ where: { id: listing.shopId }, data: { bio: "New bio" } }),
      () => prisma.listing.update({ where: { id: listing.id }, data: { tagline: "Fresh tagline" } }),
    ]) {
      await get(one, `/p/${listing.slug}`);
      expect((await get(one, `/p/${listing.slug}`)).headers.get("x-cache")).toBe("hit");
      const before = one.cache.stats.clears;
      await change();
      await cleared(one, before);
      expect((await get(one, `/p/${listing.slug}`)).headers.get("x-cache")).toBe("miss");
    }
    const before = one.cache.stats.clears;
    await prisma.$executeRaw`UPDATE "Review" SET body = body WHERE false`;
    await cleared(one, before);
  });

  it("never serves or keeps a signed-in visitor's page, and keeps it private", async () => {
    const path = `/p/${listing.slug}`;
    await get(one, path);
    expect((await get(one, path)).headers.get("x-cache")).toBe("hit");
    const signedIn = await get(one, path, { Cookie: sellerCookie });
    expect(signedIn.headers.get("x-cache")).toBeNull();
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    expect(signedIn.headers.get("etag")).toBeNull();
    expect(await signedIn.text()).toContain("signed in");
    expect(await (await get(one, path)).text()).toContain("signed out");
  });

  it("keeps no response that sets a cookie, and serves no request that carries another cookie", async () => {
    const flash = await get(one, "/flash");
    expect(flash.headers.get("set-cookie")).toContain("toast=saved");
    expect(flash.headers.get("cache-control")).toBe("private, no-store");
    expect((await get(one, "/flash")).headers.get("x-cache")).toBeNull();
    expect(one.cache.snapshot().entries).toBeGreaterThan(0);
    const withToast = await get(one, `/p/${listing.slug}`, { Cookie: "toast=saved" });
    expect(withToast.headers.get("x-cache")).toBeNull();
    const withLanguage = await get(one, `/p/${listing.slug}`, { Cookie: "lang=de" });
    expect(withLanguage.headers.get("x-cache")).not.toBeNull();
  });
});

describe("the page cache's bounds", () => {
  it("evicts the least recently used pages beyond its byte budget and expires pages after its TTL", () => {
    let now = 0;
    const cache = new PageCache({ maxBytes: 3000, ttlMs: 1000, now: () => now });
    const headers = new Headers({ "Content-Type": "text/html" });
    const body = { parts: [Buffer.alloc(900)], length: 900 };
    for (const key of ["a", "b", "c", "d"]) cache.store(key, cache.ticket(), 200, headers, body, 'W/"x"');
    expect(cache.snapshot().entries).toBe(3);
    expect(cache.snapshot().bytes).toBeLessThanOrEqual(3000);
    const ticket = cache.ticket();
    cache.clear();
    cache.store("late", ticket, 200, headers, body, 'W/"x"');
    expect(cache.snapshot().entries).toBe(0);
    cache.store("e", cache.ticket(), 200, headers, body, 'W/"x"');
    now = 2000;
    const res = { setHeader() {}, end() {}, locals: {} } as never;
    expect(cache.serve({ get: () => undefined, method: "GET" } as never, res, "e")).toBe(false);
  });
});
