// A seller gives a listing to an email address; the recipient follows the emailed sign-in link (in
// a fresh browser) and finds the gift in the library. A gift to the address of a deleted account
// goes to a new account, not to the deleted one.
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

async function gift(sellerCookie: string, listingId: string, email: string) {
  const reply = expectData(
    await callRoute(
      salesRoute.action,
      requestAs(sellerCookie, "/dashboard/sales", {
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
});
