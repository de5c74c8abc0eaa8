import { prisma } from "~/utils/db.server.ts";
import { platformFeeBps } from "./platform-fee.server.ts";
import { shopPaymentsReadiness } from "./readiness.ts";

export type ConnectDestination = { accountId: string; feeBps: number };

/**
 * Where a plan's subscription payments go: the shop's connected account and its fee rate, or null
 * while the shop cannot take charges (the platform then collects, as before Connect).
 */
export async function planConnectDestination(planId: string): Promise<ConnectDestination | null> {
  const plan = await prisma.plan.findUnique({
    where: { id: planId },
    select: {
      shop: {
        select: {
          platformFeeBps: true,
          stripeAccountId: true,
          stripeChargesEnabled: true,
          stripePayoutsEnabled: true,
          stripeDetailsSubmitted: true,
          stripeRequirementsDue: true,
          stripeDisabledReason: true,
        },
      },
    },
  });
  const shop = plan?.shop;
  if (!shop?.stripeAccountId || !shopPaymentsReadiness(shop).canTakeCharges) return null;
  return { accountId: shop.stripeAccountId, feeBps: platformFeeBps(shop) };
}
