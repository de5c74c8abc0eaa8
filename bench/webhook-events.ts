/**
 * The events the webhook scenario sends, made from real objects of the server's Stripe sandbox: for
 * each subscription, monthly renewals (`invoice.paid` for a new invoice shaped like its first one,
 * then `customer.subscription.updated` naming it as the latest invoice), and one
 * `checkout.session.completed` per one-off purchase. Every event has a new id, so the app stores
 * and handles each one; each is delivered twice, some out of order, some again after it was
 * handled (a seeded shuffle, the same every run).
 */
import Stripe from "stripe";

export type BenchEvent = {
  id: string;
  type: "invoice.paid" | "customer.subscription.updated" | "checkout.session.completed";
  /** The JSON body exactly as sent (and signed). */
  body: string;
  /** For invoice.paid: the new invoice's id. */
  invoiceId?: string;
};

export type EventSources = {
  /** One per subscription: the subscription as Stripe has it now and its first (paid) invoice. */
  subscriptions: { subscription: Stripe.Subscription; firstInvoice: Stripe.Invoice }[];
  /** Paid one-off Checkout Sessions. */
  sessions: Stripe.Checkout.Session[];
};

/** Ids of this run's events and invoices start with these (`tag` keeps runs on one database apart). */
export const eventPrefix = (tag: string) => `evt_bench${tag}`;
export const invoicePrefix = (tag: string) => `in_bench${tag}`;

function envelope(id: string, type: BenchEvent["type"], created: number, data: object): string {
  return JSON.stringify({
    id,
    object: "event",
    api_version: Stripe.API_VERSION,
    created,
    data,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  });
}

/** Unix seconds `months` calendar months after `seconds`. */
function addMonths(seconds: number, months: number): number {
  const date = new Date(seconds * 1000);
  date.setUTCMonth(date.getUTCMonth() + months);
  return Math.floor(date.getTime() / 1000);
}

/** Renewal `k` of a subscription: its first invoice with a new id and number, k months later, paid now. */
function renewalInvoice(first: Stripe.Invoice, newId: string, k: number, now: number): Stripe.Invoice {
  // The old id also appears in the hosted URL and the lines' `invoice` fields.
  const invoice = JSON.parse(JSON.stringify(first).replaceAll(first.id ?? "", newId)) as Stripe.Invoice;
  const shift = (seconds: number) => addMonths(seconds, k);
  invoice.number = `${first.number ?? "BENCH"}-R${k}`;
  invoice.billing_reason = "subscription_cycle";
  invoice.created = now;
  invoice.period_start = shift(first.period_start);
  invoice.period_end = shift(first.period_end);
  invoice.status_transitions = { ...invoice.status_transitions, finalized_at: now, paid_at: now };
  for (const line of invoice.lines.data)
    line.period = { start: shift(line.period.start), end: shift(line.period.end) };
  return invoice;
}

/**
 * About `wanted` events: renewals spread evenly over the subscriptions (two events each) and one
 * checkout.session.completed per session, mixed in at even intervals. Returned in the order they
 * happened (their `created` is now).
 */
export function buildEvents(sources: EventSources, wanted: number, tag: string): BenchEvent[] {
  const now = Math.floor(Date.now() / 1000);
  const subscriptionCount = sources.subscriptions.length;
  const renewals = Math.max(1, Math.floor((wanted - sources.sessions.length) / (2 * subscriptionCount)));
  let count = 0;
  const nextId = () => `${eventPrefix(tag)}${String(count++).padStart(6, "0")}`;

  const lifecycle: BenchEvent[] = [];
  const latest = new Map<string, string>();
  for (let k = 1; k <= renewals; k++) {
    for (const { subscription, firstInvoice } of sources.subscriptions) {
      const invoiceId = `${invoicePrefix(tag)}${String(lifecycle.length).padStart(6, "0")}`;
      const invoice = renewalInvoice(firstInvoice, invoiceId, k, now);
      const paid = nextId();
      lifecycle.push({
        id: paid,
        type: "invoice.paid",
        body: envelope(paid, "invoice.paid", now, { object: invoice }),
        invoiceId,
      });
      const previous = latest.get(subscription.id) ?? subscription.latest_invoice;
      latest.set(subscription.id, invoiceId);
      const updated = nextId();
      lifecycle.push({
        id: updated,
        type: "customer.subscription.updated",
        body: envelope(updated, "customer.subscription.updated", now, {
          object: { ...subscription, latest_invoice: invoiceId },
          previous_attributes: { latest_invoice: previous },
        }),
      });
    }
  }

  const events: BenchEvent[] = [];
  const every = Math.max(1, Math.floor(lifecycle.length / (sources.sessions.length + 1)));
  const sessions = [...sources.sessions];
  lifecycle.forEach((event, i) => {
    events.push(event);
    const session = (i + 1) % every === 0 ? sessions.shift() : undefined;
    if (session) {
      const id = nextId();
      events.push({
        id,
        type: "checkout.session.completed",
        body: envelope(id, "checkout.session.completed", now, { object: session }),
      });
    }
  });
  for (const session of sessions) {
    const id = nextId();
    events.push({
      id,
      type: "checkout.session.completed",
      body: envelope(id, "checkout.session.completed", now, { object: session }),
    });
  }
  return events;
}

/** A small seeded generator (mulberry32): the same delivery order on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type DeliveryPlan = {
  /** Every event once and three in four twice, as the scenario sends them at once. */
  stream: BenchEvent[];
  /** The second delivery of the other events: Stripe's retries, sent once every event was handled. */
  late: BenchEvent[];
  /** Events whose first delivery comes after the first delivery of an event that happened later. */
  outOfOrder: number;
};

/**
 * Each event twice, as Stripe may send them. In the stream, about one event in six is held back by
 * up to 40 places, so it arrives after events that happened after it, and three events in four come
 * again up to 80 places later (mostly before they are handled). The fourth comes again late, after
 * every event was handled (its redelivery must be acknowledged without running anything again).
 */
export function deliveryOrder(events: BenchEvent[], seed = 6): DeliveryPlan {
  const random = seeded(seed);
  const keyed: { event: BenchEvent; key: number }[] = [];
  const late: BenchEvent[] = [];
  events.forEach((event, i) => {
    keyed.push({ event, key: i + (random() < 1 / 6 ? random() * 40 : 0) });
    if (random() < 1 / 4) late.push(event);
    else keyed.push({ event, key: i + 1 + random() * 80 });
  });
  keyed.sort((a, b) => a.key - b.key);
  const stream = keyed.map((entry) => entry.event);

  const firstAt = new Map<string, number>();
  stream.forEach((event, position) => {
    if (!firstAt.has(event.id)) firstAt.set(event.id, position);
  });
  let outOfOrder = 0;
  let laterSeen = Number.POSITIVE_INFINITY;
  for (let i = events.length - 1; i >= 0; i--) {
    const position = firstAt.get(events[i]?.id ?? "") ?? 0;
    if (position > laterSeen) outOfOrder++;
    laterSeen = Math.min(laterSeen, position);
  }
  return { stream, late, outOfOrder };
}
