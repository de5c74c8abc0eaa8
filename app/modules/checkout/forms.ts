import { z } from "zod";
import { amountField, currencyField } from "~/modules/pricing/money-input.ts";
import { recordId, text } from "~/utils/schemas.ts";

/**
 * The buy box's form (POST /checkout): the listing, and optionally the licence tier, the currency,
 * the amount a buyer pays when it is pay what you want, and a discount code. Left out, checkout
 * takes the first tier, the buyer's currency and the suggested amount (see `resolvePurchase`).
 */
export const CheckoutSchema = z.object({
  listingId: recordId("listing"),
  tierId: recordId("tier").optional(),
  currency: currencyField().optional(),
  amount: amountField("Your price", { min: 0 }),
  code: text({ max: 40, label: "Discount code" })
    .optional()
    .transform((value, context) => {
      const code = value?.trim().toUpperCase() ?? "";
      if (code === "") return undefined;
      if (!/^[A-Z0-9_-]+$/.test(code)) {
        context.addIssue({
          code: "custom",
          message: "A discount code has only letters, digits, hyphens and underscores",
        });
        return z.NEVER;
      }
      return code;
    }),
});

/** Claiming a free listing (POST /claim). */
export const ClaimSchema = z.object({ listingId: recordId("listing") });
