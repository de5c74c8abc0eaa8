import type { Stripe } from "~/integrations/stripe.server.ts";
import { prisma, type Tx } from "~/utils/db.server.ts";
import { formatMoney } from "~/utils/money.ts";

/**
 * A code entered on a listing page, checked by Stapel before Checkout opens (so the buyer reads why
 * in our words), and the redemption recorded when the order is paid. Stripe checks the same code
 * again when the session is created (the promotion code carries the limits too).
 */

export type CodeRefusal =
  | "unknown"
  | "not-yet-valid"
  | "expired"
  | "used-up"
  | "not-for-listing"
  | "wrong-currency"
  | "below-minimum-charge"
  | "not-ready";

export type CodeCheck =
  | {
      ok: true;
      discountCodeId: string;
      code: string;
      stripePromotionCodeId: string;
      /** The code had a start date: its Stripe promotion code may still be inactive. */
      hadStartDate: boolean;
      /** What the code takes off this price (minor units, the price's currency). */
      amountOff: number;
    }
  | { ok: false; refusal: CodeRefusal; message: string };

const day = (date: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);

/** The smallest amount Stripe charges in EUR and USD; a discount may make a price free, not smaller. */
const MIN_CHARGE = 50;

/** The checks every code passes whatever it is used on: it exists in the shop, is within its dates and not used up. */
async function findUsableCode(shopId: string, code: string, now: Date) {
  const discount = await prisma.discountCode.findFirst({
    where: { shopId, code, archivedAt: null },
    include: { listings: { select: { listingId: true } }, plans: { select: { planId: true } } },
  });
  const refuse = (refusal: "unknown" | "not-yet-valid" | "expired" | "used-up", message: string) =>
    ({ ok: false, refusal, message }) as const;
  if (!discount) return refuse("unknown", `There is no discount code ${code} in this shop.`);
  if (discount.startsAt && discount.startsAt > now)
    return refuse("not-yet-valid", `The code ${code} can be used from ${day(discount.startsAt)}.`);
  if (discount.endsAt && discount.endsAt <= now) {
    const lastDay = new Date(discount.endsAt.getTime() - 1);
    return refuse("expired", `The code ${code} expired: it was valid until ${day(lastDay)}.`);
  }
  if (discount.maxRedemptions !== null && discount.redemptionCount >= discount.maxRedemptions)
    return refuse("used-up", `The code ${code} has been used as many times as it allows.`);
  return { ok: true, discount } as const;
}

/** A fixed amount is in one currency: the code names it when the price is in another. */
const wrongCurrencyMessage = (
  code: string,
  discount: { amountOff: number | null; currency: string | null },
  advice: string,
) =>
  `The code ${code} takes ${formatMoney({ amount: discount.amountOff ?? 0, currency: discount.currency ?? "EUR" })} off prices in ${discount.currency}; ${advice}`;

const notReady = (code: string) =>
  ({
    ok: false,
    refusal: "not-ready",
    message: `The code ${code} cannot be used right now; please try again shortly.`,
  }) as const;

export async function checkDiscountCode(input: {
  shopId: string;
  listing: { id: string; createdAt: Date };
  code: string;
  currency: string;
  subtotal: number;
  now?: Date;
}): Promise<CodeCheck> {
  const now = input.now ?? new Date();
  const code = input.code.trim().toUpperCase();
  const usable = await findUsableCode(input.shopId, code, now);
  if (!usable.ok) return usable;
  const { discount } = usable;
  const covers = discount.appliesToShop
    ? input.listing.createdAt <= discount.createdAt
    : discount.listings.some((row) => row.listingId === input.listing.id);
  if (!covers) {
    return {
      ok: false,
      refusal: "not-for-listing",
      message: discount.appliesToShop
        ? `The code ${code} covers the listings the shop had when it was made, not this newer one.`
        : `The code ${code} does not apply to this listing.`,
    };
  }
  if (discount.kind === "FIXED" && discount.currency !== input.currency) {
    return {
      ok: false,
      refusal: "wrong-currency",
      message: wrongCurrencyMessage(code, discount, `pay in ${discount.currency} to use it.`),
    };
  }
  const amountOff =
    discount.kind === "PERCENT"
      ? Math.round((input.subtotal * (discount.percentOff ?? 0)) / 100)
      : Math.min(discount.amountOff ?? 0, input.subtotal);
  const left = input.subtotal - amountOff;
  if (left > 0 && left < MIN_CHARGE) {
    return {
      ok: false,
      refusal: "below-minimum-charge",
      message: `With the code ${code} the price would be below ${formatMoney({ amount: MIN_CHARGE, currency: input.currency })}, the least a card payment can be.`,
    };
  }
  if (!discount.stripePromotionCodeId) return notReady(code);
  return {
    ok: true,
    discountCodeId: discount.id,
    code,
    stripePromotionCodeId: discount.stripePromotionCodeId,
    hadStartDate: discount.startsAt !== null,
    amountOff,
  };
}

/**
 * At the moment an order becomes paid (once per order, under its row lock): which of the shop's codes
 * the session used (entered on our page, or typed on Stripe's, found by its promotion code), what it
 * took off (`total_details.amount_discount`), and one more redemption of that code. A code of
 * another shop cannot appear (coupons are limited to the shop's products); if one did, it is not
 * counted for this shop.
 */
export async function recordRedemption(
  tx: Tx,
  order: { id: string; shopId: string; discountCodeId: string | null },
  session: Stripe.Checkout.Session,
): Promise<{ discountCodeId: string | null; discountAmount: number }> {
  const discountAmount = session.total_details?.amount_discount ?? 0;
  const promotion = session.discounts?.[0]?.promotion_code;
  const promotionId = typeof promotion === "string" ? promotion : (promotion?.id ?? null);
  let discountCodeId = order.discountCodeId;
  if (promotionId) {
    const used = await tx.discountCode.findFirst({
      where: { stripePromotionCodeId: promotionId, shopId: order.shopId },
      select: { id: true },
    });
    discountCodeId = used?.id ?? null;
  } else if (discountAmount === 0) {
    discountCodeId = null;
  }
  if (discountCodeId) {
    await tx.discountCode.update({
      where: { id: discountCodeId },
      data: { redemptionCount: { increment: 1 } },
    });
  }
  return { discountCodeId, discountAmount };
}

export type PlanCodeCheck =
  | { ok: true; discountCodeId: string; code: string; stripePromotionCodeId: string }
  | {
      ok: false;
      refusal: Exclude<CodeRefusal, "not-for-listing" | "below-minimum-charge"> | "not-for-plan";
      message: string;
    };

/**
 * A code entered on a plan page: of the plan's shop, for this plan or the whole shop, within its
 * dates and not used up. How many billing cycles it lasts is the Stripe coupon's `duration` (from
 * `durationInMonths`); Stripe applies it to the first invoice and the renewals it covers.
 */
export async function checkPlanDiscountCode(input: {
  shopId: string;
  planId: string;
  code: string;
  currency: string;
  now?: Date;
}): Promise<PlanCodeCheck> {
  const now = input.now ?? new Date();
  const code = input.code.trim().toUpperCase();
  const usable = await findUsableCode(input.shopId, code, now);
  if (!usable.ok) return usable;
  const { discount } = usable;
  if (!discount.appliesToShop && !discount.plans.some((row) => row.planId === input.planId)) {
    return { ok: false, refusal: "not-for-plan", message: `The code ${code} does not apply to this plan.` };
  }
  if (discount.kind === "FIXED" && discount.currency !== input.currency) {
    return {
      ok: false,
      refusal: "wrong-currency",
      message: wrongCurrencyMessage(code, discount, `choose a ${discount.currency} price to use it.`),
    };
  }
  if (!discount.stripePromotionCodeId) return notReady(code);
  return {
    ok: true,
    discountCodeId: discount.id,
    code,
    stripePromotionCodeId: discount.stripePromotionCodeId,
  };
}
