import type { Prisma } from "~/generated/prisma/client.ts";
import type { Stripe } from "~/integrations/stripe.server.ts";
import { expireCheckoutOrder } from "~/modules/checkout/expire.server.ts";
import { fulfilCheckoutSession } from "~/modules/checkout/fulfilment.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { handleChargeDisputed, handleChargeRefunded, handleRefundCreated } from "./refund-events.server.ts";

type Handler = (event: Stripe.Event) => Promise<void>;

/** The events Stapel acts on; anything else is acknowledged and ignored. */
const handlers: Partial<Record<Stripe.Event.Type, Handler>> = {
  "checkout.session.completed": async (event) => {
    await fulfilCheckoutSession((event.data.object as Stripe.Checkout.Session).id);
  },
  "checkout.session.async_payment_succeeded": async (event) => {
    await fulfilCheckoutSession((event.data.object as Stripe.Checkout.Session).id);
  },
  "checkout.session.expired": async (event) => {
    await expireCheckoutOrder((event.data.object as Stripe.Checkout.Session).id);
  },
  "charge.refunded": async (event) => handleChargeRefunded(event.data.object as Stripe.Charge),
  "refund.created": async (event) => handleRefundCreated(event.data.object as Stripe.Refund),
  "charge.dispute.created": async (event) => handleChargeDisputed(event.data.object as Stripe.Dispute),
};

export type ProcessResult = "handled" | "duplicate" | "ignored";

/**
 * Records the event before doing any work and marks it handled only after success: a crash
 * mid-way is retried by Stripe, and an event already handled is acknowledged without running again.
 * Two deliveries racing each other may both run the handler; every handler is idempotent for that.
 */
export async function processStripeEvent(event: Stripe.Event): Promise<ProcessResult> {
  const payload = JSON.parse(JSON.stringify(event)) as Prisma.InputJsonValue;
  const record = await prisma.stripeEvent.upsert({
    where: { id: event.id },
    create: { id: event.id, type: event.type, payload, attempts: 1 },
    update: { attempts: { increment: 1 } },
  });
  if (record.handledAt) return "duplicate";

  const handler = handlers[event.type];
  if (handler) {
    try {
      await handler(event);
    } catch (error) {
      await prisma.stripeEvent.update({
        where: { id: event.id },
        data: { lastError: String(error).slice(0, 2000) },
      });
      throw error;
    }
  }
  await prisma.stripeEvent.update({
    where: { id: event.id },
    data: { handledAt: new Date(), lastError: null },
  });
  return handler ? "handled" : "ignored";
}
