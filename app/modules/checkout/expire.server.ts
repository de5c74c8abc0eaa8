import { prisma } from "~/utils/db.server.ts";

/** An abandoned Checkout Session: its order stays on record as EXPIRED, granting nothing. */
export async function expireCheckoutOrder(sessionId: string): Promise<void> {
  await prisma.order.updateMany({
    where: { stripeCheckoutSessionId: sessionId, status: "PENDING" },
    data: { status: "EXPIRED" },
  });
}
