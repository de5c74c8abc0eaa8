import type { InvoiceStatus } from "~/generated/prisma/enums.ts";
import { graceEndsAt } from "~/modules/delivery/subscription-access.ts";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { type InvoiceObject, idOf } from "../stripe-event-objects.ts";
import { type HandlerOutcome, handled, ignored } from "../stripe-event-outcomes.ts";
import { syncSubscriptionFromStripe } from "./apply.server.ts";
import { queueInvoiceReceipt, queuePaymentActionEmail, queuePaymentFailedEmail } from "./emails.server.ts";
import { WAITING_TRANSACTION } from "./transactions.ts";

export type InvoiceEventKind = "paid" | "payment_failed" | "payment_action_required";

const statuses: Record<string, InvoiceStatus> = {
  draft: "DRAFT",
  open: "OPEN",
  paid: "PAID",
  uncollectible: "UNCOLLECTIBLE",
  void: "VOID",
};

/** The subscription an invoice bills, wherever the API version puts it. */
export function subscriptionOfInvoice(invoice: InvoiceObject): string | undefined {
  return idOf(invoice.parent?.subscription_details?.subscription) ?? idOf(invoice.subscription);
}

/**
 * invoice.paid, invoice.payment_failed, invoice.payment_action_required. Stripe sends invoice.paid
 * before the customer.subscription.updated that moves the period on (and either may be lost), so
 * the subscription is first brought up to date from Stripe itself: a paid renewal extends access
 * and ends a past-due grace period, a failed one starts it. Then the invoice is stored as a receipt
 * and the email the moment calls for is queued.
 */
export async function handleInvoiceEvent(
  invoice: InvoiceObject,
  kind: InvoiceEventKind,
): Promise<HandlerOutcome> {
  const stripeSubscriptionId = subscriptionOfInvoice(invoice);
  if (!stripeSubscriptionId)
    return ignored("UNKNOWN_SUBSCRIPTION", `invoice ${invoice.id} bills no subscription`);
  const synced = await syncSubscriptionFromStripe(stripeSubscriptionId);
  if (synced.kind === "not-ours") return ignored("UNKNOWN_SUBSCRIPTION", synced.detail);
  if (synced.kind === "unreadable") return ignored("MALFORMED_OBJECT", synced.detail);
  await recordInvoice(invoice, synced.subscriptionId, kind);
  return handled;
}

/**
 * Stores (or updates) an invoice of a known subscription. Paid and void are final: a late
 * payment_failed never turns a paid invoice back into an open one. A paid invoice with money in it
 * queues its receipt (once, whoever records it: webhook or reconcile). Returns what changed.
 */
export async function recordInvoice(
  invoice: InvoiceObject,
  subscriptionId: string,
  kind?: InvoiceEventKind,
): Promise<string[]> {
  const reported = invoice.status ? statuses[invoice.status] : undefined;
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`stripe-invoice:${invoice.id}`}, 0))`;
    const subscription = await tx.subscription.findUniqueOrThrow({
      where: { id: subscriptionId },
      select: { userId: true, status: true, pastDueSince: true },
    });
    const existing = await tx.invoice.findUnique({ where: { stripeInvoiceId: invoice.id } });
    const settled = existing?.status === "PAID" || existing?.status === "VOID";
    const status = settled ? existing.status : (reported ?? existing?.status ?? "OPEN");
    const lines = invoice.lines.data.map((line) => ({
      description: line.description ?? "Subscription",
      amount: line.amount,
      quantity: line.quantity ?? 1,
    }));
    const fields = {
      status,
      number: invoice.number,
      currency: invoice.currency.toUpperCase(),
      subtotalAmount: invoice.subtotal,
      taxAmount: (invoice.total_taxes ?? []).reduce((sum, tax) => sum + tax.amount, 0),
      totalAmount: invoice.total,
      amountPaid: invoice.amount_paid,
      ...coveredPeriod(invoice),
      hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
      lines,
      paidAt: invoice.status_transitions.paid_at ? new Date(invoice.status_transitions.paid_at * 1000) : null,
    };
    const saved = existing
      ? await tx.invoice.update({
          where: { id: existing.id },
          data: settled ? { hostedInvoiceUrl: fields.hostedInvoiceUrl } : fields,
        })
      : await tx.invoice.create({
          data: { ...fields, stripeInvoiceId: invoice.id, subscriptionId, userId: subscription.userId },
        });
    const forEmail = { ...saved, lines };

    const changes: string[] = [];
    if (!existing) changes.push(`stored as ${saved.status}`);
    else if (existing.status !== saved.status) changes.push(`status ${existing.status} → ${saved.status}`);
    if (saved.status === "PAID" && saved.amountPaid > 0) await queueInvoiceReceipt(tx, forEmail);
    if (kind === "payment_failed" && saved.status === "OPEN") {
      const accessUntil =
        subscription.status === "PAST_DUE" && subscription.pastDueSince
          ? graceEndsAt(subscription.pastDueSince, env().SUBSCRIPTION_GRACE_DAYS)
          : null;
      await queuePaymentFailedEmail(tx, forEmail, accessUntil);
    }
    if (kind === "payment_action_required" && saved.status === "OPEN")
      await queuePaymentActionEmail(tx, forEmail);
    return changes;
  }, WAITING_TRANSACTION);
}

/**
 * The time the invoice pays for, as a receipt states it: the period of its latest-ending line (the
 * new period of a renewal, the new plan's period of a plan change). Stripe's top-level
 * `period_start`/`period_end` are something else: the period whose usage the invoice collects, which
 * is the previous period for a renewal and a single instant for a subscription's first invoice.
 */
function coveredPeriod(invoice: InvoiceObject): { periodStart: Date; periodEnd: Date } {
  let covered = { start: invoice.period_start, end: invoice.period_end };
  let found = false;
  for (const line of invoice.lines.data) {
    if (line.period && (!found || line.period.end > covered.end)) {
      covered = line.period;
      found = true;
    }
  }
  return { periodStart: new Date(covered.start * 1000), periodEnd: new Date(covered.end * 1000) };
}
