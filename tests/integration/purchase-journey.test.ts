import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fileStore } from "~/integrations/storage.server.ts";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import { runDueJobs } from "~/modules/jobs/worker.server.ts";
import { refundOrder } from "~/modules/refunds/request.server.ts";
import * as licenseRoute from "~/routes/api.licenses.verify/route.ts";
import * as successRoute from "~/routes/checkout_.success/route.tsx";
import * as downloadRoute from "~/routes/downloads.$fileId/route.ts";
import * as libraryItemRoute from "~/routes/library.$entitlementId/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout, startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { settleWebhooks } from "../support/webhooks.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

async function buy(listingId: string, buyer: { id: string; email: string }, card = "4242 4242 4242 4242") {
  const started = await startCheckout(buyer, listingId);
  if (started.kind !== "redirect-to-stripe") throw new Error(`checkout did not start: ${started.kind}`);
  const paid = await payHostedCheckout(started.url, card, buyer.email);
  await settleWebhooks(app.sandbox);
  const order = await prisma.order.findFirstOrThrow({
    where: { buyerId: buyer.id, items: { some: { listingId } } },
    orderBy: { createdAt: "desc" },
  });
  return { paid, order };
}

/** GET /downloads/:fileId through its resource route, body read whole. */
async function fetchDownload(href: string) {
  const fileId = new URL(href, "http://stapel.test").pathname.split("/").at(-1) ?? "";
  const response = expectResponse(await callRoute(downloadRoute.loader, requestAs(null, href), { fileId }));
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

const verifyLicense = async (key: string) => {
  const response = expectResponse(
    await callRoute(
      licenseRoute.action,
      requestAs(null, "/api/licenses/verify", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ key }),
      }),
    ),
  );
  return { status: response.status, body: (await response.json()) as { valid: boolean; reason?: string } };
};

describe("buying a prompt, using it, and losing it on refund", () => {
  it("grants access once paid, lets the buyer download, and revokes everything on refund", async () => {
    const { shop, listing, file, fileBytes } = await createListingForSale({
      priceAmount: 1200,
      currency: "EUR",
    });
    const buyer = await createUser();
    const cookie = await signIn(buyer.id);

    const { paid, order } = await buy(listing.id, buyer);
    expect(paid.status).toBe(303);
    expect(paid.location).toMatch(/^http:\/\/stapel\.test\/checkout\/success\?session_id=cs_/);
    expect(order).toMatchObject({ status: "PAID", totalAmount: 1200, currency: "EUR" });

    // The success page may run after the webhook: it shows the purchase and grants nothing new.
    const success = expectData(
      await callRoute(
        successRoute.loader,
        requestAs(
          cookie,
          new URL(paid.location as string).pathname + new URL(paid.location as string).search,
        ),
      ),
    );
    // It names what was bought, for how much, and the order.
    expect(success.data).toEqual({
      status: "fulfilled",
      order: {
        id: order.id,
        shopName: expect.any(String),
        items: [{ title: expect.stringContaining("Cold email opener"), slug: expect.any(String) }],
        total: "€12.00",
      },
    });

    const entitlements = await prisma.entitlement.findMany({ where: { userId: buyer.id } });
    expect(entitlements).toHaveLength(1);
    const [entitlement] = entitlements;
    if (!entitlement) throw new Error("no entitlement");
    const licenseKey = await prisma.licenseKey.findUniqueOrThrow({
      where: { entitlementId: entitlement.id },
    });
    expect(licenseKey.key).toMatch(/^STPL(-[A-Z0-9]{5}){4}$/);

    // Receipt: one outbox row, delivered by the job queue exactly once.
    await runDueJobs(process.env.DATABASE_URL as string);
    const receipts = await prisma.emailMessage.findMany({
      where: { idempotencyKey: `receipt:order:${order.id}` },
    });
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ to: buyer.email, status: "SENT" });
    expect(receipts[0]?.text).toContain(licenseKey.key);
    expect(receipts[0]?.text).toContain("http://stapel.test/library");

    // Library shows the paid text and a signed download link that serves the exact bytes.
    const item = expectData(
      await callRoute(libraryItemRoute.loader, requestAs(cookie, `/library/${entitlement.id}`), {
        entitlementId: entitlement.id,
      }),
    );
    expect(item.data.item.listing.content.body).toContain("SECRET PROMPT BODY");
    const href: string = item.data.files[0].href;
    expect(href).toMatch(new RegExp(`^/downloads/${file.id}\\?`));
    const download = await fetchDownload(href);
    expect(download.status).toBe(200);
    expect(download.headers["content-disposition"]).toContain("pack.md");
    expect(download.body.equals(fileBytes)).toBe(true);
    expect(await prisma.downloadLog.count({ where: { userId: buyer.id } })).toBe(1);
    expect(await verifyLicense(licenseKey.key)).toMatchObject({ status: 200, body: { valid: true } });

    // The seller refunds everything; Stripe's answer (and then its charge.refunded webhook) ends access.
    const refund = await refundOrder(shop.id, order.id);
    expect(refund).toMatchObject({ ok: true, amount: 1200, status: "SUCCEEDED", accessEnded: true });
    await settleWebhooks(app.sandbox);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "REFUNDED",
      refundedAmount: 1200,
    });
    expect(await prisma.refund.count({ where: { orderId: order.id } })).toBe(1);
    expect(await prisma.entitlement.findUniqueOrThrow({ where: { id: entitlement.id } })).toMatchObject({
      status: "REVOKED",
      revokeReason: "REFUNDED",
    });

    expect(await fetchDownload(href)).toMatchObject({ status: 404 });
    expect(await verifyLicense(licenseKey.key)).toMatchObject({
      status: 404,
      body: { valid: false, reason: "revoked" },
    });
    const gone = expectResponse(
      await callRoute(libraryItemRoute.loader, requestAs(cookie, `/library/${entitlement.id}`), {
        entitlementId: entitlement.id,
      }),
    );
    expect(gone.status).toBe(404);

    // A second refund is refused with a message and changes nothing.
    expect(await refundOrder(shop.id, order.id)).toEqual({
      ok: false,
      refusal: "already-refunded",
      message: "This order is already refunded.",
    });
  });

  it("leaves no access when the card is declined", async () => {
    const { listing } = await createListingForSale();
    const buyer = await createUser();
    const { paid, order } = await buy(listing.id, buyer, "4000 0000 0000 0002");
    expect(paid.status).toBe(402);
    expect(paid.body).toContain("Your card was declined.");
    expect(order.status).toBe("PENDING");
    expect(await prisma.entitlement.count({ where: { userId: buyer.id } })).toBe(0);
    expect(await prisma.emailMessage.count({ where: { to: buyer.email } })).toBe(0);
  });

  it("does not show, download or serve one buyer's purchase to another", async () => {
    const { listing } = await createListingForSale();
    const owner = await createUser();
    const stranger = await createUser();
    await buy(listing.id, owner);
    const entitlement = await prisma.entitlement.findFirstOrThrow({ where: { userId: owner.id } });
    const ownerCookie = await signIn(owner.id);
    const strangerCookie = await signIn(stranger.id);

    const foreign = expectResponse(
      await callRoute(libraryItemRoute.loader, requestAs(strangerCookie, `/library/${entitlement.id}`), {
        entitlementId: entitlement.id,
      }),
    );
    expect(foreign.status).toBe(404);

    // The owner's link, re-signed for the stranger, is refused: the signature binds the user.
    const item = expectData(
      await callRoute(libraryItemRoute.loader, requestAs(ownerCookie, `/library/${entitlement.id}`), {
        entitlementId: entitlement.id,
      }),
    );
    const ownerLink = new URL(item.data.files[0].href, "http://stapel.test");
    ownerLink.searchParams.set("u", stranger.id);
    expect(await fetchDownload(ownerLink.pathname + ownerLink.search)).toMatchObject({ status: 403 });
  });

  it("reports a file lost from storage as unavailable, not as lost access", async () => {
    const { listing, file } = await createListingForSale();
    const buyer = await createUser();
    await buy(listing.id, buyer);
    const entitlement = await prisma.entitlement.findFirstOrThrow({ where: { userId: buyer.id } });
    const cookie = await signIn(buyer.id);
    const item = expectData(
      await callRoute(libraryItemRoute.loader, requestAs(cookie, `/library/${entitlement.id}`), {
        entitlementId: entitlement.id,
      }),
    );
    await fileStore().remove(file.storageKey);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await fetchDownload(item.data.files[0].href);
    expect(response.status).toBe(503);
    expect(response.body.toString()).toContain("temporarily unavailable");
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(file.storageKey));
    logged.mockRestore();
  });
});
