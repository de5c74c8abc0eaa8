import { describeStripeFailure } from "~/integrations/stripe-catalog.server.ts";
import {
  type ConnectAccountState,
  createExpressAccount,
  createOnboardingLink,
  retrieveConnectAccount,
} from "~/integrations/stripe-connect.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { type PaymentsReadiness, type ShopConnectState, shopPaymentsReadiness } from "./readiness.ts";

const CONNECT_FIELDS = {
  stripeAccountId: true,
  stripeChargesEnabled: true,
  stripePayoutsEnabled: true,
  stripeDetailsSubmitted: true,
  stripeRequirementsDue: true,
  stripeDisabledReason: true,
} as const;

export type PayoutsView = ShopConnectState & { readiness: PaymentsReadiness };

export async function loadPayouts(shopId: string): Promise<PayoutsView | null> {
  const shop = await prisma.shop.findUnique({ where: { id: shopId }, select: CONNECT_FIELDS });
  return shop && { ...shop, readiness: shopPaymentsReadiness(shop) };
}

const shopFields = (state: ConnectAccountState) => ({
  stripeChargesEnabled: state.chargesEnabled,
  stripePayoutsEnabled: state.payoutsEnabled,
  stripeDetailsSubmitted: state.detailsSubmitted,
  stripeRequirementsDue: state.requirementsDue,
  stripeDisabledReason: state.disabledReason,
});

/** Saves Stripe's view of an account on the shop it belongs to; false when no shop has it. */
export async function applyAccountState(state: ConnectAccountState): Promise<boolean> {
  const { count } = await prisma.shop.updateMany({
    where: { stripeAccountId: state.accountId },
    data: shopFields(state),
  });
  return count > 0;
}

export type StartOnboardingResult =
  | { kind: "redirect"; url: string }
  | { kind: "stripe-unavailable"; message: string }
  | { kind: "no-shop" };

/**
 * Sends the seller to Stripe's hosted onboarding: creates the shop's Express account the first time
 * (once: see createExpressAccount's idempotency key), then a fresh account link, which works once.
 */
export async function startOnboarding(shopId: string): Promise<StartOnboardingResult> {
  const shop = await prisma.shop.findUnique({
    where: { id: shopId },
    select: { id: true, stripeAccountId: true, owner: { select: { email: true } } },
  });
  if (!shop) return { kind: "no-shop" };
  try {
    let accountId = shop.stripeAccountId;
    if (!accountId) {
      const state = await createExpressAccount({ shopId: shop.id, email: shop.owner.email });
      // Only the first save wins: a concurrent start got the same account from Stripe anyway.
      await prisma.shop.updateMany({
        where: { id: shop.id, stripeAccountId: null },
        data: { stripeAccountId: state.accountId, ...shopFields(state) },
      });
      accountId = state.accountId;
    }
    const appUrl = env().APP_URL;
    const url = await createOnboardingLink(accountId, {
      refreshUrl: `${appUrl}/dashboard/payouts/refresh`,
      returnUrl: `${appUrl}/dashboard/payouts/return`,
    });
    return { kind: "redirect", url };
  } catch (error) {
    console.warn(`Stripe refused Connect onboarding for shop ${shop.id}:`, describeStripeFailure(error));
    return { kind: "stripe-unavailable", message: describeStripeFailure(error) };
  }
}

/**
 * Reads the account from Stripe and saves it on the shop: the return page does this so the seller
 * sees the outcome at once, whether or not `account.updated` has arrived yet.
 */
export async function refreshShopAccount(
  shopId: string,
): Promise<"refreshed" | "no-account" | "stripe-unavailable"> {
  const shop = await prisma.shop.findUnique({ where: { id: shopId }, select: { stripeAccountId: true } });
  if (!shop?.stripeAccountId) return "no-account";
  try {
    await applyAccountState(await retrieveConnectAccount(shop.stripeAccountId));
    return "refreshed";
  } catch (error) {
    console.warn(`Could not read Connect account of shop ${shopId}:`, describeStripeFailure(error));
    return "stripe-unavailable";
  }
}
