import { z } from "zod";
import type { PricingMode } from "~/generated/prisma/enums.ts";
import { recordId, text } from "~/utils/schemas.ts";
import { amountField, CURRENCIES, currencyField } from "./money-input.ts";

/**
 * The pricing page's forms (`/dashboard/listings/:id/pricing`), shared by the page and its action:
 * the listing's pricing mode, one tier (name, licence text, activation limit, a price per currency)
 * and archiving a tier. The tier form depends on the mode (pay what you want has a minimum and a
 * suggested amount; free has no prices), so it is built per mode.
 */

export const PRICING_MODES = ["FIXED", "PAY_WHAT_YOU_WANT", "FREE"] as const satisfies readonly PricingMode[];
export const pricingModeLabel: Record<PricingMode, string> = {
  FIXED: "Fixed price",
  PAY_WHAT_YOU_WANT: "Pay what you want",
  FREE: "Free",
};

export const MAX_TIER_NAME = 60;
export const MAX_LICENSE_TEXT = 10_000;
export const MAX_ACTIVATION_LIMIT = 1000;
export const MAX_TIERS = 5;

export const ModeSchema = z.object({
  intent: z.literal("mode"),
  mode: z.enum(PRICING_MODES, { error: "Choose fixed price, pay what you want or free" }),
});

const priceRow = z.object({
  currency: currencyField(),
  amount: amountField("Price"),
  suggested: amountField("Suggested amount"),
});

const activationLimit = text({ max: 10, label: "Activation limit" })
  .optional()
  .transform((value, context) => {
    const trimmed = value?.trim() ?? "";
    if (trimmed === "") return null;
    if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1 || Number(trimmed) > MAX_ACTIVATION_LIMIT) {
      context.addIssue({
        code: "custom",
        message: `Activation limit: a whole number from 1 to ${MAX_ACTIVATION_LIMIT}, or empty for no limit`,
      });
      return z.NEVER;
    }
    return Number(trimmed);
  });

export function tierSchema(mode: PricingMode) {
  return z
    .object({
      intent: z.literal("save-tier"),
      tierId: recordId("tier").optional(),
      name: text({ max: MAX_TIER_NAME, label: "Tier name" })
        .optional()
        .transform((value, context) => {
          const name = value?.trim() ?? "";
          if (name === "") {
            context.addIssue({ code: "custom", message: "Give the tier a name, such as Personal" });
            return z.NEVER;
          }
          return name;
        }),
      licenseText: text({ max: MAX_LICENSE_TEXT, label: "Licence text" })
        .optional()
        .transform((value) => value?.trim() ?? ""),
      activationLimit,
      prices: z.array(priceRow).max(CURRENCIES.length, "At most one price per currency").optional(),
    })
    .superRefine((value, context) => {
      const rows = value.prices ?? [];
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        if (seen.has(row.currency)) {
          context.addIssue({
            code: "custom",
            path: ["prices", index, "currency"],
            message: `${row.currency} is listed twice`,
          });
        }
        seen.add(row.currency);
        if (mode === "FIXED" && row.suggested !== null) {
          context.addIssue({
            code: "custom",
            path: ["prices", index, "suggested"],
            message: "A suggested amount is only for pay what you want",
          });
        }
        if (
          mode === "PAY_WHAT_YOU_WANT" &&
          row.amount !== null &&
          row.suggested !== null &&
          row.suggested < row.amount
        ) {
          context.addIssue({
            code: "custom",
            path: ["prices", index, "suggested"],
            message: "The suggested amount cannot be below the minimum",
          });
        }
        if (row.amount === null && row.suggested !== null) {
          context.addIssue({
            code: "custom",
            path: ["prices", index, "amount"],
            message: "Give a minimum for this currency too",
          });
        }
      });
      if (mode !== "FREE" && !rows.some((row) => row.amount !== null)) {
        context.addIssue({
          code: "custom",
          path: ["prices"],
          message:
            mode === "FIXED"
              ? "Give the tier a price in EUR or USD"
              : "Give the tier a minimum in EUR or USD (at least 0.50)",
        });
      }
    });
}
export type TierFormValue = z.output<ReturnType<typeof tierSchema>>;

export const ArchiveTierSchema = z.object({ intent: z.literal("archive-tier"), tierId: recordId("tier") });

/** The action's intents, told apart before the matching schema parses the form. */
export const PRICING_INTENTS = ["mode", "save-tier", "archive-tier"] as const;
