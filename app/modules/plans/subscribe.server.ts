import {
  createSubscriptionCheckoutSession,
  describeStripeFailure,
} from "~/integrations/stripe-catalog.server.ts";
import { checkPlanDiscountCode } from "~/modules/discounts/redeem.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { findLiveSubscription } from "./storefront.server.ts";
import { syncPlanToStripe } from "./stripe-sync.server.ts";

export type StartSubscriptionResult =
  | { kind: "redirect-to-stripe"; url: string }
  | { kind: "not-found" }
  | { kind: "plan-archived" }
  | { kind: "price-retired"; planPath: string }
  | { kind: "already-subscribed" }
  | { kind: "payments-unavailable" }
  /** The code entered next to Subscribe cannot be used; nothing was opened at Stripe. */
  | { kind: "code-refused"; refusal: string; message: string };

/** Where a plan lives on the storefront. */
export const planPath = (handle: string, planId: string) => `/s/${handle}/plans/${planId}`;

/**
 * Opens a Stripe Checkout Session in subscription mode for one price of a plan. Nothing is written
 * here: the subscription exists once Stripe says so (the success page and the webhook fulfil it
 * from the session's metadata), so an abandoned checkout leaves nothing behind.
 */
export async function startSubscriptionCheckout(
  user: { id: string; email: string },
  planPriceId: string,
  discountCode?: string,
): Promise<StartSubscriptionResult> {
  const price = await findPrice(planPriceId);
  if (!price) return { kind: "not-found" };
  const path = planPath(price.plan.shop.handle, price.plan.id);
  if (price.plan.archivedAt) return { kind: "plan-archived" };
  if (price.archivedAt) return { kind: "price-retired", planPath: path };
  if (await findLiveSubscription(user.id, price.plan.id)) return { kind: "already-subscribed" };

  // Checked before Stripe is asked, so the subscriber reads why in our words (Stripe checks again).
  let promotionCode: string | null = null;
  if (discountCode) {
    const check = await checkPlanDiscountCode({
      shopId: price.plan.shop.id,
      planId: price.plan.id,
      code: discountCode,
      currency: price.currency,
    });
    if (!check.ok) return { kind: "code-refused", refusal: check.refusal, message: check.message };
    promotionCode = check.stripePromotionCodeId;
  }

  let stripePriceId = price.stripePriceId;
  if (!stripePriceId) {
    // Saved while Stripe was unreachable, or seeded before the start-up sync: sync it now.
    await syncPlanToStripe(price.plan.id);
    stripePriceId = (await findPrice(planPriceId))?.stripePriceId ?? null;
    if (!stripePriceId) return { kind: "payments-unavailable" };
  }

  const customer = await prisma.user.findUnique({
    where: { id: user.id },
    select: { stripeCustomerId: true },
  });
  const appUrl = env().APP_URL;
  try {
    const session = await createSubscriptionCheckoutSession({
      userId: user.id,
      email: user.email,
      stripeCustomerId: customer?.stripeCustomerId ?? null,
      planId: price.plan.id,
      planPriceId: price.id,
      stripePriceId,
      trialDays: price.plan.trialDays,
      promotionCode,
      successUrl: `${appUrl}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${appUrl}${path}?checkout=cancelled`,
    });
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
    return { kind: "redirect-to-stripe", url: session.url };
  } catch (error) {
    console.warn(
      `Stripe refused a subscription checkout for plan price ${price.id}: ${describeStripeFailure(error)}`,
    );
    return { kind: "payments-unavailable" };
  }
}

/** The page of the plan a price belongs to, or null for a price that does not exist. */
export async function planPathForPrice(planPriceId: string): Promise<string | null> {
  const price = await findPrice(planPriceId);
  return price ? planPath(price.plan.shop.handle, price.plan.id) : null;
}

function findPrice(planPriceId: string) {
  return prisma.planPrice.findUnique({
    where: { id: planPriceId },
    select: {
      id: true,
      archivedAt: true,
      stripePriceId: true,
      currency: true,
      plan: {
        select: {
          id: true,
          archivedAt: true,
          trialDays: true,
          shop: { select: { id: true, handle: true } },
        },
      },
    },
  });
}
