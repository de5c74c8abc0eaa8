/**
 * The webhook scenario's set-up, through the app's real paths: buyers buy a listing each, others
 * subscribe to a plan without a trial, on the sandbox's hosted Checkout. Once the sandbox's own
 * webhooks for all that are handled, their subscriptions, first invoices and Checkout Sessions are
 * read back from the sandbox: the material the scenario's events are made of.
 */
import type pg from "pg";
import type Stripe from "stripe";
import { buy, newBuyer, signIn, subscribe } from "./flows.ts";
import { stripeEventJobs } from "./webhook-checks.ts";
import type { EventSources } from "./webhook-events.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Server = { base: string; slugs: string[] };

/** About one purchase per 30 events and one subscription per 60 (at least 2 of each). */
export async function setUpWebhookSources(
  server: Server,
  db: pg.Client,
  stripe: Stripe,
  tag: string,
  events: number,
) {
  const purchases = Math.min(40, Math.max(2, Math.round(events / 30)));
  const subscriptionCount = Math.min(30, Math.max(2, Math.round(events / 60)));
  const { sessionIds, subscriptions } = await setUp(server, db, tag, purchases, subscriptionCount);
  await waitUntilQuiet(db, stripe);
  const sources: EventSources = {
    subscriptions: await Promise.all(
      subscriptions.map(async ({ stripeId }) => {
        const subscription = await stripe.subscriptions.retrieve(stripeId);
        const [firstInvoice] = (await stripe.invoices.list({ subscription: stripeId, limit: 1 })).data;
        if (!firstInvoice?.amount_paid) throw new Error(`subscription ${stripeId} has no paid invoice`);
        return { subscription, firstInvoice };
      }),
    ),
    sessions: await Promise.all(sessionIds.map((id) => stripe.checkout.sessions.retrieve(id))),
  };
  return { purchases, sessionIds, subscriptions, sources };
}

/** Buyers who buy one listing each, and buyers who subscribe to a plan without a trial. */
async function setUp(server: Server, db: pg.Client, tag: string, purchases: number, subscribers: number) {
  const { rows: prices } = await db.query<{ id: string }>(
    `SELECT pp.id FROM "PlanPrice" pp JOIN "Plan" p ON p.id = pp."planId"
     WHERE pp.interval = 'MONTH' AND pp."archivedAt" IS NULL AND p."archivedAt" IS NULL AND p."trialDays" = 0
     ORDER BY pp.id`,
  );
  if (prices.length === 0) throw new Error("no monthly plan price without a trial to subscribe to");
  const buyers: string[] = [];
  for (let i = 0; i < purchases; i++) {
    const buyer = newBuyer(`bench-webhook-${tag}-buyer-${i}@example.com`, 90_000 + i);
    await signIn(server.base, buyer);
    await buy(server.base, buyer, server.slugs[i % server.slugs.length] ?? "");
    buyers.push(buyer.email);
  }
  const members: string[] = [];
  for (let i = 0; i < subscribers; i++) {
    const buyer = newBuyer(`bench-webhook-${tag}-member-${i}@example.com`, 95_000 + i);
    await signIn(server.base, buyer);
    await subscribe(server.base, buyer, prices[i % prices.length]?.id ?? "");
    members.push(buyer.email);
  }
  const { rows: orders } = await db.query<{ session: string }>(
    `SELECT o."stripeCheckoutSessionId" AS session FROM "Order" o JOIN "User" u ON u.id = o."buyerId"
     WHERE u.email = ANY($1) AND o."stripeCheckoutSessionId" IS NOT NULL`,
    [buyers],
  );
  const { rows: subscriptions } = await db.query<{ id: string; stripeId: string }>(
    `SELECT s.id, s."stripeSubscriptionId" AS "stripeId" FROM "Subscription" s JOIN "User" u ON u.id = s."userId"
     WHERE u.email = ANY($1) ORDER BY u.email`,
    [members],
  );
  if (orders.length !== purchases || subscriptions.length !== subscribers)
    throw new Error(
      `set-up made ${orders.length}/${purchases} orders and ${subscriptions.length}/${subscribers} subscriptions`,
    );
  return { sessionIds: orders.map((row) => row.session), subscriptions };
}

/** Until the sandbox has delivered the set-up's own events and the server has handled them. */
async function waitUntilQuiet(db: pg.Client, stripe: Stripe): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const recent = await stripe.events.list({ limit: 100 });
    const { rows } = await db.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM "StripeEvent" WHERE status = 'RECEIVED'`,
    );
    if (recent.data.every((event) => event.pending_webhooks === 0) && rows[0]?.open === 0) {
      if ((await stripeEventJobs(db)) === 0) return;
    }
    await sleep(200);
  }
  throw new Error(
    "the set-up's webhooks were not all delivered and handled within 60 s (see bench/server.log; " +
      "a Stripe event whose job failed waits in graphile_worker.jobs for its retry)",
  );
}
