import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as licenseRoute from "~/routes/api.licenses.verify/route.ts";
import * as checkoutRoute from "~/routes/checkout/route.tsx";
import * as libraryRoute from "~/routes/library._index/route.tsx";
import * as loginRoute from "~/routes/login/route.tsx";
import * as verifyRoute from "~/routes/login_.verify/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { requestAs } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

type FormReply = { result: { error?: Record<string, string[] | null> } };
const formErrors = (reply: FormReply) => Object.values(reply.result.error ?? {}).flat();

const post = (path: string, fields: Record<string, string>, cookie: string | null = null) =>
  requestAs(cookie, path, { method: "POST", body: new URLSearchParams(fields) });

describe("passwordless sign-in", () => {
  it("emails a one-time link that signs the person in and cannot be used twice", async () => {
    const sent = expectData(
      await callRoute(
        loginRoute.action,
        post("/login", { email: "  New.Person@Example.com ", redirectTo: "/library" }),
      ),
    );
    expect(sent.data).toMatchObject({ sentTo: "New.Person@Example.com" });
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { to: "new.person@example.com" } });
    const link = /http:\/\/stapel\.test\/login\/verify\?token=[\w-]+/.exec(email.text)?.[0];
    expect(link).toBeDefined();
    const token = new URL(link as string).searchParams.get("token") as string;

    // Opening the link (or a mail scanner prefetching it) does not use it up.
    const shown = expectData(await callRoute(verifyRoute.loader, requestAs(null, link as string)));
    expect(shown.data).toMatchObject({ email: "new.person@example.com" });
    const again = expectData(await callRoute(verifyRoute.loader, requestAs(null, link as string)));
    expect(again.data).toMatchObject({ email: "new.person@example.com" });

    const signedIn = expectResponse(await callRoute(verifyRoute.action, post("/login/verify", { token })));
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("Location")).toBe("/library");
    const cookie = (signedIn.headers.get("Set-Cookie") ?? "").split(";")[0] as string;
    expect(await prisma.user.count({ where: { email: "new.person@example.com" } })).toBe(1);
    // Signed in, with an empty library of their own.
    expect(
      expectData(await callRoute(libraryRoute.loader, requestAs(cookie, "/library"))).data,
    ).toMatchObject({ count: 0, shops: [] });

    const reused = expectData<FormReply>(
      await callRoute(verifyRoute.action, post("/login/verify", { token })),
    );
    expect(reused.status).toBe(409);
    expect(formErrors(reused.data)).toEqual(["This sign-in link has expired or was already used."]);
  });

  it("refuses a bad email with a clear message and changes nothing", async () => {
    const before = { tokens: await prisma.signInToken.count(), emails: await prisma.emailMessage.count() };
    for (const email of ["", "not-an-email", `${"a".repeat(250)}@x.io`]) {
      const result = expectData<{ result: { error: Record<string, string[]> } }>(
        await callRoute(loginRoute.action, post("/login", { email })),
      );
      expect(result.status).toBe(400);
      expect(Object.values(result.data.result.error).flat().join(" ")).toMatch(/email/i);
    }
    expect({ tokens: await prisma.signInToken.count(), emails: await prisma.emailMessage.count() }).toEqual(
      before,
    );
  });

  it("ignores bots that fill the honeypot and never redirects off-site", async () => {
    const bot = expectData(
      await callRoute(
        loginRoute.action,
        post("/login", { email: "bot@example.com", website: "http://spam" }),
      ),
    );
    expect(bot.status).toBe(400);
    expect(await prisma.signInToken.count({ where: { email: "bot@example.com" } })).toBe(0);

    await callRoute(
      loginRoute.action,
      post("/login", { email: "redirect@example.com", redirectTo: "//evil.example/phish" }),
    );
    const row = await prisma.signInToken.findFirstOrThrow({ where: { email: "redirect@example.com" } });
    expect(row.redirectTo).toBeNull();
  });

  it("asks signed-out visitors to sign in before checkout, and rejects a malformed checkout", async () => {
    for (const listingId of ["", "some-listing", "x".repeat(500), "abc\u0000def"]) {
      const bad = expectData<FormReply>(
        await callRoute(checkoutRoute.action, post("/checkout", { listingId })),
      );
      expect(bad.status).toBe(400);
      expect(formErrors(bad.data).join(" ")).toMatch(/listing is (required|not a valid id)/);
    }
    const anonymous = expectResponse(
      await callRoute(
        checkoutRoute.action,
        requestAs(null, "/checkout", {
          method: "POST",
          body: new URLSearchParams({ listingId: "clxxxxxxxxxxxxxxxxxxxxxxx" }),
          headers: { Referer: "http://stapel.test/p/some-slug" },
        }),
      ),
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fp%2Fsome-slug");
    expect(await prisma.order.count()).toBe(0);
  });
});

describe("the licence verify API", () => {
  it("explains malformed input and unknown keys", async () => {
    const call = async (body: string, contentType = "application/json") => {
      const response = expectResponse(
        await callRoute(
          licenseRoute.action,
          requestAs(null, "/api/licenses/verify", {
            method: "POST",
            headers: { "Content-Type": contentType },
            body,
          }),
        ),
      );
      return { status: response.status, body: await response.json() };
    };
    expect(await call("{not json")).toEqual({
      status: 400,
      body: { error: expect.stringContaining("JSON body") },
    });
    expect(await call(JSON.stringify({}))).toEqual({ status: 400, body: { error: "key is required" } });
    expect((await call(JSON.stringify({ key: "nope" }))).body.error).toContain("STPL-XXXXX");
    expect(await call(JSON.stringify({ key: "STPL-AAAAA-BBBBB-CCCCC-DDDDD" }))).toEqual({
      status: 404,
      body: { valid: false, reason: "not_found" },
    });
  });
});
