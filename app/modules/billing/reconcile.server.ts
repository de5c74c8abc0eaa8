import type { Task } from "graphile-worker";
import { stripe } from "~/integrations/stripe.server.ts";
import { expireCheckoutOrder } from "~/modules/checkout/expire.server.ts";
import { fulfilCheckoutSession } from "~/modules/checkout/fulfilment.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { idOf, invoiceObject, subscriptionObject } from "./stripe-event-objects.ts";
import { resyncSubscriptionAccess } from "./subscriptions/access.server.ts";
import { syncSubscriptionFromStripe } from "./subscriptions/apply.server.ts";
import { fulfilSubscriptionCheckout } from "./subscriptions/checkout.server.ts";
import { recordInvoice, subscriptionOfInvoice } from "./subscriptions/invoices.server.ts";
import { readSubscription } from "./subscriptions/snapshot.ts";

export type ReconcileReport = {
  /** One line per repair, for people: what was wrong and what was done. */
  repairs: string[];
  checked: { checkoutSessions: number; subscriptions: number; invoices: number };
};

/** Stripe's statuses of subscriptions that may still bill or grant; listed whatever their age. */
const LIVE_STATUSES = ["active", "trialing", "past_due", "unpaid", "paused", "incomplete"] as const;
const TERMINAL = ["CANCELED", "INCOMPLETE_EXPIRED"] as const;

/**
 * Compares Stapel with Stripe and repairs what a lost webhook left behind, through the same
 * idempotent functions the webhooks use (so running it while events arrive is safe):
 *
 * 1. Checkout Sessions created in the last `days`: a paid purchase whose order is still pending is
 *    fulfilled, an expired one closed; a completed subscription checkout Stapel has no subscription
 *    for is fulfilled.
 * 2. Subscriptions: every live one at Stripe (and any created in the last `days`) whose stored
 *    state differs is synced; a subscription Stapel holds as live that Stripe no longer lists as
 *    live is synced too (it ended).
 * 3. Invoices created in the last `days` that are missing or stale are stored (a paid one sends its
 *    receipt and extends the subscription).
 * 4. Access: every subscription that grants access or is past due is re-decided now (a grace
 *    period that ran out, a plan change whose job never ran).
 */
export async function reconcileStripe(options: { days?: number } = {}): Promise<ReconcileReport> {
  const since = Math.floor(Date.now() / 1000) - (options.days ?? 7) * 24 * 60 * 60;
  const repairs: string[] = [];
  const checked = { checkoutSessions: 0, subscriptions: 0, invoices: 0 };

  for await (const session of newerThan(since, stripe().checkout.sessions.list({ limit: 100 }))) {
    checked.checkoutSessions++;
    if (session.mode === "subscription") {
      const stripeSubscriptionId = idOf(session.subscription);
      if (session.status !== "complete" || session.metadata?.kind !== "subscription" || !stripeSubscriptionId)
        continue;
      const known = await prisma.subscription.findUnique({
        where: { stripeSubscriptionId },
        select: { id: true },
      });
      if (known) continue;
      const result = await fulfilSubscriptionCheckout(session.id);
      if (result.status === "fulfilled")
        repairs.push(`checkout ${session.id}: subscription ${stripeSubscriptionId} recorded`);
      continue;
    }
    const order = await prisma.order.findUnique({
      where: { stripeCheckoutSessionId: session.id },
      select: { id: true, status: true },
    });
    if (!order) continue;
    if (session.status === "complete" && (order.status === "PENDING" || order.status === "EXPIRED")) {
      const result = await fulfilCheckoutSession(session.id);
      if (result.status === "fulfilled")
        repairs.push(`checkout ${session.id}: order ${order.id} paid and fulfilled`);
    } else if (session.status === "expired" && order.status === "PENDING") {
      await expireCheckoutOrder(session.id);
      repairs.push(`checkout ${session.id}: order ${order.id} expired`);
    }
  }

  const seen = new Set<string>();
  const compare = async (fetched: { id: string }) => {
    const parsed = subscriptionObject.safeParse(fetched);
    if (!parsed.success) {
      repairs.push(`subscription ${fetched.id}: skipped, its shape is not one Stapel reads`);
      return;
    }
    const object = parsed.data;
    if (seen.has(object.id)) return;
    seen.add(object.id);
    checked.subscriptions++;
    const snapshot = readSubscription(object);
    const row = await prisma.subscription.findUnique({ where: { stripeSubscriptionId: object.id } });
    if (!snapshot || (!row && !snapshot.metadata.userId)) return; // not Stapel's
    const price = row?.planPriceId
      ? await prisma.planPrice.findUnique({ where: { id: row.planPriceId }, select: { stripePriceId: true } })
      : null;
    const same =
      row &&
      row.status === snapshot.status &&
      row.cancelAtPeriodEnd === snapshot.cancelAtPeriodEnd &&
      row.currentPeriodEnd?.getTime() === snapshot.currentPeriodEnd?.getTime() &&
      (snapshot.stripePriceId === null ||
        !row.planPriceId ||
        price?.stripePriceId === snapshot.stripePriceId);
    if (same) return;
    await repairSubscription(object.id, repairs);
  };
  for (const status of LIVE_STATUSES) {
    for await (const subscription of stripe().subscriptions.list({ status, limit: 100 }))
      await compare(subscription);
  }
  for await (const subscription of newerThan(
    since,
    stripe().subscriptions.list({ status: "all", limit: 100 }),
  ))
    await compare(subscription);
  const storedLive = await prisma.subscription.findMany({
    where: { status: { notIn: [...TERMINAL] } },
    select: { stripeSubscriptionId: true },
  });
  for (const { stripeSubscriptionId } of storedLive) {
    if (!seen.has(stripeSubscriptionId)) await repairSubscription(stripeSubscriptionId, repairs);
  }

  for await (const fetched of newerThan(since, stripe().invoices.list({ limit: 100 }))) {
    checked.invoices++;
    const parsed = invoiceObject.safeParse(fetched);
    if (!parsed.success) {
      repairs.push(`invoice ${fetched.id}: skipped, its shape is not one Stapel reads`);
      continue;
    }
    const invoice = parsed.data;
    const stripeSubscriptionId = subscriptionOfInvoice(invoice);
    if (!stripeSubscriptionId || invoice.status === "draft" || invoice.status === null) continue;
    const stored = await prisma.invoice.findUnique({
      where: { stripeInvoiceId: invoice.id },
      select: { status: true },
    });
    if (stored && stored.status === invoice.status.toUpperCase()) continue;
    const synced = await syncSubscriptionFromStripe(stripeSubscriptionId);
    if (synced.kind !== "applied") continue;
    const changes = await recordInvoice(invoice, synced.subscriptionId);
    if (changes.length > 0)
      repairs.push(`invoice ${invoice.id} (${stripeSubscriptionId}): ${changes.join(", ")}`);
  }

  const holding = await prisma.subscription.findMany({
    where: { OR: [{ grantsAccess: true }, { status: "PAST_DUE" }] },
    select: { id: true, stripeSubscriptionId: true },
  });
  for (const subscription of holding) {
    const sync = await resyncSubscriptionAccess(subscription.id);
    if (!sync) continue;
    const changes = [
      ...(sync.grantedBefore !== sync.access.grants
        ? [sync.access.grants ? "access granted" : "access ended"]
        : []),
      ...(sync.granted.length > 0 ? [`${sync.granted.length} listing(s) granted`] : []),
      ...(sync.revoked.length > 0 ? [`${sync.revoked.length} listing(s) revoked`] : []),
    ];
    if (changes.length > 0)
      repairs.push(`subscription ${subscription.stripeSubscriptionId}: ${changes.join(", ")}`);
  }
  return { repairs, checked };
}

/**
 * Stripe lists newest first: the items created since `since`, without asking more pages than needed
 * (the same as the `created[gte]` filter, which not every Stripe-compatible server offers).
 */
async function* newerThan<T extends { created: number }>(since: number, list: AsyncIterable<T>) {
  for await (const item of list) {
    if (item.created < since) return;
    yield item;
  }
}

async function repairSubscription(stripeSubscriptionId: string, repairs: string[]) {
  const synced = await syncSubscriptionFromStripe(stripeSubscriptionId);
  if (synced.kind === "applied" && synced.changes.length > 0)
    repairs.push(`subscription ${stripeSubscriptionId}: ${synced.changes.join(", ")}`);
}

/** The hourly run (graphile-worker's crontab); repairs are logged, since each means a lost webhook. */
export const stripeReconcileTask: Task = async () => {
  const report = await reconcileStripe({ days: 3 });
  for (const repair of report.repairs) logger().warn({ repair }, "stripe reconcile repaired");
  logger().info({ checked: report.checked, repairs: report.repairs.length }, "stripe reconcile done");
};
