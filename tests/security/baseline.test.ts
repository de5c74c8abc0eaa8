// One test per numbered item of the security baseline, against the real server over HTTP.
// Items 6 with TRUST_PROXY set and 3's https half need their own server settings: see
// trust-proxy-*.test.ts and https-app-url.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setReviewHidden } from "~/modules/reviews/moderation.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { formatMoney } from "~/utils/money.ts";
import { diffStates, openStateProbe, type StateProbe } from "./support/db-state.ts";
import { lacksNoStore, notPrivateNoStore, securityHeaderProblems } from "./support/headers.ts";
import { FORM, formBody, type Reply, resolveLocation, send } from "./support/http.ts";
import { describeReply } from "./support/judge.ts";
import { type SecurityServer, startSecurityServer } from "./support/server.ts";
import { latestSignInToken, newestLinkUsed, requestSignInLink, useSignInLink } from "./support/sign-in.ts";
import { type Principal, seedWorld, type World } from "./support/world.ts";

let server: SecurityServer;
let world: World;
let state: StateProbe;
let counter = 0;
const freshEmail = (tag: string) => `baseline-${tag}-${counter++}@example.com`;

beforeAll(async () => {
  server = await startSecurityServer();
  world = await seedWorld(server, { refundable: 2 });
  state = await openStateProbe();
}, 180_000);

afterAll(async () => {
  await state?.close();
  await server?.stop();
});

const sameOrigin = () => world.sameOrigin;
const isOwnPath = (location: string | undefined) => {
  if (!location) return false;
  const target = resolveLocation(location, server.url);
  return target.origin === new URL(server.url).origin;
};
const text = (reply: Reply) =>
  reply.body
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

// ─── 1. Open redirects ─────────────────────────────────────────────────────
describe("baseline 1: redirectTo never leaves the site", () => {
  // Query-string values exactly as a phishing link would carry them.
  const hostile = [
    "/%09/evil.example",
    "/%09%5Cevil.example",
    "%2F%2Fevil.example",
    "https%3A%2F%2Fevil.example",
    "/%0A",
    "/%0D",
    "/%5C%5Cevil.example",
    "%2F%5Cevil.example",
    "javascript%3Aalert(1)",
    "/%0D%0ASet-Cookie:%20x=1",
  ];

  for (const value of hostile) {
    it(`already signed in: /login?redirectTo=${value}`, async () => {
      const reply = await send(server.url, {
        path: `/login?redirectTo=${value}`,
        cookie: await world.cookie("buyerA"),
      });
      expect(reply.status, describeReply(reply)).toBeGreaterThanOrEqual(300);
      expect(reply.status, describeReply(reply)).toBeLessThan(400);
      expect(isOwnPath(reply.header("location")), `Location: ${reply.header("location")}`).toBe(true);
    });

    it(`through the emailed link: redirectTo=${value}`, async () => {
      await state.resetRateLimits();
      const email = freshEmail("redirect");
      const redirectTo = decodeURIComponent(value);
      const asked = await requestSignInLink(server.url, sameOrigin(), { email, redirectTo });
      expect(asked.status, `POST /login: ${describeReply(asked)}`).toBe(200);
      const token = await latestSignInToken(state, email);
      expect(token, "no sign-in email in the outbox").not.toBeNull();
      const used = await useSignInLink(server.url, sameOrigin(), token as string);
      expect(used.status, `POST /login/verify: ${describeReply(used)}`).toBeLessThan(500);
      if (used.status >= 400) {
        expect(await newestLinkUsed(state, email), "a refused sign-in used up the link").toBe(false);
      }
      expect(used.status, `POST /login/verify: ${describeReply(used)}`).toBeGreaterThanOrEqual(300);
      expect(used.status).toBeLessThan(400);
      expect(isOwnPath(used.header("location")), `Location: ${used.header("location")}`).toBe(true);
    });
  }
});

// ─── 2. Private pages are never cached; the sign-in limit says when to retry ─
describe("baseline 2: Cache-Control on private pages, Retry-After on the sign-in limit", () => {
  const pages: [string, (w: World) => string, Principal][] = [
    ["/library", () => "/library", "buyerA"],
    ["/library/:id", (w) => `/library/${w.purchaseA.entitlementId}`, "buyerA"],
    ["/checkout/success", (w) => `/checkout/success?session_id=${w.purchaseA.checkoutSessionId}`, "buyerA"],
    ["/dashboard", () => "/dashboard", "sellerA"],
    ["/dashboard/sales", () => "/dashboard/sales", "sellerA"],
    ["/dashboard/plans", () => "/dashboard/plans", "sellerA"],
    ["/dashboard/plans/:id", (w) => `/dashboard/plans/${w.planA.id}`, "sellerA"],
    ["/login/verify", () => "/login/verify?token=not-a-real-token", "anonymous"],
    ["/dev/outbox", () => "/dev/outbox", "anonymous"],
  ];
  const dataPath = (path: string) => {
    const [pathname, query] = path.split("?") as [string, string | undefined];
    return `${pathname}.data${query ? `?${query}` : ""}`;
  };

  for (const [name, path, owner] of pages) {
    for (const visitor of [...new Set<Principal>([owner, "anonymous"])]) {
      for (const variant of ["document", ".data"] as const) {
        it(`${name} (${variant}) as ${visitor}`, async () => {
          const url = variant === "document" ? path(world) : dataPath(path(world));
          const reply = await send(server.url, { path: url, cookie: await world.cookie(visitor) });
          expect(reply.status, describeReply(reply)).toBeLessThan(500);
          expect(notPrivateNoStore(reply), `GET ${url} → ${reply.status}`).toBeNull();
        });
      }
    }
  }

  for (const path of ["/login", "/login.data"]) {
    it(`the 11th sign-in request from one address (${path}) is refused with 429 and Retry-After`, async () => {
      await state.resetRateLimits();
      const replies: Reply[] = [];
      for (let attempt = 0; attempt < 11; attempt++) {
        replies.push(
          await send(server.url, {
            method: "POST",
            path,
            headers: { ...sameOrigin(), "Content-Type": FORM },
            body: formBody({ email: freshEmail("limit") }),
          }),
        );
      }
      const statuses = replies.map((reply) => reply.status);
      expect(
        statuses.slice(0, 10).every((status) => status === 200),
        statuses.join(" "),
      ).toBe(true);
      const last = replies[10] as Reply;
      expect(last.status, describeReply(last)).toBe(429);
      const retryAfter = Number(last.header("retry-after"));
      expect(
        Number.isInteger(retryAfter) && retryAfter > 0,
        `Retry-After: ${last.header("retry-after")}`,
      ).toBe(true);
      expect(lacksNoStore(last)).toBeNull();
      await state.resetRateLimits();
    });
  }
});

// ─── 3. Security headers ───────────────────────────────────────────────────
describe("baseline 3: security headers", () => {
  for (const [path, visitor] of [
    ["/", "anonymous"],
    ["/login", "anonymous"],
    ["/library", "buyerA"],
    ["/dashboard/sales", "sellerA"],
    ["/no-such-page", "anonymous"],
  ] as const) {
    it(`GET ${path} as ${visitor}`, async () => {
      const reply = await send(server.url, { path, cookie: await world.cookie(visitor) });
      expect(securityHeaderProblems(reply), describeReply(reply)).toEqual([]);
    });
  }

  it("the sales page cannot be framed", async () => {
    const reply = await send(server.url, { path: "/dashboard/sales", cookie: await world.cookie("sellerA") });
    expect(reply.status).toBe(200);
    const policy = reply.header("content-security-policy") ?? "";
    expect(policy).toMatch(/frame-ancestors 'none'/);
  });

  it("an http APP_URL gets no HSTS and no Secure cookies", async () => {
    const email = freshEmail("http");
    await state.resetRateLimits();
    await requestSignInLink(server.url, sameOrigin(), { email });
    const used = await useSignInLink(server.url, sameOrigin(), (await latestSignInToken(state, email)) ?? "");
    expect(used.header("strict-transport-security")).toBeUndefined();
    const session = used.setCookies.find((cookie) => cookie.startsWith("__stapel_session="));
    expect(session, "no session cookie was set").toBeDefined();
    expect(session).not.toMatch(/;\s*secure/i);
  });
});

// ─── 4. Cross-site request forgery ─────────────────────────────────────────
describe("baseline 4: cross-site POSTs are refused, same-origin ones work", () => {
  type Attempt = {
    name: string;
    principal: Principal;
    /** A request that changes something when accepted. */
    prepare: () => Promise<{ path: string; body: Record<string, string> }>;
    /** What a same-origin request gets. */
    works: (reply: Reply) => boolean;
  };
  const refundable = () => world.refundableOrderIdsA.shift() ?? "";
  let planBArchived = false;
  let subscriptionACancelled = false;
  const attempts = (data: boolean): Attempt[] => {
    const at = (path: string) => (data ? `${path}.data` : path);
    // Single fetch answers redirects with 202 and the target in the body.
    const redirected = (reply: Reply) =>
      data ? reply.status === 202 : reply.status >= 300 && reply.status < 400;
    return [
      {
        name: `POST ${at("/login")}`,
        principal: "anonymous",
        prepare: async () => ({ path: at("/login"), body: { email: freshEmail("csrf") } }),
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/login/verify")}`,
        principal: "anonymous",
        prepare: async () => {
          const email = freshEmail("csrf-verify");
          await state.resetRateLimits();
          await requestSignInLink(server.url, sameOrigin(), { email });
          return {
            path: at("/login/verify"),
            body: { token: (await latestSignInToken(state, email)) ?? "" },
          };
        },
        works: redirected,
      },
      {
        name: `POST ${at("/checkout")}`,
        principal: "buyerB",
        prepare: async () => ({ path: at("/checkout"), body: { listingId: world.shopA.listing.id } }),
        works: redirected,
      },
      {
        name: `POST ${at("/subscribe")}`,
        principal: "buyerB",
        prepare: async () => ({ path: at("/subscribe"), body: { planPriceId: world.planA.priceId } }),
        works: redirected,
      },
      {
        name: `POST ${at("/account")}?index`,
        principal: "buyerA",
        // Cancel and resume in turn: each accepted request changes the subscription at Stripe.
        prepare: async () => {
          subscriptionACancelled = !subscriptionACancelled;
          return {
            path: `${at("/account")}?index`,
            body: {
              intent: subscriptionACancelled ? "cancel" : "resume",
              subscriptionId: world.subscriptionA.id,
            },
          };
        },
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/dashboard/settings")}`,
        principal: "sellerB",
        prepare: async () => ({
          path: at("/dashboard/settings"),
          body: { name: `CSRF shop ${counter++}`, defaultCurrency: "EUR" },
        }),
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/dashboard/sales/:orderId")} (resend the receipt)`,
        principal: "sellerA",
        prepare: async () => ({
          path: at(`/dashboard/sales/${world.purchaseA.orderId}`),
          // A click id of 16 characters per attempt, as the page makes one per click.
          body: { intent: "resend-receipt", clickId: `csrfclick${String(counter++).padStart(7, "0")}` },
        }),
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/dashboard/sales")} (gift)`,
        principal: "sellerA",
        prepare: async () => ({
          path: at("/dashboard/sales"),
          body: { intent: "gift", listingId: world.shopA.listing.id, email: freshEmail("csrf-gift") },
        }),
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/library/:entitlementId")} (mark as seen)`,
        principal: "buyerA",
        prepare: async () => ({
          path: at(`/library/${world.purchaseA.entitlementId}`),
          body: { intent: "mark-seen", version: "1" },
        }),
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/dashboard/leaks")} (trace a leak)`,
        principal: "sellerB",
        prepare: async () => ({
          path: at("/dashboard/leaks"),
          body: { text: `Licensed to buyer · code ABCD-EFGH` },
        }),
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/dashboard/listings/:listingId")} (duplicate)`,
        principal: "sellerA",
        prepare: async () => ({
          path: at(`/dashboard/listings/${world.shopA.listing.id}`),
          body: { intent: "duplicate" },
        }),
        works: redirected,
      },
      {
        name: `POST ${at("/dashboard/listings/:listingId/pricing")} (pricing mode)`,
        principal: "sellerA",
        prepare: async () => ({
          path: at(`/dashboard/listings/${world.shopA.listing.id}/pricing`),
          body: { intent: "mode", mode: "FIXED" },
        }),
        works: (reply) => reply.status === 200 || (reply.status >= 300 && reply.status < 400),
      },
      {
        name: `POST ${at("/dashboard/discounts/new")}`,
        principal: "sellerA",
        prepare: async () => ({
          path: at("/dashboard/discounts/new"),
          body: { code: `CSRF-${counter++}`, kind: "PERCENT", percentOff: "10", scope: "shop" },
        }),
        works: redirected,
      },
      {
        name: `POST ${at("/dashboard/plans/new")}`,
        principal: "sellerA",
        prepare: async () => ({
          path: at("/dashboard/plans/new"),
          body: { name: `CSRF plan ${counter++}`, grants: "everything", priceMonthEur: "5.00" },
        }),
        works: redirected,
      },
      {
        name: `POST ${at("/dashboard/plans/:planId")}`,
        principal: "sellerB",
        // Archive and restore in turn: each accepted request changes the plan.
        prepare: async () => {
          planBArchived = !planBArchived;
          return {
            path: at(`/dashboard/plans/${world.planB.id}`),
            body: { intent: planBArchived ? "archive" : "restore" },
          };
        },
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/dashboard/licenses/:keyId")} (reset uses)`,
        principal: "sellerB",
        prepare: async () => ({
          path: at(`/dashboard/licenses/${world.purchaseB.licenseKeyId}`),
          body: { intent: "reset-uses" },
        }),
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/library/keys/:keyId")} (free a device)`,
        principal: "buyerA",
        // A device of buyer A's key per attempt: each accepted request deletes one.
        prepare: async () => {
          const device = await prisma.licenseActivation.create({
            data: { licenseKeyId: world.purchaseA.licenseKeyId, instanceName: `CSRF device ${counter++}` },
          });
          return {
            path: at(`/library/keys/${world.purchaseA.licenseKeyId}`),
            body: { intent: "deactivate", activationId: device.id },
          };
        },
        works: redirected,
      },
      // Account settings (issue 8). Deleting is attempted by seller B, whose shop makes it a 409
      // that reaches the action and changes nothing: the suite must not delete its own principals.
      {
        name: `POST ${at("/account/settings")} (change email)`,
        principal: "buyerB",
        prepare: async () => ({
          path: at("/account/settings"),
          body: { intent: "change-email", newEmail: freshEmail("csrf-email-change") },
        }),
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/account/settings")} (sign out everywhere else)`,
        principal: "buyerB",
        prepare: async () => {
          // One more session of buyer B, so an accepted request has something to end.
          await world.cookie("buyerB");
          return { path: at("/account/settings"), body: { intent: "sign-out-others" } };
        },
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/account/settings")} (language for emails)`,
        principal: "buyerB",
        prepare: async () => ({
          path: at("/account/settings"),
          body: { intent: "email-language", language: "de" },
        }),
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/account/settings")} (delete account)`,
        principal: "sellerB",
        prepare: async () => ({
          path: at("/account/settings"),
          body: { intent: "delete-account", confirmEmail: world.users.sellerB.email },
        }),
        works: (reply) => reply.status === 409,
      },
      {
        name: `POST ${at("/account/email-change")}`,
        principal: "anonymous",
        prepare: async () => ({ path: at("/account/email-change"), body: { token: "A".repeat(43) } }),
        works: (reply) => reply.status === 409,
      },
      {
        name: `POST ${at("/logout")}`,
        principal: "buyerA",
        prepare: async () => ({ path: at("/logout"), body: {} }),
        works: redirected,
      },
      {
        name: `POST ${at("/dashboard/sales")}`,
        principal: "sellerA",
        prepare: async () => ({
          path: at("/dashboard/sales"),
          body: { intent: "refund", orderId: refundable() },
        }),
        works: (reply) => reply.status === 200,
      },
      // Reviews, reports and the admin queue (issue 9). Each prepare makes the accepted request
      // change something again: a fresh report to file, a reply to write, a takedown to answer.
      {
        name: `POST ${at("/p/:slug/review")}`,
        principal: "buyerB",
        prepare: async () => ({
          path: at(`/p/${world.shopB.listing.slug}/review`),
          body: { rating: String((counter++ % 5) + 1), body: `CSRF review number ${counter}, long enough.` },
        }),
        works: redirected,
      },
      {
        name: `POST ${at("/p/:slug/report")}`,
        principal: "anonymous",
        prepare: async () => ({
          path: at(`/p/${world.shopB.listing.slug}/report`),
          body: {
            kind: "OTHER",
            details: `CSRF report number ${counter++}.`,
            email: freshEmail("csrf-report"),
          },
        }),
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/reviews/:reviewId/report")}`,
        principal: "buyerB",
        prepare: async () => {
          await setReviewHidden(world.reviewA, false);
          await prisma.reviewReport.deleteMany({
            where: { reviewId: world.reviewA, reporterId: world.users.buyerB.id },
          });
          return {
            path: at(`/reviews/${world.reviewA}/report`),
            body: { reason: `CSRF reason ${counter++}` },
          };
        },
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/dashboard/reviews")} (reply)`,
        principal: "sellerA",
        prepare: async () => {
          await prisma.review.update({
            where: { id: world.reviewA },
            data: { sellerReply: null, sellerRepliedAt: null },
          });
          return {
            path: at("/dashboard/reviews"),
            body: { reviewId: world.reviewA, reply: `CSRF reply ${counter++}` },
          };
        },
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/dashboard/reports")} (respond to a takedown)`,
        principal: "sellerB",
        prepare: async () => {
          const listing = await prisma.listing.create({
            data: {
              shopId: world.shopB.shop.id,
              slug: `csrf-takedown-${counter++}`,
              type: "PROMPT",
              status: "PUBLISHED",
              publishedAt: new Date(),
              title: "Taken down for the CSRF check",
              tagline: "Down",
              description: "Down.",
              category: "Other",
              priceAmount: 500,
              currency: "EUR",
              takenDownAt: new Date(),
              takedownReason: "For the CSRF check.",
              reports: {
                create: {
                  kind: "OTHER",
                  details: "For the CSRF check.",
                  status: "TAKEN_DOWN",
                  resolvedAt: new Date(),
                },
              },
            },
            select: { reports: { select: { id: true } } },
          });
          return {
            path: at("/dashboard/reports"),
            body: {
              reportId: listing.reports[0]?.id ?? "",
              response: "It is my own work, here is my draft.",
            },
          };
        },
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/admin/reports/:reportId")} (dismiss)`,
        principal: "admin",
        prepare: async () => {
          const report = await prisma.listingReport.create({
            data: { listingId: world.shopB.listing.id, kind: "OTHER", details: "For the CSRF check." },
          });
          return {
            path: at(`/admin/reports/${report.id}`),
            body: { intent: "dismiss", note: "Not a problem." },
          };
        },
        works: (reply) => reply.status === 200,
      },
      {
        name: `POST ${at("/admin/reviews")} (hide, then show again)`,
        principal: "admin",
        prepare: async () => {
          const review = await prisma.review.findUniqueOrThrow({ where: { id: world.reviewA } });
          return {
            path: at("/admin/reviews"),
            body: { intent: review.hiddenAt ? "unhide" : "hide", reviewId: world.reviewA },
          };
        },
        works: (reply) => reply.status === 200,
      },
    ];
  };

  for (const data of [false, true]) {
    for (const attempt of attempts(data)) {
      it(`${attempt.name}: refused from another site, accepted from ours`, async () => {
        const { path, body } = await attempt.prepare();
        const cookie = await world.cookie(attempt.principal);
        for (const [label, headers] of [
          ["Origin: https://evil.example", { Origin: "https://evil.example" }],
          ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
          ["both", { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" }],
        ] as const) {
          await server.sandbox.deliveries();
          const before = await state.snapshot();
          const reply = await send(server.url, {
            method: "POST",
            path,
            cookie,
            headers: { ...headers, "Content-Type": FORM },
            body: formBody(body),
          });
          await server.sandbox.deliveries();
          const changes = diffStates(before, await state.snapshot());
          expect(reply.status, `${label}: ${describeReply(reply)}`).toBe(403);
          expect(text(reply).length, `${label}: the 403 has no message`).toBeGreaterThan(0);
          expect(changes, `${label}: a refused request changed the database`).toEqual([]);
        }
        await state.resetRateLimits();
        const accepted = await send(server.url, {
          method: "POST",
          path,
          cookie,
          headers: { ...sameOrigin(), "Content-Type": FORM },
          body: formBody(body),
        });
        expect(attempt.works(accepted), `same origin: ${describeReply(accepted)}`).toBe(true);
        await server.sandbox.deliveries();
      });
    }
  }

  it("the Stripe webhook and the licence API are for other servers: no origin check", async () => {
    const evil = { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" };
    const webhook = await send(server.url, {
      method: "POST",
      path: "/webhooks/stripe",
      headers: { ...evil, "Content-Type": "application/json" },
      body: "{}",
    });
    // Refused for its missing signature, not for its origin.
    expect(webhook.status, describeReply(webhook)).toBe(400);
    const licence = await send(server.url, {
      method: "POST",
      path: "/api/licenses/verify",
      headers: { ...evil, "Content-Type": "application/json" },
      body: JSON.stringify({ key: world.purchaseA.licenseKey }),
    });
    expect(licence.status, describeReply(licence)).toBe(200);
    // The same for the Gumroad and Lemon Squeezy shaped APIs (corpus and rows: */licensing.ts).
    for (const [path, fields] of [
      ["/api/v1/licenses/verify", { product_id: world.shopA.listing.id, increment_uses_count: "false" }],
      ["/api/v1/licenses/validate", {}],
    ] as const) {
      const reply = await send(server.url, {
        method: "POST",
        path,
        headers: { ...evil, "Content-Type": "application/json" },
        body: JSON.stringify({ ...fields, license_key: world.purchaseA.licenseKey }),
      });
      expect(reply.status, describeReply(reply)).toBe(200);
    }
  });
});

// ─── 5. NUL bytes and unreadable requests ──────────────────────────────────
describe("baseline 5: the 22 malformed requests answer 4xx with a message", () => {
  type Malformed = { name: string; principal: Principal; request: (w: World) => Parameters<typeof send>[1] };
  const form = (path: string, body: string, extra: Record<string, string> = {}) => ({
    method: "POST",
    path,
    headers: { ...world.sameOrigin, "Content-Type": FORM, ...extra },
    body,
  });
  const cases: Malformed[] = [
    { name: "?q=%00", principal: "anonymous", request: () => ({ path: "/?q=%00" }) },
    { name: "?model=%00", principal: "anonymous", request: () => ({ path: "/?model=%00" }) },
    { name: "?category=%00", principal: "anonymous", request: () => ({ path: "/?category=%00" }) },
    { name: "?type=%00", principal: "anonymous", request: () => ({ path: "/?type=%00" }) },
    { name: "?sort=%00", principal: "anonymous", request: () => ({ path: "/?sort=%00" }) },
    { name: "/p/%00", principal: "anonymous", request: () => ({ path: "/p/%00" }) },
    { name: "/s/%00", principal: "anonymous", request: () => ({ path: "/s/%00" }) },
    { name: "/library/%00", principal: "buyerA", request: () => ({ path: "/library/%00" }) },
    { name: "/library/%00.data", principal: "buyerA", request: () => ({ path: "/library/%00.data" }) },
    {
      name: "/checkout/success?session_id=%00",
      principal: "buyerA",
      request: () => ({ path: "/checkout/success?session_id=cs_%00" }),
    },
    {
      name: "/login/verify?token=%00",
      principal: "anonymous",
      request: () => ({ path: "/login/verify?token=%00" }),
    },
    {
      name: "/login?redirectTo=%00",
      principal: "anonymous",
      request: () => ({ path: "/login?redirectTo=/%00" }),
    },
    {
      name: "/downloads/%00",
      principal: "anonymous",
      request: (w) => ({ path: `/downloads/%00?${w.purchaseA.downloadPath.split("?")[1]}` }),
    },
    {
      name: "checkout listingId with NUL",
      principal: "buyerA",
      request: (w) => form("/checkout", `listingId=${w.shopB.listing.id}%00`),
    },
    {
      name: "refund orderId with NUL",
      principal: "sellerA",
      request: (w) => form("/dashboard/sales", `intent=refund&orderId=${w.purchaseA.orderId}%00`),
    },
    {
      name: "sign-in email with NUL",
      principal: "anonymous",
      request: () => form("/login", "email=a%00b%40example.com"),
    },
    {
      name: "sign-in token with NUL",
      principal: "anonymous",
      request: () => form("/login/verify", "token=abc%00def"),
    },
    {
      name: "licence key with NUL (JSON)",
      principal: "anonymous",
      request: () => ({
        method: "POST",
        path: "/api/licenses/verify",
        headers: { "Content-Type": "application/json" },
        body: '{"key":"STPL-AAAAA-AAAAA-AAAAA-AAAA\\u0000"}',
      }),
    },
    {
      name: "POST /checkout with Referer http://[::1",
      principal: "anonymous",
      // Signed out with a valid listing: the Referer decides where sign-in returns to.
      request: (w) => form("/checkout", `listingId=${w.shopA.listing.id}`, { Referer: "http://[::1" }),
    },
    {
      name: "POST /login with a JSON body",
      principal: "anonymous",
      request: () => ({
        method: "POST",
        path: "/login",
        headers: { ...world.sameOrigin, "Content-Type": "application/json" },
        body: '{"email":"json@example.com"}',
      }),
    },
    {
      name: "POST /login with a text/plain body",
      principal: "anonymous",
      request: () => ({
        method: "POST",
        path: "/login",
        headers: { ...world.sameOrigin, "Content-Type": "text/plain" },
        body: "email=plain@example.com",
      }),
    },
    {
      name: "POST /login with a broken multipart body",
      principal: "anonymous",
      request: () => ({
        method: "POST",
        path: "/login",
        headers: { ...world.sameOrigin, "Content-Type": "multipart/form-data; boundary=xyz" },
        body: '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nbroken@example.com',
      }),
    },
  ];

  it("lists 22 requests", () => expect(cases).toHaveLength(22));

  for (const malformed of cases) {
    it(malformed.name, async () => {
      await state.resetRateLimits();
      const cookie = await world.cookie(malformed.principal);
      const before = await state.snapshot();
      const reply = await send(server.url, { ...malformed.request(world), cookie });
      const changes = diffStates(before, await state.snapshot());
      if (malformed.name.startsWith("POST /checkout with Referer")) {
        // Not malformed as a form: the buyer is sent to sign in and must come back to one of our pages.
        expect(reply.status, describeReply(reply)).toBeLessThan(500);
        if (reply.status >= 300 && reply.status < 400) {
          const target = resolveLocation(reply.header("location") ?? "", server.url);
          expect(isOwnPath(target.href)).toBe(true);
          expect(isOwnPath(target.searchParams.get("redirectTo") ?? "/")).toBe(true);
          return;
        }
      }
      expect(reply.status, describeReply(reply)).toBeGreaterThanOrEqual(400);
      expect(reply.status, describeReply(reply)).toBeLessThan(500);
      expect(text(reply).length, "the refusal says nothing").toBeGreaterThan(0);
      expect(changes).toEqual([]);
    });
  }
});

// ─── 6. TRUST_PROXY off: X-Forwarded-For is not believed ───────────────────
describe("baseline 6: client addresses (TRUST_PROXY off)", () => {
  it("counts the socket's address, whatever X-Forwarded-For says", async () => {
    await state.resetRateLimits();
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 11; attempt++) {
      const reply = await send(server.url, {
        method: "POST",
        path: "/login",
        headers: { ...sameOrigin(), "Content-Type": FORM, "X-Forwarded-For": `198.51.100.${attempt}` },
        body: formBody({ email: freshEmail("xff") }),
      });
      statuses.push(reply.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses[10], `a new X-Forwarded-For each time escaped the limit: ${statuses.join(" ")}`).toBe(
      429,
    );
    await state.resetRateLimits();
  });
});

// ─── 8. Small things that matter ───────────────────────────────────────────
describe("baseline 8: favicon, tidy search URLs, the success page, landing after sign-in", () => {
  it("/favicon.ico is not a 404", async () => {
    let reply = await send(server.url, { path: "/favicon.ico" });
    for (let hops = 0; hops < 3 && reply.status >= 300 && reply.status < 400; hops++) {
      const target = resolveLocation(reply.header("location") ?? "", server.url);
      reply = await send(server.url, { path: target.pathname + target.search });
    }
    expect(reply.status, describeReply(reply)).toBe(200);
    expect(reply.header("content-type")).toMatch(/image\//);
  });

  it("search URLs drop empty parameters", async () => {
    const reply = await send(server.url, { path: "/?q=email&type=&model=" });
    expect(reply.status, describeReply(reply)).toBeGreaterThanOrEqual(300);
    expect(reply.status).toBeLessThan(400);
    const target = resolveLocation(reply.header("location") ?? "", server.url);
    expect(`${target.pathname}${target.search}`).toBe("/?q=email");
  });

  it("the checkout success page names the product, the amount and the order", async () => {
    const reply = await send(server.url, {
      path: `/checkout/success?session_id=${world.purchaseA.checkoutSessionId}`,
      cookie: await world.cookie("buyerA"),
    });
    expect(reply.status, describeReply(reply)).toBe(200);
    const page = text(reply);
    const { listing } = world.shopA;
    expect(page).toContain(listing.title);
    expect(page).toContain(formatMoney({ amount: listing.priceAmount, currency: listing.currency }));
    expect(page).toContain(world.purchaseA.orderId);
  });

  for (const [who, landing] of [
    ["sellerA", "/dashboard"],
    ["buyerA", "/library"],
  ] as const) {
    it(`${who} lands on ${landing} after signing in without redirectTo`, async () => {
      await state.resetRateLimits();
      const { email } = world.users[who];
      const asked = await requestSignInLink(server.url, sameOrigin(), { email });
      expect(asked.status, describeReply(asked)).toBe(200);
      const used = await useSignInLink(
        server.url,
        sameOrigin(),
        (await latestSignInToken(state, email)) ?? "",
      );
      expect(used.status, describeReply(used)).toBeGreaterThanOrEqual(300);
      const target = resolveLocation(used.header("location") ?? "", server.url);
      expect(target.pathname).toBe(landing);
    });
  }
});
