// Refunds from the sale page against the Stripe sandbox through the real SDK: a partial refund keeps
// access, the rest ends it, each sends one email; an amount above what is left is refused before
// Stripe is asked; a refund whose answer was lost stays pending (a second click is refused) and is
// resolved by the webhook and "Check with Stripe" without a second refund at Stripe.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripe } from "~/integrations/stripe.server.ts";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import * as saleRoute from "~/routes/dashboard.sales_.$orderId/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout, startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { emailsTo } from "../support/subscriptions.ts";
import { settleWebhooks } from "../support/webhooks.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
/**
 * Stands between the app's Stripe SDK and the sandbox. With `loseAnswers`, every request still
 * reaches Stripe, but the connection drops before the answer comes back: the outage that leaves
 * the app not knowing whether its refund was made.
 */
const link = { loseAnswers: false };
let proxy: Server;

beforeAll(async () => {
  app = await startTestApp();
  const target = process.env.STRIPE_API_BASE as string;
  proxy = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string" && name !== "host" && name !== "content-length") headers.set(name, value);
    }
    const answer = await fetch(new URL(req.url ?? "/", target), {
      method: req.method,
      headers,
      body: req.method === "GET" ? undefined : Buffer.concat(chunks),
    });
    const body = Buffer.from(await answer.arrayBuffer());
    if (link.loseAnswers) {
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(body);
  });
  await new Promise<void>((ready) => proxy.listen(0, "127.0.0.1", ready));
  const address = proxy.address();
  process.env.STRIPE_API_BASE = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((done) => proxy.close(done));
  await app.stop();
});

async function sale() {
  const shop = await createListingForSale({ priceAmount: 1200, currency: "EUR" });
  const buyer = await createUser();
  const started = await startCheckout(buyer, shop.listing.id);
  if (started.kind !== "redirect-to-stripe") throw new Error(started.kind);
  await payHostedCheckout(started.url, "4242424242424242", buyer.email);
  await settleWebhooks(app.sandbox);
  const order = await prisma.order.findFirstOrThrow({
    where: { buyerId: buyer.id },
    include: { items: { include: { entitlements: true } } },
  });
  const entitlementId = order.items[0]?.entitlements[0]?.id as string;
  return { ...shop, buyer, order, entitlementId, cookie: await signIn(shop.seller.id) };
}

type Reply = { result: { error?: Record<string, string[] | null> }; done?: string };
const errors = (reply: Reply) => Object.values(reply.result.error ?? {}).flat();

const post = (cookie: string, orderId: string, fields: Record<string, string>) =>
  callRoute(
    saleRoute.action,
    requestAs(cookie, `/dashboard/sales/${orderId}`, { method: "POST", body: new URLSearchParams(fields) }),
    { orderId },
  );
const page = async (cookie: string, orderId: string) =>
  expectData(await callRoute(saleRoute.loader, requestAs(cookie, `/dashboard/sales/${orderId}`), { orderId }))
    .data;
const stripeRefunds = async (paymentIntent: string) =>
  (await stripe().refunds.list({ payment_intent: paymentIntent })).data;
const access = async (entitlementId: string) =>
  (await prisma.entitlement.findUniqueOrThrow({ where: { id: entitlementId } })).status;

describe("refunds from the sale page", { timeout: 60_000 }, () => {
  it("refunds part (access kept), refuses more than is left, then refunds the rest (access ends)", async () => {
    const { order, buyer, cookie, entitlementId } = await sale();
    const paymentIntent = order.stripePaymentIntentId as string;

    const partial = expectData<Reply>(await post(cookie, order.id, { intent: "refund", amount: "5.00" }));
    expect(partial.status).toBe(200);
    expect(partial.data.done).toBe("Refunded €5.00. This is a partial refund: the buyer keeps access.");
    await settleWebhooks(app.sandbox);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PARTIALLY_REFUNDED",
      refundedAmount: 500,
    });
    expect(await access(entitlementId)).toBe("ACTIVE");
    let emails = await emailsTo(buyer.email, "refund:");
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toContain("€5.00");
    expect(emails[0]?.text).toContain("you keep access to everything you bought");
    expect(emails[0]?.text).toContain("Refunded so far: €5.00 of €12.00");
    expect(emails[0]?.html).toContain("partial refund");

    // More than the €7.00 left: a message on the field, nothing at Stripe, nothing stored.
    const tooMuch = expectData<Reply>(await post(cookie, order.id, { intent: "refund", amount: "7.01" }));
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.data.result.error?.amount).toEqual(["You can refund at most €7.00 of this order"]);
    for (const [amount, message] of [
      ["", "Enter the amount to refund"],
      ["0", "The amount must be more than zero"],
      ["-3", "Enter an amount such as 5.00"],
      ["2.505", "EUR amounts have at most 2 decimals"],
    ] as const) {
      const refused = expectData<Reply>(await post(cookie, order.id, { intent: "refund", amount }));
      expect(refused.status).toBe(400);
      expect(errors(refused.data)).toEqual([message]);
    }
    expect(await stripeRefunds(paymentIntent)).toHaveLength(1);
    expect(await prisma.refund.count({ where: { orderId: order.id } })).toBe(1);

    const shown = await page(cookie, order.id);
    expect(shown.sale.refundable).toBe(700);
    expect(shown.sale.refunds).toMatchObject([{ amount: 500, status: "SUCCEEDED" }]);

    // The rest: the field is prefilled with what is left.
    const rest = expectData<Reply>(await post(cookie, order.id, { intent: "refund", amount: "7.00" }));
    expect(rest.data.done).toBe(
      "Refunded €7.00. The order is refunded in full, so the buyer's access has ended.",
    );
    await settleWebhooks(app.sandbox);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "REFUNDED",
      refundedAmount: 1200,
    });
    expect(await access(entitlementId)).toBe("REVOKED");
    emails = await emailsTo(buyer.email, "refund:");
    expect(emails).toHaveLength(2);
    expect(emails[1]?.text).toContain("no longer in your library");
    expect((await stripeRefunds(paymentIntent)).map((refund) => refund.amount).sort()).toEqual([500, 700]);

    const again = expectData<Reply>(await post(cookie, order.id, { intent: "refund", amount: "7.00" }));
    expect(again.status).toBe(409);
    expect(errors(again.data)).toEqual(["This order is already refunded."]);
    expect(await stripeRefunds(paymentIntent)).toHaveLength(2);
  });

  it("keeps a refund whose answer was lost pending, refuses a second one, and never refunds twice", async () => {
    const { order, buyer, cookie, entitlementId } = await sale();
    const paymentIntent = order.stripePaymentIntentId as string;

    link.loseAnswers = true;
    const lost = expectData<Reply>(await post(cookie, order.id, { intent: "refund", amount: "3.00" }));
    link.loseAnswers = false;
    expect(lost.status).toBe(503);
    expect(errors(lost.data)[0]).toContain("The refund is pending");
    const pending = await prisma.refund.findFirstOrThrow({ where: { orderId: order.id } });
    expect(pending).toMatchObject({ status: "PENDING", amount: 300, stripeRefundId: null });

    // The page disables the button: it knows a refund is pending.
    expect((await page(cookie, order.id)).sale.pendingRefund).toMatchObject({ id: pending.id, amount: 300 });
    const second = expectData<Reply>(await post(cookie, order.id, { intent: "refund", amount: "1.00" }));
    expect(second.status).toBe(409);
    expect(errors(second.data)).toEqual([
      "A refund of €3.00 is waiting for Stripe's answer. Wait for it before refunding more.",
    ]);
    // Stripe did make the first one (its answer was lost on the way back), and only that one.
    expect((await stripeRefunds(paymentIntent)).map((refund) => refund.amount)).toEqual([300]);

    // Its refund.created webhook names our row: the same row becomes the refund, not a second one.
    await settleWebhooks(app.sandbox);
    const settled = await prisma.refund.findMany({ where: { orderId: order.id } });
    expect(settled).toMatchObject([{ id: pending.id, status: "SUCCEEDED", amount: 300 }]);
    expect(settled[0]?.stripeRefundId).toMatch(/^re_/);

    // "Check with Stripe" afterwards sends the same idempotent request: still one refund.
    const check = expectData<Reply>(
      await post(cookie, order.id, { intent: "check-refund", refundId: pending.id }),
    );
    expect(check.data.done).toContain("Refunded €3.00");
    expect(await stripeRefunds(paymentIntent)).toHaveLength(1);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PARTIALLY_REFUNDED",
      refundedAmount: 300,
    });
    expect(await access(entitlementId)).toBe("ACTIVE");
    expect(await emailsTo(buyer.email, "refund:")).toHaveLength(1);
  });

  it("answers 404 for another shop's sale: page, refund, check and receipt", async () => {
    const mine = await sale();
    const theirs = await sale();
    const foreign = theirs.order.id;
    const missingPage = expectResponse(
      await callRoute(saleRoute.loader, requestAs(mine.cookie, `/dashboard/sales/${foreign}`), {
        orderId: foreign,
      }),
    );
    expect(missingPage.status).toBe(404);
    for (const fields of <Record<string, string>[]>[
      { intent: "refund", amount: "1.00" },
      { intent: "check-refund", refundId: "cmissing00000000000000000" },
      { intent: "resend-receipt", clickId: "click-abcdefgh00" },
    ]) {
      const refused = expectData<Reply>(await post(mine.cookie, foreign, fields));
      expect(refused.status).toBe(404);
      expect(errors(refused.data)).toEqual(["Your shop has no such sale."]);
    }
    expect(await prisma.refund.count({ where: { orderId: foreign } })).toBe(0);
    expect(await stripeRefunds(theirs.order.stripePaymentIntentId as string)).toHaveLength(0);
    expect(await emailsTo(theirs.buyer.email, "receipt:order:")).toHaveLength(1);
  });
});
