/**
 * The webhook scenario's exactly-once check, read from the server's database after every event was
 * handled: each event stored once with both deliveries counted on it, handled once, and its side
 * effects there exactly once (one invoice and one receipt per invoice.paid, one fulfilment per
 * purchase, subscriptions as they were).
 */
import type pg from "pg";
import type { BenchEvent } from "./webhook-events.ts";
import { eventPrefix, invoicePrefix } from "./webhook-events.ts";

export type Check = { what: string; expected: number; actual: number; ok: boolean };
export type ExactlyOnce = { passed: boolean; checks: Check[] };

type SubscriptionState = { status: string; activeEntitlements: number; welcomeEmails: number };

/** Status, active entitlements and welcome emails of Stapel's subscriptions (by Stapel id). */
export async function subscriptionStates(
  db: pg.Client,
  subscriptionIds: string[],
): Promise<Map<string, SubscriptionState>> {
  const { rows } = await db.query<{ id: string } & SubscriptionState>(
    `SELECT s.id, s.status::text AS status,
       (SELECT count(*)::int FROM "Entitlement" e WHERE e."subscriptionId" = s.id AND e.status = 'ACTIVE') AS "activeEntitlements",
       (SELECT count(*)::int FROM "EmailMessage" m WHERE m."idempotencyKey" = 'subscription-welcome:' || s.id) AS "welcomeEmails"
     FROM "Subscription" s WHERE s.id = ANY($1)`,
    [subscriptionIds],
  );
  return new Map(rows.map(({ id, ...state }) => [id, state]));
}

type OrderState = { status: string; entitlements: number; receipts: number };

/** Status, entitlements (a bundle grants several per item) and receipt emails of orders, by session. */
export async function orderStates(db: pg.Client, sessionIds: string[]): Promise<Map<string, OrderState>> {
  const { rows } = await db.query<{ session: string } & OrderState>(
    `SELECT o."stripeCheckoutSessionId" AS session, o.status::text AS status,
       (SELECT count(*)::int FROM "Entitlement" e JOIN "OrderItem" i ON i.id = e."orderItemId" WHERE i."orderId" = o.id) AS entitlements,
       (SELECT count(*)::int FROM "EmailMessage" m WHERE m."idempotencyKey" = 'receipt:order:' || o.id) AS receipts
     FROM "Order" o WHERE o."stripeCheckoutSessionId" = ANY($1)`,
    [sessionIds],
  );
  return new Map(rows.map(({ session, ...state }) => [session, state]));
}

/**
 * Jobs of Stripe events still in graphile-worker's queue (waiting, running, or failed and waiting to
 * retry), of every event or only of those whose id starts with `eventIdPrefix`. Read from its own
 * tables: the public `jobs` view leaves out the payload, and a job that was running when its event
 * came again has lost its key to the new job.
 */
export async function stripeEventJobs(db: pg.Client, eventIdPrefix = ""): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM graphile_worker._private_jobs j
     JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE t.identifier LIKE 'stripe-event:%' AND j.payload->>'eventId' LIKE $1`,
    [`${eventIdPrefix}%`],
  );
  return rows[0]?.count ?? 0;
}

export type CheckInput = {
  tag: string;
  events: BenchEvent[];
  deliveriesPerEvent: number;
  /** Deliveries answered 200 with `queued` or `duplicate`. */
  acknowledged: number;
  /** Second deliveries sent after every event was handled, and how many were answered `duplicate`. */
  late: { sent: number; duplicates: number };
  ordersBefore: Map<string, OrderState>;
  subscriptionsBefore: Map<string, SubscriptionState>;
};

export async function checkExactlyOnce(db: pg.Client, input: CheckInput): Promise<ExactlyOnce> {
  const checks: Check[] = [];
  const check = (what: string, expected: number, actual: number) =>
    checks.push({ what, expected, actual, ok: expected === actual });
  const sent = new Set(input.events.map((event) => event.id));
  const invoicePaid = input.events.filter((event) => event.type === "invoice.paid").length;

  check(
    "deliveries answered 200 (queued or duplicate)",
    input.events.length * input.deliveriesPerEvent,
    input.acknowledged,
  );

  check("redeliveries of handled events answered 200 duplicate", input.late.sent, input.late.duplicates);

  const { rows: stored } = await db.query<{ id: string; status: string; attempts: number; clean: boolean }>(
    `SELECT id, status::text AS status, attempts,
       ("handledAt" IS NOT NULL AND "lastError" IS NULL) AS clean
     FROM "StripeEvent" WHERE id LIKE $1`,
    [`${eventPrefix(input.tag)}%`],
  );
  check(
    "events stored (one row per id sent, no others)",
    sent.size,
    stored.filter((row) => sent.has(row.id)).length,
  );
  check("rows with an id that was not sent", 0, stored.filter((row) => !sent.has(row.id)).length);
  check(
    `events with both deliveries counted on their one row (attempts = ${input.deliveriesPerEvent})`,
    sent.size,
    stored.filter((row) => row.attempts === input.deliveriesPerEvent).length,
  );
  check(
    "events HANDLED (handledAt set, no error)",
    sent.size,
    stored.filter((row) => row.status === "HANDLED" && row.clean).length,
  );

  const { rows: invoices } = await db.query<{ paid: number; receipts: number }>(
    `SELECT (SELECT count(*)::int FROM "Invoice" WHERE "stripeInvoiceId" LIKE $1 AND status = 'PAID') AS paid,
       (SELECT count(*)::int FROM "EmailMessage" WHERE "idempotencyKey" LIKE $2) AS receipts`,
    [`${invoicePrefix(input.tag)}%`, `subscription-receipt:${invoicePrefix(input.tag)}%`],
  );
  check("invoices stored as PAID, one per invoice.paid", invoicePaid, invoices[0]?.paid ?? -1);
  check("receipt emails in the outbox, one per invoice.paid", invoicePaid, invoices[0]?.receipts ?? -1);

  const ordersAfter = await orderStates(db, [...input.ordersBefore.keys()]);
  const fulfilledOnce = [...input.ordersBefore].filter(([session, before]) => {
    const now = ordersAfter.get(session);
    return (
      now?.status === "PAID" &&
      before.status === "PAID" &&
      now.entitlements === before.entitlements &&
      now.entitlements > 0 &&
      now.receipts === 1
    );
  });
  check(
    "one-off orders still PAID with the same entitlements and one receipt",
    input.ordersBefore.size,
    fulfilledOnce.length,
  );

  const after = await subscriptionStates(db, [...input.subscriptionsBefore.keys()]);
  const unchanged = [...input.subscriptionsBefore].filter(([id, before]) => {
    const now = after.get(id);
    return (
      now?.status === before.status &&
      now.activeEntitlements === before.activeEntitlements &&
      now.welcomeEmails === 1
    );
  });
  check(
    "subscriptions unchanged (status, active entitlements, one welcome email)",
    input.subscriptionsBefore.size,
    unchanged.length,
  );
  check("jobs of these events left in the queue", 0, await stripeEventJobs(db, eventPrefix(input.tag)));

  return { passed: checks.every((entry) => entry.ok), checks };
}
