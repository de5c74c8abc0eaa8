// Deleting an account: confirmed by typing its email; refused for a shop's owner; cancels the
// subscription at Stripe (and the webhook that follows changes nothing more), keeps the orders
// anonymised, disables licence keys, ends every session, keeps reviews as "Deleted user", and the
// freed address signs in to a new, empty account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { consumeSignInToken, createSignInLink } from "~/modules/accounts/magic-link.server.ts";
import { getPublishedListing } from "~/modules/catalog/listings.server.ts";
import * as deletedRoute from "~/routes/account_.deleted/route.tsx";
import * as libraryRoute from "~/routes/library._index/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { settleWebhooks } from "../support/webhooks.ts";
import { buyerWithHistory, formErrors, postSettings } from "./account-settings-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const library = (cookie: string) => callRoute(libraryRoute.loader, requestAs(cookie, "/library"));

describe("deleting the account", { timeout: 120_000 }, () => {
  it("refuses a wrong confirmation and a shop's owner, changing nothing", async () => {
    const user = await createUser();
    const cookie = await signIn(user.id);
    for (const confirmEmail of ["", "someone-else@example.com", `${user.email}x`]) {
      const reply = expectData(await postSettings(cookie, { intent: "delete-account", confirmEmail }));
      expect(reply.status, confirmEmail).toBe(400);
      expect(reply.data.intent).toBe("delete-account");
      expect(formErrors(reply.data).join(" ")).toMatch(/Type your account's email|email/);
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).toBeNull();
    expect(expectData(await library(cookie)).status).toBe(200);

    const { seller } = await createListingForSale();
    const sellerCookie = await signIn(seller.id);
    const refused = expectData(
      await postSettings(sellerCookie, { intent: "delete-account", confirmEmail: seller.email }),
    );
    expect(refused.status).toBe(409);
    expect(formErrors(refused.data)[0]).toMatch(/^Close your shop first: /);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: seller.id } })).deletedAt).toBeNull();
  });

  it("cancels at Stripe, anonymises, keeps the order records and signs out everywhere", async () => {
    const history = await buyerWithHistory(app, "leaver");
    const { buyer, order, licenseKey, stripeSubscriptionId, sale } = history;
    const here = await signIn(buyer.id);
    const elsewhere = await signIn(buyer.id);
    const stripeCustomerId = (await prisma.user.findUniqueOrThrow({ where: { id: buyer.id } }))
      .stripeCustomerId;
    expect(stripeCustomerId).toBeTruthy();
    const pendingLink = await createSignInLink(buyer.email, "/library", 20);
    const outboxBefore = await prisma.emailMessage.count({ where: { to: buyer.email } });

    const done = expectResponse(
      await postSettings(here, { intent: "delete-account", confirmEmail: ` ${buyer.email.toUpperCase()} ` }),
    );
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/account/deleted");
    expect(done.headers.get("Set-Cookie")).toMatch(/__stapel_session=;.*Expires=Thu, 01 Jan 1970/);

    // Stripe: the subscription ended now, the customer forgot the contact details.
    const atStripe = await stripe().subscriptions.retrieve(stripeSubscriptionId);
    expect(atStripe.status).toBe("canceled");
    const customer = (await stripe().customers.retrieve(stripeCustomerId as string)) as {
      email: string | null;
      name: string | null;
    };
    expect(customer).toMatchObject({ email: null, name: null });

    const user = await prisma.user.findUniqueOrThrow({ where: { id: buyer.id } });
    expect(user).toMatchObject({ email: `deleted-${buyer.id}@deleted.invalid`, name: null });
    expect(user.deletedAt).toBeInstanceOf(Date);

    // The order stays for the law, without the address.
    const kept = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { items: true } });
    expect(kept).toMatchObject({
      email: user.email,
      status: order.status === "PAID" ? "PARTIALLY_REFUNDED" : order.status,
      totalAmount: order.totalAmount,
      taxAmount: order.taxAmount,
      currency: order.currency,
      country: order.country,
      buyerId: buyer.id,
    });
    expect(kept.paidAt?.toISOString()).toBe(order.paidAt?.toISOString());
    expect(kept.items).toHaveLength(1);
    expect(await prisma.invoice.count({ where: { userId: buyer.id } })).toBeGreaterThan(0);

    // Keys stop working; access is unreachable.
    const keys = await prisma.licenseKey.findMany({ where: { userId: buyer.id } });
    expect(keys.map((key) => key.status)).not.toContain("ACTIVE");
    expect((await prisma.licenseKey.findUniqueOrThrow({ where: { id: licenseKey.id } })).status).toBe(
      "DISABLED",
    );
    const subscription = await prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId } });
    expect(subscription).toMatchObject({ status: "CANCELED", grantsAccess: false });
    expect(
      await prisma.entitlement.count({
        where: { userId: buyer.id, source: "SUBSCRIPTION", status: "ACTIVE" },
      }),
    ).toBe(0);

    // Signed out everywhere; no pending links; personal traces gone.
    expect(await prisma.session.count({ where: { userId: buyer.id } })).toBe(0);
    for (const cookie of [here, elsewhere]) expect(expectResponse(await library(cookie)).status).toBe(302);
    expect(await prisma.signInToken.count({ where: { email: buyer.email } })).toBe(0);
    expect(await consumeSignInToken(new URL(pendingLink).searchParams.get("token") as string)).toBeNull();
    const download = await prisma.downloadLog.findFirstOrThrow({ where: { userId: buyer.id } });
    expect(download).toMatchObject({ ip: null, userAgent: null });

    // Reviews stay, signed "Deleted user" on the listing page's data.
    const listing = await getPublishedListing(sale.listing.slug);
    const review = listing?.reviews.find((row) => row.body === "Review by leaver");
    expect(review?.user.deletedAt).toBeInstanceOf(Date);
    expect(review?.user.name).toBeNull();

    // The webhook that follows changes nothing harmful; emails already queued stay, none go to the
    // anonymised address.
    const before = await prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId } });
    await settleWebhooks(app.sandbox);
    const after = await prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId } });
    expect(after).toMatchObject({ status: before.status, userId: buyer.id, grantsAccess: false });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: buyer.id } })).email).toBe(user.email);
    expect((await prisma.licenseKey.findUniqueOrThrow({ where: { id: licenseKey.id } })).status).toBe(
      "DISABLED",
    );
    expect(await prisma.emailMessage.count({ where: { to: user.email } })).toBe(0);
    expect(await prisma.emailMessage.count({ where: { to: buyer.email } })).toBeGreaterThanOrEqual(
      outboxBefore,
    );

    // The goodbye page is public.
    expect(deletedRoute.default).toBeTypeOf("function");

    // Signing in with the same address again: a new, empty account.
    const link = await createSignInLink(buyer.email, "/library", 20);
    const signedIn = await consumeSignInToken(new URL(link).searchParams.get("token") as string);
    expect(signedIn?.user.id).toBeDefined();
    expect(signedIn?.user.id).not.toBe(buyer.id);
    expect(await prisma.entitlement.count({ where: { userId: signedIn?.user.id } })).toBe(0);
    expect(await prisma.order.count({ where: { buyerId: signedIn?.user.id } })).toBe(0);

    // Deleting twice is impossible: the old sessions are gone.
    const again = expectResponse(
      await postSettings(here, { intent: "delete-account", confirmEmail: buyer.email }),
    );
    expect(again.status).toBe(302);
    expect(again.headers.get("Location")).toMatch(/^\/login/);
  });
});
