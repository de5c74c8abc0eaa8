// Changing the account's email: a link to the new address (an hour, once), a notice to the old one,
// the move itself (Stripe customer updated, other sessions signed out) and every refusal: bad input,
// the same address, a taken one, used, expired and unknown links, an address taken meanwhile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import * as libraryRoute from "~/routes/library._index/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import {
  followEmailChangeLink,
  formErrors,
  latestEmail,
  linkIn,
  loadSettings,
  openEmailChangeLink,
  postSettings,
} from "./account-settings-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

let counter = 0;
const fresh = (tag: string) => `${tag}-${Date.now().toString(36)}${counter++}@example.com`;

async function askForChange(cookie: string, newEmail: string) {
  const reply = expectData(await postSettings(cookie, { intent: "change-email", newEmail }));
  expect(reply.status, JSON.stringify(reply.data)).toBe(200);
  const email = await latestEmail(newEmail.trim().toLowerCase(), "email-change:");
  if (!email) throw new Error("no confirmation email");
  return { reply, ...linkIn(email.text, "/account/email-change") };
}

const signedIn = async (cookie: string) =>
  (await callRoute(libraryRoute.loader, requestAs(cookie, "/library"))).kind === "data";

describe("changing the email address", { timeout: 60_000 }, () => {
  it("emails a link to the new address and a notice to the old one; following it moves the account", async () => {
    const user = await createUser(fresh("old"));
    const customer = await stripe().customers.create({ email: user.email });
    await prisma.user.update({ where: { id: user.id }, data: { stripeCustomerId: customer.id } });
    const here = await signIn(user.id);
    const elsewhere = await signIn(user.id);
    const target = fresh("New");

    const { reply, url, token } = await askForChange(here, `  ${target.toUpperCase()} `);
    const newEmail = target.toLowerCase();
    expect(reply.data.done).toContain(`We sent a link to ${newEmail}`);
    // Nothing moves until the link is followed.
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    const row = await prisma.emailChangeToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(59 * 60_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(60 * 60_000 + 1000);
    const notice = await latestEmail(user.email, "email-change-notice:");
    expect(notice?.subject).toBe("Someone asked to move your Stapel account");
    expect(notice?.text).toContain(`n***@example.com`);
    expect(notice?.text).not.toContain(newEmail);
    expect(notice?.text).not.toContain(token);
    // The settings page says a link is pending.
    const page = expectData(await loadSettings(here)).data;
    expect(page.pending).toMatchObject({ newEmail });

    // Another browser, signed in to nothing: opening the link only asks.
    const shown = expectData(await openEmailChangeLink(null, url));
    expect(shown.status).toBe(200);
    expect(shown.data.pending).toMatchObject({ newEmail });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    // Followed from the first browser: it stays signed in, the other one is signed out.
    const moved = expectData(await followEmailChangeLink(here, token));
    expect(moved.status).toBe(200);
    expect(moved.data.moved).toEqual({ newEmail, signedIn: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
    expect(await signedIn(here)).toBe(true);
    expect(await signedIn(elsewhere)).toBe(false);
    expect((await stripe().customers.retrieve(customer.id)) as { email: string }).toMatchObject({
      email: newEmail,
    });

    // Used once: the link is dead, in the page and the action.
    const reopened = expectData(await openEmailChangeLink(null, url));
    expect(reopened.status).toBe(410);
    expect(reopened.data.pending).toBeNull();
    const reused = expectData(await followEmailChangeLink(null, token));
    expect(reused.status).toBe(409);
    expect(formErrors(reused.data)[0]).toMatch(/expired or was already used/);
  });

  it("follows a link in a browser that is not signed in: every session ends", async () => {
    const user = await createUser(fresh("anon-old"));
    const cookie = await signIn(user.id);
    const { token } = await askForChange(cookie, fresh("anon-new"));
    const moved = expectData(await followEmailChangeLink(null, token));
    expect(moved.data.moved.signedIn).toBe(false);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await signedIn(cookie)).toBe(false);
  });

  it("refuses bad input, the same address and a taken one with clear 4xx answers and changes nothing", async () => {
    const user = await createUser(fresh("refuse"));
    const other = await createUser(fresh("taken"));
    const cookie = await signIn(user.id);
    const before = {
      tokens: await prisma.emailChangeToken.count(),
      emails: await prisma.emailMessage.count(),
    };
    for (const newEmail of ["", "not-an-email", `${"a".repeat(250)}@x.io`]) {
      const reply = expectData(await postSettings(cookie, { intent: "change-email", newEmail }));
      expect(reply.status).toBe(400);
      expect(reply.data.intent).toBe("change-email");
      expect(formErrors(reply.data).join(" ")).toMatch(/email/i);
    }
    const noIntent = expectData(await postSettings(cookie, { newEmail: fresh("x") }));
    expect(noIntent.status).toBe(400);
    const same = expectData(
      await postSettings(cookie, { intent: "change-email", newEmail: user.email.toUpperCase() }),
    );
    expect(same.status).toBe(409);
    expect(formErrors(same.data)).toEqual([`Your account already uses ${user.email}.`]);
    const taken = expectData(await postSettings(cookie, { intent: "change-email", newEmail: other.email }));
    expect(taken.status).toBe(409);
    expect(formErrors(taken.data)[0]).toBe(
      `${other.email} already belongs to another Stapel account. Sign in with it, or choose another address.`,
    );
    const wrongType = expectData(
      await postSettings(
        cookie,
        {},
        { body: JSON.stringify({ intent: "change-email" }), headers: { "Content-Type": "application/json" } },
      ),
    );
    expect(wrongType.status).toBe(415);
    expect({
      tokens: await prisma.emailChangeToken.count(),
      emails: await prisma.emailMessage.count(),
    }).toEqual(before);
    const anonymous = expectResponse(
      await postSettings(null, { intent: "change-email", newEmail: fresh("a") }),
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("allows five requests an hour per account, then 429 with Retry-After", async () => {
    const user = await createUser(fresh("limit"));
    const cookie = await signIn(user.id);
    for (let i = 0; i < 5; i++) await askForChange(cookie, fresh(`limit-${i}`));
    const refused = expectData(
      await postSettings(cookie, { intent: "change-email", newEmail: fresh("six") }),
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(formErrors(refused.data)[0]).toMatch(
      /^Too many email change requests\. Try again in \d+ minutes?\.$/,
    );
    expect(await prisma.emailChangeToken.count({ where: { userId: user.id } })).toBe(5);
  });

  it("refuses an expired link, an unknown one and a malformed one, and moves nothing", async () => {
    const user = await createUser(fresh("stale"));
    const cookie = await signIn(user.id);
    const { url, token } = await askForChange(cookie, fresh("stale-new"));
    await prisma.emailChangeToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(expectData(await openEmailChangeLink(null, url)).status).toBe(410);
    const expired = expectData(await followEmailChangeLink(cookie, token));
    expect(expired.status).toBe(409);
    const unknown = expectData(await followEmailChangeLink(cookie, "A".repeat(43)));
    expect(unknown.status).toBe(409);
    const malformed = expectData(await followEmailChangeLink(cookie, "short"));
    expect(malformed.status).toBe(400);
    expect(expectData(await openEmailChangeLink(null, "/account/email-change?token=<b>")).status).toBe(404);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await signedIn(cookie)).toBe(true);
  });

  it("answers 409 when the address was taken after the link was sent: nothing changes", async () => {
    const user = await createUser(fresh("race"));
    const cookie = await signIn(user.id);
    const customer = await stripe().customers.create({ email: user.email });
    await prisma.user.update({ where: { id: user.id }, data: { stripeCustomerId: customer.id } });
    const target = fresh("race-new");
    const { token } = await askForChange(cookie, target);
    await createUser(target); // someone signed up with it meanwhile
    const refused = expectData(await followEmailChangeLink(null, token));
    expect(refused.status).toBe(409);
    expect(formErrors(refused.data)[0]).toContain("already belongs to another Stapel account");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(
      (await prisma.emailChangeToken.findFirstOrThrow({ where: { userId: user.id } })).usedAt,
    ).toBeNull();
    expect((await stripe().customers.retrieve(customer.id)) as { email: string }).toMatchObject({
      email: user.email,
    });
    expect(await signedIn(cookie)).toBe(true);
  });
});
