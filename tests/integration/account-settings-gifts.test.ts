// A seller gives a listing to an email address; the recipient follows the emailed sign-in link (in
// a fresh browser) and finds the gift in the library. A gift to the address of a deleted account
// goes to a new account, not to the deleted one. An address with no account gets the gift email
// in the giver's language (and its new account starts in it); an account's own language stays.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteAccount } from "~/modules/accounts/delete-account.server.ts";
import * as salesRoute from "~/routes/dashboard.sales/route.tsx";
import * as libraryRoute from "~/routes/library._index/route.tsx";
import * as verifyRoute from "~/routes/login_.verify/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { cookieFrom, latestEmail, linkIn } from "./account-settings-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

async function gift(sellerCookie: string, listingId: string, email: string, path = "/dashboard/sales") {
  const reply = expectData(
    await callRoute(
      salesRoute.action,
      requestAs(sellerCookie, path, {
        method: "POST",
        body: new URLSearchParams({ intent: "gift", listingId, email }),
      }),
    ),
  );
  expect(reply.status, JSON.stringify(reply.data)).toBe(200);
}

/** Follows the gift email's link as a browser with no cookie does; returns the new session cookie. */
async function followGiftEmail(email: string) {
  const message = await latestEmail(email, "gift:");
  if (!message) throw new Error(`no gift email to ${email}`);
  const { url, token } = linkIn(message.text, "/login/verify");
  const page = expectData(await callRoute(verifyRoute.loader, requestAs(null, url)));
  expect(page.data.email).toBe(email);
  const signedIn = expectResponse(
    await callRoute(
      verifyRoute.action,
      requestAs(null, "/login/verify", { method: "POST", body: new URLSearchParams({ token }) }),
    ),
  );
  expect(signedIn.status).toBe(302);
  expect(signedIn.headers.get("Location")).toBe("/library");
  return cookieFrom(signedIn) as string;
}

describe("gifts by email", { timeout: 60_000 }, () => {
  it("the recipient signs in through the email's link and sees the gift in the library", async () => {
    const { seller, listing, shop } = await createListingForSale();
    const sellerCookie = await signIn(seller.id);
    const email = `recipient-${Date.now().toString(36)}@example.com`;
    await gift(sellerCookie, listing.id, email);

    const cookie = await followGiftEmail(email);
    const shelf = expectData(await callRoute(libraryRoute.loader, requestAs(cookie, "/library")));
    const text = JSON.stringify(shelf.data);
    expect(text).toContain(listing.title);
    expect(text).toContain(shop.name);
    expect(text).toContain("GIFT");
  });

  it("a gift to the address of a deleted account makes a new account for it", async () => {
    const { seller, listing } = await createListingForSale();
    const sellerCookie = await signIn(seller.id);
    const former = await createUser(`former-${Date.now().toString(36)}@example.com`);
    expect(await deleteAccount(former.id, former.email)).toMatchObject({ ok: true });

    await gift(sellerCookie, listing.id, former.email);
    const cookie = await followGiftEmail(former.email);
    const fresh = await prisma.user.findUniqueOrThrow({ where: { email: former.email } });
    expect(fresh.id).not.toBe(former.id);
    expect(await prisma.entitlement.count({ where: { userId: former.id } })).toBe(0);
    const shelf = expectData(await callRoute(libraryRoute.loader, requestAs(cookie, "/library")));
    expect(JSON.stringify(shelf.data)).toContain(listing.title);
  });

  const GERMAN = { subject: / hat dir .+ geschenkt$/, body: /Es wartet in deiner Bibliothek/ };
  const ENGLISH = { subject: / gave you /, body: /It is waiting in your library/ };
  const address = (name: string) => `${name}-${Date.now().toString(36)}@example.com`;

  it("a German giver's gift to an address with no account arrives in German", async () => {
    const { seller, listing } = await createListingForSale();
    await prisma.user.update({ where: { id: seller.id }, data: { locale: "de" } });
    const email = address("neu");
    await gift(await signIn(seller.id), listing.id, email);
    const message = await latestEmail(email, "gift:");
    expect(message?.subject).toMatch(GERMAN.subject);
    expect(message?.text).toMatch(GERMAN.body);
    expect(message?.text).not.toMatch(ENGLISH.body);
    // The account the gift made starts in that language (its later emails, its settings page).
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).locale).toBe("de");
  });

  it("a giver with no language saved: the language of the page that sent the gift", async () => {
    const { seller, listing } = await createListingForSale();
    expect(seller.locale ?? null).toBeNull();
    const cookie = await signIn(seller.id);
    const german = address("per-seite");
    await gift(`${cookie}; lang=de`, listing.id, german);
    expect((await latestEmail(german, "gift:"))?.subject).toMatch(GERMAN.subject);
    const english = address("by-page");
    await gift(cookie, listing.id, english, "/dashboard/sales?lang=en");
    expect((await latestEmail(english, "gift:"))?.subject).toMatch(ENGLISH.subject);
  });

  it("an account with its own language keeps it, whatever the giver's", async () => {
    const { seller, listing } = await createListingForSale();
    await prisma.user.update({ where: { id: seller.id }, data: { locale: "de" } });
    const recipient = await prisma.user.create({ data: { email: address("english"), locale: "en" } });
    await gift(await signIn(seller.id), listing.id, recipient.email);
    const message = await latestEmail(recipient.email, "gift:");
    expect(message?.subject).toMatch(ENGLISH.subject);
    expect(message?.text).toMatch(ENGLISH.body);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: recipient.id } })).locale).toBe("en");
  });
});
