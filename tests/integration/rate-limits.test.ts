import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter, type RateLimiter } from "~/modules/rate-limits/rate-limit.server.ts";
import * as licenseRoute from "~/routes/api.licenses.verify/route.ts";
import * as checkoutRoute from "~/routes/checkout/route.tsx";
import * as loginRoute from "~/routes/login/route.tsx";
import * as webhookRoute from "~/routes/webhooks.stripe/route.ts";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse, testContext } from "../support/routes.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
// Two limiters with pools of their own, as two app servers would have, next to the app's own.
let serverA: RateLimiter;
let serverB: RateLimiter;
beforeAll(async () => {
  app = await startTestApp();
  serverA = createRateLimiter(process.env.DATABASE_URL as string);
  serverB = createRateLimiter(process.env.DATABASE_URL as string);
});
afterAll(async () => {
  await Promise.all([serverA.close(), serverB.close()]);
  await app.stop();
});

type LoginReply = { result: { error?: Record<string, string[] | null> }; sentTo?: string };

const signInFrom = (ip: string, email: string) =>
  callRoute<LoginReply>(
    loginRoute.action,
    requestAs(null, "/login", { method: "POST", body: new URLSearchParams({ email }) }),
    {},
    testContext({ clientAddress: ip }),
  );

const formErrors = (reply: LoginReply) => Object.values(reply.result.error ?? {}).flat();

const checkLicence = (ip: string) =>
  callRoute(
    licenseRoute.action,
    requestAs(null, "/api/licenses/verify", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ key: "STPL-AAAAA-BBBBB-CCCCC-DDDDD" }),
    }),
    {},
    testContext({ clientAddress: ip }),
  ).then(expectResponse);

describe("sign-in limits", () => {
  it("refuses the 11th sign-in from one address within 15 minutes, and writes nothing for it", async () => {
    // Counted from here: other tests in this file sign in too, in any order.
    const start = { tokens: await prisma.signInToken.count(), emails: await prisma.emailMessage.count() };
    for (let n = 1; n <= 10; n++) {
      const sent = expectData(await signInFrom("203.0.113.7", `ip-limit-${n}@example.com`));
      expect(sent.data.sentTo).toBe(`ip-limit-${n}@example.com`);
    }
    const before = { tokens: await prisma.signInToken.count(), emails: await prisma.emailMessage.count() };
    expect(before).toEqual({ tokens: start.tokens + 10, emails: start.emails + 10 });

    const refused = expectData(await signInFrom("203.0.113.7", "ip-limit-11@example.com"));
    expect(refused.status).toBe(429);
    expect(formErrors(refused.data)).toEqual(["Too many sign-in attempts. Try again in 15 minutes."]);
    expect(refused.data.sentTo).toBeUndefined();
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(14 * 60);
    expect({ tokens: await prisma.signInToken.count(), emails: await prisma.emailMessage.count() }).toEqual(
      before,
    );
  });

  it("counts each address on its own", async () => {
    const other = expectData(await signInFrom("198.51.100.20", "other-address@example.com"));
    expect(other.status).toBe(200);
    expect(other.data.sentTo).toBe("other-address@example.com");
    expect(await prisma.signInToken.count({ where: { email: "other-address@example.com" } })).toBe(1);
  });

  it("sends at most 5 links an hour to one email, whichever addresses ask", async () => {
    for (let n = 1; n <= 5; n++) {
      expect(expectData(await signInFrom(`192.0.2.${n}`, "Popular@Example.com")).status).toBe(200);
    }
    const refused = expectData(await signInFrom("192.0.2.6", "popular@example.com"));
    expect(refused.status).toBe(429);
    expect(formErrors(refused.data)).toEqual([
      "Too many sign-in links were sent to this address. Try again in an hour.",
    ]);
    expect(await prisma.signInToken.count({ where: { email: "popular@example.com" } })).toBe(5);
  });

  it("stores neither addresses nor emails, only hashed keys", async () => {
    expect(expectData(await signInFrom("198.51.100.77", "hashed-keys@example.com")).status).toBe(200);
    const rows = await prisma.rateLimit.findMany();
    const keys = rows.map((row) => row.key);
    expect(keys.filter((key) => key.startsWith("sign-in-ip:")).length).toBeGreaterThan(0);
    expect(keys.filter((key) => key.startsWith("sign-in-email:")).length).toBeGreaterThan(0);
    // Other tests here may have counted licence checks, checkouts or webhooks: hashed all the same.
    for (const key of keys) {
      expect(key).toMatch(/^[a-z-]+:[\w-]{43}$/);
      expect(key).not.toMatch(/198\.51\.100\.77|hashed-keys|@/);
    }
  });
});

describe("licence API limit", () => {
  it("answers 60 checks a minute from one address, then 429 with Retry-After", async () => {
    for (let n = 1; n <= 60; n++) expect((await checkLicence("203.0.113.50")).status).toBe(404);
    const refused = await checkLicence("203.0.113.50");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await refused.json()).toEqual({ error: "Too many licence checks", retryAfterSeconds: retryAfter });

    expect((await checkLicence("203.0.113.51")).status).toBe(404);
  });
});

describe("limits shared by every app server", () => {
  it("counts requests from two servers against one limit", async () => {
    const key = "user-shared-limit";
    for (let n = 1; n <= 20; n++) {
      const server = n % 2 ? serverA : serverB;
      expect(await server.consume("checkout", key)).toEqual({ ok: true });
    }
    const fromA = await serverA.consume("checkout", key);
    const fromB = await serverB.consume("checkout", key);
    expect(fromA).toMatchObject({ ok: false });
    expect(fromB).toMatchObject({ ok: false });
    if (fromA.ok) throw new Error("unreachable");
    expect(fromA.retryAfterSeconds).toBeGreaterThan(9 * 60);
    expect(fromA.retryAfterSeconds).toBeLessThanOrEqual(10 * 60);
    // Other keys and other policies keep their own counts.
    expect(await serverB.consume("checkout", "another-user")).toEqual({ ok: true });
    expect(await serverB.consume("license-api", key)).toEqual({ ok: true });
  });

  it("refuses a 21st checkout in 10 minutes even when the others went through other servers", async () => {
    const buyer = await createUser();
    const cookie = await signIn(buyer.id);
    const { listing } = await createListingForSale();
    for (let n = 1; n <= 20; n++) await (n % 2 ? serverA : serverB).consume("checkout", buyer.id);

    const refused = expectData<LoginReply>(
      await callRoute(
        checkoutRoute.action,
        requestAs(cookie, "/checkout", {
          method: "POST",
          body: new URLSearchParams({ listingId: listing.id }),
        }),
      ),
    );
    expect(refused.status).toBe(429);
    expect(formErrors(refused.data)).toEqual(["Too many checkout attempts. Try again in 10 minutes."]);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(9 * 60);
    expect(await prisma.order.count()).toBe(0);
  });

  it("turns a flood of webhook requests away before verifying them; Stripe retries later", async () => {
    const webhook = (ip: string) =>
      callRoute(
        webhookRoute.action,
        requestAs(null, "/webhooks/stripe", {
          method: "POST",
          headers: { "Content-Type": "application/json", "Stripe-Signature": "t=1,v1=forged" },
          body: "{}",
        }),
        {},
        testContext({ clientAddress: ip }),
      ).then(expectResponse);
    for (let batch = 0; batch < 60; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, (_, n) =>
          (n % 2 ? serverA : serverB).consume("stripe-webhook", "192.0.2.99"),
        ),
      );
    }
    const refused = await webhook("192.0.2.99");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    // Below the limit, the same forged request reaches the signature check.
    expect((await webhook("192.0.2.100")).status).toBe(400);
    // Nothing forged was stored. (The sandbox's own deliveries for the checkouts above may still
    // arrive late on a busy machine: those are real events and may be stored.)
    const sentBySandbox = new Set(app.sandbox.events().map((event) => event.id));
    const stored = await prisma.stripeEvent.findMany({ select: { id: true } });
    expect(stored.filter((event) => !sentBySandbox.has(event.id))).toEqual([]);
  });
});
