import { isStripeResourceMissing, stripe } from "~/integrations/stripe.server.ts";
import { prisma, type Tx } from "~/utils/db.server.ts";
import { idOf, type SubscriptionObject, subscriptionObject } from "../stripe-event-objects.ts";
import { refreshSubscriptionAccess, stripeNowFor } from "./access.server.ts";
import { queueCancelledEmail } from "./emails.server.ts";
import { readSubscription, type SubscriptionSnapshot } from "./snapshot.ts";
import { WAITING_TRANSACTION } from "./transactions.ts";

export type SubscriptionSyncOutcome =
  | {
      kind: "applied";
      subscriptionId: string;
      /** Whether the event's object was applied, or (stale or no event) the one Stripe has now. */
      appliedFrom: "event" | "stripe";
      /** What changed, for people: "status ACTIVE → PAST_DUE", "access ended". */
      changes: string[];
    }
  /** Not started by Stapel's Checkout, or for a user or plan Stapel does not have. */
  | { kind: "not-ours"; detail: string }
  /** A status Stripe added after this code was written. */
  | { kind: "unreadable"; detail: string };

/** An event's subscription and when Stripe created the event (Unix seconds). */
export type SubscriptionEvent = { object: SubscriptionObject; created: number };

/**
 * Applies Stripe's state of one subscription to Stapel: the Subscription row, then its access.
 *
 * Events arrive late, twice and out of order. Every sync of a subscription runs under a lock on its
 * Stripe id, so they apply one at a time; an event is applied only when it is newer than the state
 * stored (Subscription.stripeStateAt, Stripe's clock). Otherwise (an older or same-second event, or
 * no event: an invoice, the success page, reconcile) the subscription is retrieved from Stripe while
 * the lock is held, so an older retrieval can never overwrite a newer one. Access follows through
 * the grants module, whose changes are idempotent: repeating a sync changes nothing.
 */
export async function syncSubscriptionFromStripe(
  stripeSubscriptionId: string,
  event?: SubscriptionEvent,
): Promise<SubscriptionSyncOutcome> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`stripe-subscription:${stripeSubscriptionId}`}, 0))`;
      const row = await tx.subscription.findUnique({ where: { stripeSubscriptionId } });
      const storedAt = row?.stripeStateAt ? row.stripeStateAt.getTime() / 1000 : null;

      let current: SubscriptionEvent & { appliedFrom: "event" | "stripe" };
      if (event && (storedAt === null || event.created > storedAt)) {
        current = { ...event, appliedFrom: "event" };
      } else {
        const retrieved = await retrieveSubscription(stripeSubscriptionId);
        if (!retrieved)
          return { kind: "not-ours", detail: `Stripe does not know subscription ${stripeSubscriptionId}` };
        // What Stripe answers now is at least as new as any event created before this moment.
        const created = Math.max(retrieved.created, event?.created ?? 0, storedAt ?? 0);
        current = { object: retrieved.object, created, appliedFrom: "stripe" };
      }
      const snapshot = readSubscription(current.object);
      if (!snapshot)
        return {
          kind: "unreadable",
          detail: `subscription ${stripeSubscriptionId} has status ${current.object.status}`,
        };
      return applySnapshot(tx, row, snapshot, current.created, current.appliedFrom);
    },
    // The lock is held across a Stripe request when the event is stale.
    WAITING_TRANSACTION,
  );
}

/** The subscription as Stripe has it now, and Stripe's "now" for it (its test clock's time, if any). */
async function retrieveSubscription(
  id: string,
): Promise<{ object: SubscriptionObject; created: number } | null> {
  let fetched: unknown;
  try {
    fetched = await stripe().subscriptions.retrieve(id);
  } catch (error) {
    if (isStripeResourceMissing(error)) return null;
    throw error;
  }
  const object = subscriptionObject.parse(fetched);
  const now = await stripeNowFor(idOf(object.test_clock) ?? null);
  return { object, created: Math.floor(now.getTime() / 1000) };
}

type SubscriptionRow = NonNullable<Awaited<ReturnType<Tx["subscription"]["findUnique"]>>>;

async function applySnapshot(
  tx: Tx,
  row: SubscriptionRow | null,
  snapshot: SubscriptionSnapshot,
  stateAt: number,
  appliedFrom: "event" | "stripe",
): Promise<SubscriptionSyncOutcome> {
  const price = snapshot.stripePriceId
    ? await tx.planPrice.findUnique({
        where: { stripePriceId: snapshot.stripePriceId },
        select: { id: true, planId: true },
      })
    : null;
  const userId = row?.userId ?? snapshot.metadata.userId;
  const planId = price?.planId ?? row?.planId ?? snapshot.metadata.planId;
  if (!userId || !planId)
    return {
      kind: "not-ours",
      detail: `subscription ${snapshot.stripeSubscriptionId} names no Stapel user and plan in its metadata`,
    };
  if (!row) {
    const [user, plan] = await Promise.all([
      tx.user.findUnique({ where: { id: userId }, select: { id: true } }),
      tx.plan.findUnique({ where: { id: planId }, select: { id: true } }),
    ]);
    if (!user || !plan)
      return {
        kind: "not-ours",
        detail: `subscription ${snapshot.stripeSubscriptionId} names a user or plan Stapel does not have`,
      };
  }
  const metadataPrice =
    !row && snapshot.metadata.planPriceId
      ? await tx.planPrice.findFirst({
          where: { id: snapshot.metadata.planPriceId, planId },
          select: { id: true },
        })
      : null;
  const planPriceId = price?.id ?? row?.planPriceId ?? metadataPrice?.id ?? null;

  const stateDate = new Date(stateAt * 1000);
  const pastDueSince =
    snapshot.status !== "PAST_DUE"
      ? null
      : row?.status === "PAST_DUE" && row.pastDueSince
        ? row.pastDueSince
        : stateDate;
  const fields = {
    planId,
    planPriceId,
    stripeCustomerId: snapshot.stripeCustomerId,
    status: snapshot.status,
    currentPeriodStart: snapshot.currentPeriodStart,
    currentPeriodEnd: snapshot.currentPeriodEnd,
    cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
    canceledAt: snapshot.canceledAt,
    endedAt: snapshot.endedAt,
    trialEnd: snapshot.trialEnd,
    pastDueSince,
    stripeTestClockId: snapshot.stripeTestClockId,
    stripeStateAt: row?.stripeStateAt && row.stripeStateAt > stateDate ? row.stripeStateAt : stateDate,
  };
  const saved = row
    ? await tx.subscription.update({ where: { id: row.id }, data: fields, select: { id: true } })
    : await tx.subscription.create({
        data: { ...fields, userId, stripeSubscriptionId: snapshot.stripeSubscriptionId },
        select: { id: true },
      });
  if (snapshot.stripeCustomerId) await rememberCustomer(tx, userId, snapshot.stripeCustomerId);

  const changes = describeChanges(row, fields);
  const live = snapshot.status === "ACTIVE" || snapshot.status === "TRIALING";
  if (snapshot.cancelAtPeriodEnd && !row?.cancelAtPeriodEnd && live) {
    await queueCancelledEmail(tx, saved.id, snapshot.cancelsAt);
  }

  // Access is decided at Stripe's "now" for the subscription: a test clock's time, else the server's.
  const accessNow = snapshot.stripeTestClockId ? fields.stripeStateAt : new Date();
  const sync = await refreshSubscriptionAccess(tx, saved.id, accessNow);
  if (sync.grantedBefore !== sync.access.grants)
    changes.push(sync.access.grants ? "access granted" : "access ended");
  if (sync.granted.length > 0) changes.push(`${sync.granted.length} listing(s) granted`);
  if (sync.revoked.length > 0) changes.push(`${sync.revoked.length} listing(s) revoked`);
  return { kind: "applied", subscriptionId: saved.id, appliedFrom, changes };
}

/** The user's Stripe customer, for the next checkout and the billing portal (first one wins). */
async function rememberCustomer(tx: Tx, userId: string, stripeCustomerId: string) {
  const holder = await tx.user.findUnique({ where: { stripeCustomerId }, select: { id: true } });
  if (holder) return;
  await tx.user.updateMany({ where: { id: userId, stripeCustomerId: null }, data: { stripeCustomerId } });
}

function describeChanges(
  row: SubscriptionRow | null,
  next: { status: string; planId: string; cancelAtPeriodEnd: boolean; currentPeriodEnd: Date | null },
): string[] {
  if (!row) return [`recorded with status ${next.status}`];
  const changes: string[] = [];
  if (row.status !== next.status) changes.push(`status ${row.status} → ${next.status}`);
  if (row.planId !== next.planId) changes.push(`plan ${row.planId} → ${next.planId}`);
  if (row.cancelAtPeriodEnd !== next.cancelAtPeriodEnd)
    changes.push(next.cancelAtPeriodEnd ? "cancellation scheduled" : "cancellation withdrawn");
  if (row.currentPeriodEnd?.getTime() !== next.currentPeriodEnd?.getTime())
    changes.push(`period ends ${next.currentPeriodEnd?.toISOString() ?? "unknown"}`);
  return changes;
}
