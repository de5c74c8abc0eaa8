import { z } from "zod";
import type { Stripe } from "~/integrations/stripe.server.ts";
import { expireCheckoutOrder } from "~/modules/checkout/expire.server.ts";
import { fulfilCheckoutSession } from "~/modules/checkout/fulfilment.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { handleChargeDisputed, handleChargeRefunded, handleRefundCreated } from "./refund-events.server.ts";
import { chargeObject, checkoutSessionObject, disputeObject, refundObject } from "./stripe-event-objects.ts";
import {
  type HandlerOutcome,
  handled,
  ignored,
  isDataException,
  type StripeEventIgnoreReason,
} from "./stripe-event-outcomes.ts";
import { type ReceivedEvent, sanitiseText } from "./stripe-event-payload.ts";

type Handler = (object: unknown) => Promise<HandlerOutcome>;

/** A handler for objects of one shape; an object of another shape is ignored as malformed. */
function expecting<T>(schema: z.ZodType<T>, handle: (object: T) => Promise<HandlerOutcome>): Handler {
  return async (object) => {
    const parsed = schema.safeParse(object);
    if (!parsed.success) return ignored("MALFORMED_OBJECT", z.prettifyError(parsed.error).slice(0, 2000));
    return handle(parsed.data);
  };
}

async function fulfil(session: { id: string }): Promise<HandlerOutcome> {
  const result = await fulfilCheckoutSession(session.id);
  if (result.status === "unknown-order") return unknownSession(session.id);
  // "unpaid": an asynchronous payment method; checkout.session.async_payment_succeeded follows.
  return handled;
}

const unknownSession = (id: string) =>
  ignored("UNKNOWN_CHECKOUT_SESSION", `no order of Stapel's was opened for ${id}`);

/** The events Stapel acts on; anything else is stored, ignored as UNSUPPORTED_TYPE and acknowledged. */
const handlers: Partial<Record<Stripe.Event.Type, Handler>> = {
  "checkout.session.completed": expecting(checkoutSessionObject, fulfil),
  "checkout.session.async_payment_succeeded": expecting(checkoutSessionObject, fulfil),
  "checkout.session.expired": expecting(checkoutSessionObject, async (session) => {
    const order = await prisma.order.findUnique({
      where: { stripeCheckoutSessionId: session.id },
      select: { id: true },
    });
    if (!order) return unknownSession(session.id);
    await expireCheckoutOrder(session.id);
    return handled;
  }),
  "charge.refunded": expecting(chargeObject, handleChargeRefunded),
  "refund.created": expecting(refundObject, handleRefundCreated),
  "charge.dispute.created": expecting(disputeObject, handleChargeDisputed),
};

export type ProcessOutcome =
  | { kind: "handled" }
  /** Handled or ignored before: acknowledged without running again. */
  | { kind: "duplicate" }
  /** Can never be processed: stored as IGNORED with the reason, to be acknowledged. */
  | { kind: "ignored"; reason: StripeEventIgnoreReason }
  /** Failed in a way a retry may fix (database or Stripe unreachable, a bug): Stripe should retry. */
  | { kind: "failed"; error: unknown };

/** Error text for the lastError column, which must not hold what PostgreSQL cannot store either. */
const errorText = (error: unknown) =>
  sanitiseText(String(error instanceof Error ? error.message : error)).slice(0, 2000);

/**
 * Records the event before doing any work (conflict-safe on its id) and settles it only after the
 * handler returned: HANDLED, or IGNORED with a reason when it can never be processed. A failure
 * leaves it RECEIVED with lastError, and Stripe's retry runs it again; a settled event is
 * acknowledged without running again. Two deliveries racing each other may both run the handler;
 * every handler is idempotent for that.
 */
export async function processStripeEvent(event: ReceivedEvent): Promise<ProcessOutcome> {
  try {
    const record = await prisma.stripeEvent.upsert({
      where: { id: event.id },
      create: {
        id: event.id,
        type: event.type,
        payload: event.payload,
        payloadSanitised: event.sanitised,
        attempts: 1,
      },
      update: { attempts: { increment: 1 } },
      select: { status: true },
    });
    if (record.status !== "RECEIVED") return { kind: "duplicate" };

    const outcome = await runHandler(event);
    if (outcome instanceof Failure) {
      await prisma.stripeEvent
        .update({ where: { id: event.id }, data: { lastError: errorText(outcome.error) } })
        .catch(() => {}); // the database may be what failed; Stripe's retry is what matters
      return { kind: "failed", error: outcome.error };
    }
    if (outcome.kind === "ignored") {
      await prisma.stripeEvent.update({
        where: { id: event.id },
        data: { status: "IGNORED", ignoreReason: outcome.reason, lastError: sanitiseText(outcome.detail) },
      });
      return { kind: "ignored", reason: outcome.reason };
    }
    await prisma.stripeEvent.update({
      where: { id: event.id },
      data: { status: "HANDLED", handledAt: new Date(), lastError: null },
    });
    return { kind: "handled" };
  } catch (error) {
    return { kind: "failed", error };
  }
}

class Failure {
  constructor(readonly error: unknown) {}
}

async function runHandler(event: ReceivedEvent): Promise<HandlerOutcome | Failure> {
  const handler = handlers[event.type as Stripe.Event.Type];
  if (!handler) return ignored("UNSUPPORTED_TYPE", `Stapel does not act on ${event.type}`);
  try {
    return await handler(event.object);
  } catch (error) {
    if (isDataException(error)) return ignored("INVALID_DATA", errorText(error));
    return new Failure(error);
  }
}
