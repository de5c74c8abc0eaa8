import { z } from "zod";
import type { Stripe } from "~/integrations/stripe.server.ts";
import { expireCheckoutOrder } from "~/modules/checkout/expire.server.ts";
import { fulfilCheckoutSession } from "~/modules/checkout/fulfilment.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { handleAccountUpdated } from "./connect-events.server.ts";
import {
  handleChargeDisputed,
  handleChargeRefunded,
  handleRefundCreated,
  handleRefundUpdated,
} from "./refund-events.server.ts";
import {
  accountObject,
  chargeObject,
  checkoutSessionObject,
  disputeObject,
  invoiceObject,
  refundObject,
  subscriptionObject,
  testClockObject,
} from "./stripe-event-objects.ts";
import { type HandlerOutcome, handled, ignored } from "./stripe-event-outcomes.ts";
import {
  handleSubscriptionChanged,
  handleSubscriptionCheckoutCompleted,
  handleTestClockReady,
  handleTrialWillEnd,
} from "./subscriptions/events.server.ts";
import { handleInvoiceEvent } from "./subscriptions/invoices.server.ts";

/** What a handler knows about its event besides the object. */
export type EventContext = { id: string; created: number };

/**
 * One event type's handler: the shape of the object it reads (checked when the event arrives, so a
 * malformed one is ignored at once instead of failing every retry) and what it does.
 */
export type StripeEventHandler = {
  schema: z.ZodType;
  handle(object: unknown, event: EventContext): Promise<HandlerOutcome>;
};

function on<T>(schema: z.ZodType<T>, handle: (object: T, event: EventContext) => Promise<HandlerOutcome>) {
  return {
    schema,
    handle: (object: unknown, event: EventContext) => handle(schema.parse(object), event),
  } satisfies StripeEventHandler;
}

/** Why an object does not fit its handler, for the MALFORMED_OBJECT record. */
export function objectProblem(handler: StripeEventHandler, object: unknown): string | null {
  const parsed = handler.schema.safeParse(object);
  return parsed.success ? null : z.prettifyError(parsed.error).slice(0, 2000);
}

async function fulfilPurchase(session: { id: string }): Promise<HandlerOutcome> {
  const result = await fulfilCheckoutSession(session.id);
  if (result.status === "unknown-order") return unknownSession(session.id);
  // "unpaid": an asynchronous payment method; checkout.session.async_payment_succeeded follows.
  return handled;
}

const unknownSession = (id: string) =>
  ignored("UNKNOWN_CHECKOUT_SESSION", `no order of Stapel's was opened for ${id}`);

/**
 * The events Stapel acts on, one handler (and one job task) per type; anything else is stored,
 * ignored as UNSUPPORTED_TYPE and acknowledged. Configure the Stripe endpoint with exactly these.
 */
export const stripeEventHandlers: Partial<Record<Stripe.Event.Type, StripeEventHandler>> = {
  "checkout.session.completed": on(checkoutSessionObject, (session) =>
    session.mode === "subscription" ? handleSubscriptionCheckoutCompleted(session) : fulfilPurchase(session),
  ),
  "checkout.session.async_payment_succeeded": on(checkoutSessionObject, (session) =>
    session.mode === "subscription" ? handleSubscriptionCheckoutCompleted(session) : fulfilPurchase(session),
  ),
  // A delayed payment method (SEPA Direct Debit) failed after the session completed unpaid: the
  // order was never paid and granted nothing; it is closed like an abandoned one.
  "checkout.session.async_payment_failed": on(checkoutSessionObject, async (session) => {
    if (session.mode === "subscription") return handleSubscriptionCheckoutCompleted(session);
    const order = await prisma.order.findUnique({
      where: { stripeCheckoutSessionId: session.id },
      select: { id: true },
    });
    if (!order) return unknownSession(session.id);
    await expireCheckoutOrder(session.id);
    return handled;
  }),
  "checkout.session.expired": on(checkoutSessionObject, async (session) => {
    const order = await prisma.order.findUnique({
      where: { stripeCheckoutSessionId: session.id },
      select: { id: true },
    });
    if (!order) return unknownSession(session.id);
    await expireCheckoutOrder(session.id);
    return handled;
  }),
  "charge.refunded": on(chargeObject, handleChargeRefunded),
  "refund.created": on(refundObject, handleRefundCreated),
  // A pending refund settling (or failing) later: the same recording as its creation.
  "refund.updated": on(refundObject, handleRefundUpdated),
  "charge.dispute.created": on(disputeObject, handleChargeDisputed),

  "customer.subscription.created": on(subscriptionObject, handleSubscriptionChanged),
  "customer.subscription.updated": on(subscriptionObject, handleSubscriptionChanged),
  "customer.subscription.deleted": on(subscriptionObject, handleSubscriptionChanged),
  "customer.subscription.paused": on(subscriptionObject, handleSubscriptionChanged),
  "customer.subscription.resumed": on(subscriptionObject, handleSubscriptionChanged),
  "customer.subscription.trial_will_end": on(subscriptionObject, handleTrialWillEnd),
  "invoice.paid": on(invoiceObject, (invoice) => handleInvoiceEvent(invoice, "paid")),
  "invoice.payment_failed": on(invoiceObject, (invoice) => handleInvoiceEvent(invoice, "payment_failed")),
  "invoice.payment_action_required": on(invoiceObject, (invoice) =>
    handleInvoiceEvent(invoice, "payment_action_required"),
  ),
  "test_helpers.test_clock.ready": on(testClockObject, handleTestClockReady),
  "account.updated": on(accountObject, handleAccountUpdated),
};

export const handledEventTypes = Object.keys(stripeEventHandlers) as Stripe.Event.Type[];
