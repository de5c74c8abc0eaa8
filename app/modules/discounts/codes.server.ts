import {
  ensureListingProduct,
  mirrorDiscountCode,
  setPromotionCodeActive,
} from "~/integrations/stripe-discounts.server.ts";
import { prisma } from "~/utils/db.server.ts";
import type { DiscountFormValue } from "./forms.ts";

/**
 * A shop's discount codes: saved in Stapel, then mirrored to a Stripe coupon + promotion code
 * (`mirrorDiscountCode`), so the same code also works when typed on Stripe's Checkout page. Codes are
 * unique across Stapel while active (Stripe's promotion codes share one namespace per account).
 * Stripe coupons cannot change after creation: a code's terms are fixed; the seller can deactivate it
 * and make a new one. Another shop's code answers "not-found", like a missing one.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export type DiscountRefusal = "not-found" | "code-taken" | "ends-in-past" | "stripe-unavailable";
export type DiscountSaveResult =
  | { ok: true; discountId: string; mirrored: boolean }
  | { ok: false; refusal: DiscountRefusal };

export const discountRefusalMessage: Record<DiscountRefusal, string> = {
  "not-found": "This discount code, listing or plan does not exist.",
  "code-taken": "This code is already in use on Stapel: choose another one.",
  "ends-in-past": "The end date has passed: choose a later one.",
  "stripe-unavailable":
    "Stripe could not be reached: the code is saved but works only once it is sent to Stripe. Try again shortly.",
};

/** What the new-code form can choose from: the shop's listings and plans. */
export async function discountChoices(shopId: string) {
  const [listings, plans] = await Promise.all([
    prisma.listing.findMany({
      where: { shopId, status: { not: "ARCHIVED" } },
      select: { id: true, title: true },
      orderBy: { title: "asc" },
    }),
    prisma.plan.findMany({
      where: { shopId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { listings, plans };
}

export async function listDiscounts(shopId: string) {
  return prisma.discountCode.findMany({
    where: { shopId },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      code: true,
      kind: true,
      percentOff: true,
      amountOff: true,
      currency: true,
      appliesToShop: true,
      maxRedemptions: true,
      redemptionCount: true,
      startsAt: true,
      endsAt: true,
      archivedAt: true,
      stripePromotionCodeId: true,
    },
  });
}

export async function getDiscount(shopId: string, discountId: string) {
  return prisma.discountCode.findFirst({
    where: { id: discountId, shopId },
    include: {
      listings: { select: { listing: { select: { id: true, title: true } } } },
      plans: { select: { plan: { select: { id: true, name: true } } } },
      orders: {
        where: { status: { in: ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"] } },
        orderBy: { createdAt: "desc" },
        take: 50,
        select: {
          id: true,
          email: true,
          totalAmount: true,
          discountAmount: true,
          currency: true,
          paidAt: true,
        },
      },
    },
  });
}

export async function createDiscount(
  shopId: string,
  value: DiscountFormValue,
  now = new Date(),
): Promise<DiscountSaveResult> {
  const endsAt = value.endsAt ? new Date(value.endsAt.getTime() + DAY_MS) : null;
  if (endsAt && endsAt <= now) return { ok: false, refusal: "ends-in-past" };
  const created = await prisma.$transaction(async (tx) => {
    const selectedListings = value.scope === "selected" ? value.listingIds : [];
    const selectedPlans = value.scope === "selected" ? value.planIds : [];
    const [listings, plans] = await Promise.all([
      tx.listing.count({ where: { shopId, id: { in: selectedListings } } }),
      tx.plan.count({ where: { shopId, id: { in: selectedPlans } } }),
    ]);
    if (listings !== selectedListings.length || plans !== selectedPlans.length) return "not-found" as const;
    const taken = await tx.discountCode.count({ where: { code: value.code, archivedAt: null } });
    if (taken > 0) return "code-taken" as const;
    return tx.discountCode.create({
      data: {
        shopId,
        code: value.code,
        kind: value.kind,
        percentOff: value.percentOff,
        amountOff: value.amountOff,
        currency: value.currency,
        appliesToShop: value.scope === "shop",
        durationInMonths: value.durationInMonths,
        maxRedemptions: value.maxRedemptions,
        startsAt: value.startsAt,
        endsAt,
        listings: { create: selectedListings.map((listingId) => ({ listingId })) },
        plans: { create: selectedPlans.map((planId) => ({ planId })) },
      },
      select: { id: true },
    });
  });
  if (typeof created === "string") return { ok: false, refusal: created };
  const mirrored = await syncDiscountToStripe(created.id, now);
  return { ok: true, discountId: created.id, mirrored };
}

/**
 * Creates the code's coupon and promotion code at Stripe when they are missing (the first save, or a
 * save while Stripe was unreachable), and turns a code whose start date has come on. Safe to repeat:
 * idempotency keys and ids derive from the code's id. Returns whether Stripe has the code.
 */
export async function syncDiscountToStripe(discountId: string, now = new Date()): Promise<boolean> {
  const discount = await prisma.discountCode.findUniqueOrThrow({
    where: { id: discountId },
    include: {
      listings: { select: { listing: { select: { id: true, title: true, shopId: true } } } },
      plans: { select: { plan: { select: { stripeProductId: true } } } },
    },
  });
  const started = !discount.startsAt || discount.startsAt <= now;
  try {
    if (discount.stripePromotionCodeId) {
      if (started && !discount.archivedAt) await setPromotionCodeActive(discount.stripePromotionCodeId, true);
      return true;
    }
    // A whole-shop code covers the shop's listings and plans as they are now (coupons cannot change).
    const listings = discount.appliesToShop
      ? await prisma.listing.findMany({
          where: { shopId: discount.shopId },
          select: { id: true, title: true, shopId: true },
        })
      : discount.listings.map((row) => row.listing);
    const planProducts = discount.appliesToShop
      ? (
          await prisma.plan.findMany({
            where: { shopId: discount.shopId, stripeProductId: { not: null } },
            select: { stripeProductId: true },
          })
        ).map((plan) => plan.stripeProductId as string)
      : discount.plans.flatMap((row) => (row.plan.stripeProductId ? [row.plan.stripeProductId] : []));
    const productIds = [...(await Promise.all(listings.map(ensureListingProduct))), ...planProducts];
    const mirrored = await mirrorDiscountCode({
      discountId: discount.id,
      shopId: discount.shopId,
      code: discount.code,
      percentOff: discount.percentOff,
      amountOff: discount.amountOff,
      currency: discount.currency,
      durationInMonths: discount.durationInMonths,
      maxRedemptions: discount.maxRedemptions,
      endsAt: discount.endsAt,
      active: started && !discount.archivedAt,
      productIds,
    });
    await prisma.discountCode.update({
      where: { id: discount.id },
      data: { stripeCouponId: mirrored.couponId, stripePromotionCodeId: mirrored.promotionCodeId },
    });
    return true;
  } catch (error) {
    console.warn(
      `Could not send discount code ${discount.id} to Stripe:`,
      error instanceof Error ? error.message.split("\n")[0] : error,
    );
    return false;
  }
}

/** Deactivates (archives) or reactivates a code, here and at Stripe. */
export async function setDiscountActive(
  shopId: string,
  discountId: string,
  active: boolean,
): Promise<{ ok: true } | { ok: false; refusal: DiscountRefusal }> {
  const discount = await prisma.discountCode.findFirst({ where: { id: discountId, shopId } });
  if (!discount) return { ok: false, refusal: "not-found" };
  if (active && discount.archivedAt) {
    const taken = await prisma.discountCode.count({
      where: { code: discount.code, archivedAt: null, id: { not: discount.id } },
    });
    if (taken > 0) return { ok: false, refusal: "code-taken" };
  }
  if (discount.stripePromotionCodeId) {
    try {
      await setPromotionCodeActive(discount.stripePromotionCodeId, active);
    } catch (error) {
      console.warn(
        `Could not update promotion code ${discount.stripePromotionCodeId}:`,
        error instanceof Error ? error.message : error,
      );
      return { ok: false, refusal: "stripe-unavailable" };
    }
  }
  await prisma.discountCode.update({
    where: { id: discount.id },
    data: { archivedAt: active ? null : new Date() },
  });
  return { ok: true };
}
