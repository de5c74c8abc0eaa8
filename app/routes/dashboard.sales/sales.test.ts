import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import * as dashboardRoute from "~/routes/dashboard/route.tsx";
import * as salesRoute from "~/routes/dashboard.sales/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout, startTestApp } from "../../../tests/support/app-env.ts";
import { createListingForSale, createUser, requestAs, signIn } from "../../../tests/support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../../../tests/support/routes.ts";
import { settleWebhooks } from "../../../tests/support/webhooks.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

async function paidOrderFor(listingId: string) {
  const buyer = await createUser();
  const started = await startCheckout(buyer, listingId);
  if (started.kind !== "redirect-to-stripe") throw new Error(started.kind);
  await payHostedCheckout(started.url, "4242424242424242", buyer.email);
  await settleWebhooks(app.sandbox);
  return prisma.order.findFirstOrThrow({ where: { buyerId: buyer.id } });
}

type FormReply = { result: { error?: Record<string, string[] | null> } };
const formErrors = (reply: FormReply) => Object.values(reply.result.error ?? {}).flat();

const refund = (cookie: string, fields: Record<string, string>) =>
  callRoute(
    salesRoute.action,
    requestAs(cookie, "/dashboard/sales", { method: "POST", body: new URLSearchParams(fields) }),
  );

describe("the seller dashboard", () => {
  it("is closed to signed-out visitors and to buyers", async () => {
    const anonymous = expectResponse(await callRoute(dashboardRoute.loader, requestAs(null, "/dashboard")));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fdashboard");
    const buyer = await createUser();
    const forbidden = expectResponse(
      await callRoute(dashboardRoute.loader, requestAs(await signIn(buyer.id), "/dashboard")),
    );
    expect(forbidden.status).toBe(403);
  });

  it("shows a seller only their own sales and refuses to refund another shop's order", async () => {
    const mine = await createListingForSale();
    const theirs = await createListingForSale();
    const myOrder = await paidOrderFor(mine.listing.id);
    const theirOrder = await paidOrderFor(theirs.listing.id);
    const cookie = await signIn(mine.seller.id);

    const sales = expectData(await callRoute(salesRoute.loader, requestAs(cookie, "/dashboard/sales")));
    expect(sales.data.sales.map((sale: { id: string }) => sale.id)).toEqual([myOrder.id]);

    // Another shop's order answers exactly like an order that does not exist.
    const foreign = expectData<FormReply>(await refund(cookie, { intent: "refund", orderId: theirOrder.id }));
    expect(foreign.status).toBe(404);
    expect(formErrors(foreign.data)).toEqual(["That order does not exist in your shop."]);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: theirOrder.id } })).toMatchObject({
      status: "PAID",
      refundedAmount: 0,
    });
    expect(await prisma.refund.count()).toBe(0);

    const malformed = expectData<FormReply>(await refund(cookie, { intent: "refund" }));
    expect(malformed.status).toBe(400);
    expect(malformed.data.result.error).toEqual({ orderId: ["order is required"] });

    const done = expectData(await refund(cookie, { intent: "refund", orderId: myOrder.id }));
    expect(done.data).toMatchObject({ refunded: { status: "SUCCEEDED", accessEnded: true } });
    await settleWebhooks(app.sandbox);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: myOrder.id } })).toMatchObject({
      status: "REFUNDED",
    });

    const twice = expectData<FormReply>(await refund(cookie, { intent: "refund", orderId: myOrder.id }));
    expect(twice.status).toBe(409);
    expect(formErrors(twice.data)).toEqual(["This order is already refunded."]);
  });
});
