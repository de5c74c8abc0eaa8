import { type Stripe, stripe } from "~/integrations/stripe.server.ts";
import { ensureListingProduct, setPromotionCodeActive } from "~/integrations/stripe-discounts.server.ts";
import { hasActiveEntitlement } from "~/modules/delivery/entitlements.server.ts";
import { type CodeRefusal, checkDiscountCode } from "~/modules/discounts/redeem.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { platformFeeAmount, platformFeeBps } from "~/modules/payouts/platform-fee.server.ts";
import { shopPaymentsReadiness } from "~/modules/payouts/readiness.ts";
import { type PurchaseRefusal, resolvePurchase } from "~/modules/pricing/offer.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";

export type StartCheckoutResult =
  | { kind: "redirect-to-stripe"; url: string }
  | { kind: "already-owned" }
  | { kind: "not-for-sale" }
  /** The shop's connected account cannot take charges (onboarding unfinished, or Stripe disabled it). */
  | { kind: "shop-cannot-take-payments" }
  | { kind: "payments-unavailable" }
  /** The tier, currency or amount chosen cannot be bought (a free listing is claimed, not bought). */
  | ({ kind: "price-refused" } & PurchaseRefusal)
  /** The discount code entered cannot be used for this purchase, with the buyer's reason. */
  | { kind: "code-refused"; refusal: CodeRefusal; message: string };

/** What the buyer chose in the buy box; every part optional (see `resolvePurchase`). */
export type PurchaseChoice = {
  tierId?: string;
  currency?: string;
  amount?: number | null;
  code?: string;
  acceptLanguage?: string | null;
  /** The buyer's interface language: Stripe's page and the receipt email use it. */
  language?: Language;
};

/**
 * Records a PENDING order for the listing (its tier, licence text, currency, amount and the
 * discount code the buyer entered), then opens a Stripe Checkout Session for it. The order id rides
 * along as client_reference_id and metadata, so fulfilment can always find its order. The payment
 * is a destination charge: the money goes to the shop's connected account, less the platform fee
 * taken as `application_fee_amount` on what the buyer pays after the discount (ADR 19). A code
 * entered here is checked by Stapel first and passed as `discounts[].promotion_code`; without one,
 * Stripe's page offers its own code field (`allow_promotion_codes`).
 */
export async function startCheckout(
  buyer: { id: string; email: string },
  listingId: string,
  choice: PurchaseChoice = {},
): Promise<StartCheckoutResult> {
  const listing = await prisma.listing.findFirst({
    where: { id: listingId, status: "PUBLISHED", takenDownAt: null },
    select: {
      id: true,
      slug: true,
      title: true,
      tagline: true,
      priceAmount: true,
      currency: true,
      shopId: true,
      createdAt: true,
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
  const line = await resolvePurchase(listing, {
    tierId: choice.tierId,
    currency: choice.currency,
    amount: choice.amount ?? undefined,
    acceptLanguage: choice.acceptLanguage ?? null,
  });
  if (!line.ok)
    return { kind: "price-refused", refusal: line.refusal, message: line.message } as StartCheckoutResult;
  const destination = listing.shop.stripeAccountId;
  if (!destination || !shopPaymentsReadiness(listing.shop).canTakeCharges) {
    return { kind: "shop-cannot-take-payments" };
  }
  const discount = choice.code
    ? await checkDiscountCode({
        shopId: listing.shopId,
        listing,
        code: choice.code,
        currency: line.currency,
        subtotal: line.unitAmount,
      })
    : null;
  if (discount && !discount.ok)
    return { kind: "code-refused", refusal: discount.refusal, message: discount.message };
  const discountAmount = discount?.ok ? discount.amountOff : 0;
  const total = line.unitAmount - discountAmount;
  const platformFee = platformFeeAmount(total, platformFeeBps(listing.shop));

  const order = await prisma.order.create({
    data: {
      shopId: listing.shopId,
      buyerId: buyer.id,
      email: buyer.email,
      currency: line.currency,
      subtotalAmount: line.unitAmount,
      discountAmount,
      totalAmount: total,
      discountCodeId: discount?.ok ? discount.discountCodeId : null,
      platformFeeAmount: platformFee,
      destinationAccountId: destination,
      items: {
        create: {
          listingId: listing.id,
          title: listing.title,
          unitAmount: line.unitAmount,
          currency: line.currency,
          licenseTierId: line.tier?.id ?? null,
          tierName: line.tier?.name ?? null,
          licenseText: line.tier?.licenseText ?? "",
        },
      },
    },
  });

  const appUrl = env().APP_URL;
  let session: Stripe.Checkout.Session;
  try {
    const product = await ensureListingProduct(listing);
    // A code with a start date was created inactive at Stripe; Stapel just found it valid.
    if (discount?.ok && discount.hadStartDate)
      await setPromotionCodeActive(discount.stripePromotionCodeId, true);
    session = await stripe().checkout.sessions.create(
      {
        mode: "payment",
        client_reference_id: order.id,
        customer_email: buyer.email,
        // `lang` tells fulfilment (webhook or success page) which language the receipt is in.
        metadata: { orderId: order.id, ...(choice.language ? { lang: choice.language } : {}) },
        ...(choice.language ? { locale: choice.language } : {}),
        payment_intent_data: {
          metadata: { orderId: order.id },
          application_fee_amount: platformFee,
          transfer_data: { destination },
        },
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: line.currency.toLowerCase(),
              unit_amount: line.unitAmount,
              product,
            },
          },
        ],
        ...(discount?.ok
          ? { discounts: [{ promotion_code: discount.stripePromotionCodeId }] }
          : { allow_promotion_codes: true }),
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
