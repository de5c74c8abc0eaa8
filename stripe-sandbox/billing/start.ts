import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { buildSubscription, currentPeriod } from "../objects/subscription.ts";
import type { SessionRecord } from "../store.ts";
import { chargeSubscriptionInvoice } from "./collection.ts";
import { attachSessionDiscount } from "./discounts.ts";
import { announceInvoice, finalizeInvoice, prepareInvoice } from "./invoicing.ts";
import { cycleLines, trialLines } from "./lines.ts";
import { stateOf } from "./subscription-state.ts";

const DAY = 24 * 60 * 60;

export interface StartFields {
  record: SessionRecord;
  customer: Stripe.Customer;
  paymentMethod: Stripe.PaymentMethod;
  now: number;
}

/**
 * A subscription as Checkout starts it. Without a trial: created `incomplete` with its first invoice
 * (`customer.subscription.created`, `invoice.created`, `invoice.finalized`), the invoice charged
 * (PaymentIntent and charge events, `invoice.paid`, `invoice.payment_succeeded`), then
 * `customer.subscription.updated` to `active`. With a trial: created `trialing` with a $0 invoice
 * that is paid on finalization.
 */
export function startSubscription(ctx: SandboxContext, fields: StartFields): Stripe.Subscription {
  const { record, customer, paymentMethod, now } = fields;
  const data = record.subscriptionData;
  const trialEnd = data.trialEnd ?? (data.trialPeriodDays ? now + data.trialPeriodDays * DAY : null);
  const subscription = buildSubscription({
    customer: customer.id,
    currency: record.session.currency ?? "eur",
    items: record.lineItems.flatMap((line) =>
      line.price ? [{ price: line.price, quantity: line.quantity ?? 1 }] : [],
    ),
    metadata: { ...data.metadata },
    description: data.description,
    paymentMethod: paymentMethod.id,
    now,
    trialEnd,
    testClock: typeof customer.test_clock === "string" ? customer.test_clock : null,
    applicationFeePercent: data.applicationFeePercent ?? null,
    transferData: data.transferDestination
      ? { destination: data.transferDestination, amount_percent: data.transferAmountPercent ?? null }
      : null,
  });
  ctx.store.subscriptions.set(subscription.id, subscription);
  stateOf(ctx, subscription.id);
  attachSessionDiscount(ctx, record, subscription, now);
  const period = currentPeriod(subscription);
  const invoice = prepareInvoice(ctx, {
    subscription,
    billingReason: "subscription_create",
    now,
    period: { start: now, end: now },
    lines: trialEnd ? trialLines(ctx, subscription, period) : cycleLines(ctx, subscription, period),
    pendingItems: false,
  });
  subscription.latest_invoice = invoice.id;
  ctx.store.markDirty();
  ctx.emit("customer.subscription.created", subscription, { created: now });
  announceInvoice(ctx, invoice);
  finalizeInvoice(ctx, invoice, now);
  if (invoice.status === "open") chargeSubscriptionInvoice(ctx, subscription, invoice, now);
  return subscription;
}
