// "Where you're signed in": the account's sessions (this device marked), and "Sign out everywhere
// else", which ends the others at their next request and keeps this one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as libraryRoute from "~/routes/library._index/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createUserSession } from "~/utils/session.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { cookieFrom, formErrors, loadSettings, postSettings } from "./account-settings-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

async function signInWith(userId: string, userAgent: string) {
  const response = await createUserSession(
    new Request("http://stapel.test/login/verify", { headers: { "User-Agent": userAgent } }),
    userId,
    "/library",
  );
  return cookieFrom(response) as string;
}

const library = (cookie: string) => callRoute(libraryRoute.loader, requestAs(cookie, "/library"));

describe("sessions", { timeout: 60_000 }, () => {
  it("lists the account's sessions with this device first, and no one else's", async () => {
    const user = await createUser();
    const stranger = await createUser();
    await signIn(stranger.id);
    await signInWith(user.id, IPHONE);
    const here = await signInWith(user.id, FIREFOX);
    const page = expectData(await loadSettings(here));
    expect(page.headers.get("Cache-Control")).toBe("private, no-store");
    expect(page.data.sessions).toHaveLength(2);
    expect(page.data.sessions[0]).toMatchObject({ device: "Firefox on Linux", current: true });
    expect(page.data.sessions[1]).toMatchObject({ device: "Safari on iOS", current: false });
  });

  it("signs out every other session at its next request and keeps this one", async () => {
    const user = await createUser();
    const bystander = await createUser();
    const bystanderCookie = await signIn(bystander.id);
    const others = [await signInWith(user.id, IPHONE), await signIn(user.id)];
    const here = await signInWith(user.id, FIREFOX);
    for (const cookie of [...others, here]) expect(expectData(await library(cookie)).status).toBe(200);

    const reply = expectData(await postSettings(here, { intent: "sign-out-others" }));
    expect(reply.status).toBe(200);
    expect(reply.data).toMatchObject({
      intent: "sign-out-others",
      done: "Signed out 2 other sessions. This device stays signed in.",
    });
    for (const cookie of others) {
      const refused = expectResponse(await library(cookie));
      expect(refused.status).toBe(302);
      expect(refused.headers.get("Location")).toBe("/login?redirectTo=%2Flibrary");
    }
    expect(expectData(await library(here)).status).toBe(200);
    expect(expectData(await library(bystanderCookie)).status).toBe(200);
    expect(expectData(await loadSettings(here)).data.sessions).toHaveLength(1);

    const again = expectData(await postSettings(here, { intent: "sign-out-others" }));
    expect(again.data.done).toBe("There were no other sessions: you are signed in on this device only.");
  });

  it("withdraws a pending email change with the other sessions", async () => {
    const user = await createUser();
    const here = await signIn(user.id);
    await postSettings(here, { intent: "change-email", newEmail: `withdrawn-${Date.now()}@example.com` });
    expect(await prisma.emailChangeToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1);
    await postSettings(here, { intent: "sign-out-others" });
    expect(await prisma.emailChangeToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an unknown intent with 400 and ends nothing", async () => {
    const user = await createUser();
    const other = await signIn(user.id);
    const here = await signIn(user.id);
    const reply = expectData(await postSettings(here, { intent: "sign-out-all" }));
    expect(reply.status).toBe(400);
    expect(reply.data.intent).toBeNull();
    expect(formErrors(reply.data).length).toBeGreaterThan(0);
    expect(expectData(await library(other)).status).toBe(200);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2);
  });
});
