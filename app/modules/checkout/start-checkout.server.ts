import { type Stripe, stripe } from "~/integrations/stripe.server.ts";
import { hasActiveEntitlement } from "~/modules/delivery/entitlements.server.ts";
import { platformFeeAmount, platformFeeBps } from "~/modules/payouts/platform-fee.server.ts";
import { shopPaymentsReadiness } from "~/modules/payouts/readiness.ts";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";

export type StartCheckoutResult =
  | { kind: "redirect-to-stripe"; url: string }
  | { kind: "already-owned" }
  | { kind: "not-for-sale" }
  /** The shop's connected account cannot take charges (onboarding unfinished, or Stripe disabled it). */
  | { kind: "shop-cannot-take-payments" }
  | { kind: "payments-unavailable" };

/**
 * Records a PENDING order for the listing, then opens a Stripe Checkout Session for it. The order
 * id rides along as client_reference_id and metadata, so fulfilment can always find its order.
 * The payment is a destination charge: the money goes to the shop's connected account, less the
 * platform fee taken as `application_fee_amount` (ADR 19).
 */
export async function startCheckout(
  buyer: { id: string; email: string },
  listingId: string,
): Promise<StartCheckoutResult> {
  const listing = await prisma.listing.findFirst({
    where: { id: listingId, status: "PUBLISHED" },
    select: {
      id: true,
      slug: true,
      title: true,
      tagline: true,
      priceAmount: true,
      currency: true,
      shopId: true,
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
  if (!listing) return { kind: "not-for-sale" };
  if (await hasActiveEntitlement(buyer.id, listing.id)) return { kind: "already-owned" };
  const destination = listing.shop.stripeAccountId;
  if (!destination || !shopPaymentsReadiness(listing.shop).canTakeCharges) {
    return { kind: "shop-cannot-take-payments" };
  }
  const platformFee = platformFeeAmount(listing.priceAmount, platformFeeBps(listing.shop));

  const order = await prisma.order.create({
    data: {
      shopId: listing.shopId,
      buyerId: buyer.id,
      email: buyer.email,
      currency: listing.currency,
      subtotalAmount: listing.priceAmount,
      totalAmount: listing.priceAmount,
      platformFeeAmount: platformFee,
      destinationAccountId: destination,
      items: {
        create: {
          listingId: listing.id,
          title: listing.title,
          unitAmount: listing.priceAmount,
          currency: listing.currency,
        },
      },
    },
  });

  const appUrl = env().APP_URL;
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe().checkout.sessions.create(
      {
        mode: "payment",
        client_reference_id: order.id,
        customer_email: buyer.email,
        metadata: { orderId: order.id },
        payment_intent_data: {
          metadata: { orderId: order.id },
          application_fee_amount: platformFee,
          transfer_data: { destination },
        },
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: listing.currency.toLowerCase(),
              unit_amount: listing.priceAmount,
              product_data: { name: listing.title, description: listing.tagline },
            },
          },
        ],
        success_url: `${appUrl}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${appUrl}/p/${listing.slug}?checkout=cancelled`,
      },
      { idempotencyKey: `checkout:order:${order.id}` },
    );
  } catch (error) {
    // The order never reached Stripe: close it so it cannot be mistaken for an open checkout.
    console.warn(
      `Stripe refused checkout for order ${order.id}:`,
      error instanceof Error ? error.message : error,
    );
    await prisma.order.update({ where: { id: order.id }, data: { status: "EXPIRED" } });
    return { kind: "payments-unavailable" };
  }
  await prisma.order.update({ where: { id: order.id }, data: { stripeCheckoutSessionId: session.id } });
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
  return { kind: "redirect-to-stripe", url: session.url };
}
