import { z } from "zod";
import { amountField, isCurrency } from "~/modules/pricing/money-input.ts";
import { recordId, text } from "~/utils/schemas.ts";

/**
 * The seller's discount code form (`/dashboard/discounts/new`) and the buttons of a code's page,
 * shared by page and action. What only the server knows (the shop's listings and plans, today's
 * date, codes other shops use) is checked by `codes.server.ts`.
 */

export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{2,29}$/;
export const MAX_DURATION_MONTHS = 36;
export const MAX_REDEMPTIONS = 1_000_000;

const wholeNumber = (label: string, max: number) =>
  text({ max: 12, label })
    .optional()
    .transform((value, context) => {
      const trimmed = value?.trim() ?? "";
      if (trimmed === "") return null;
      if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1 || Number(trimmed) > max) {
        context.addIssue({
          code: "custom",
          message: `${label}: a whole number from 1 to ${max.toLocaleString("en-US")}`,
        });
        return z.NEVER;
      }
      return Number(trimmed);
    });

const dateField = (label: string) =>
  text({ max: 10, label })
    .optional()
    .transform((value, context) => {
      const trimmed = value?.trim() ?? "";
      if (trimmed === "") return null;
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
      const date = match
        ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
        : null;
      if (!date || date.toISOString().slice(0, 10) !== trimmed) {
        context.addIssue({ code: "custom", message: `${label}: a date such as 2026-03-01` });
        return z.NEVER;
      }
      return date;
    });

const idList = (label: string) =>
  z
    .array(recordId(label))
    .max(500, "Choose at most 500")
    .optional()
    .transform((values) => [...new Set(values ?? [])]);

export const DiscountSchema = z
  .object({
    code: text({ max: 40, label: "Code" })
      .optional()
      .transform((value, context) => {
        const code = (value ?? "").trim().toUpperCase();
        if (!CODE_PATTERN.test(code)) {
          context.addIssue({
            code: "custom",
            message: "Code: 3 to 30 letters, digits, hyphens or underscores, such as SPRING-25",
          });
          return z.NEVER;
        }
        return code;
      }),
    kind: z.enum(["PERCENT", "FIXED"], { error: "Choose a percentage or a fixed amount off" }),
    percentOff: wholeNumber("Percent off", 100),
    amountOff: amountField("Amount off", { min: 1 }),
    currency: text({ max: 10, label: "Currency" }).optional(),
    scope: z.enum(["shop", "selected"], { error: "Choose the whole shop or some listings and plans" }),
    listingIds: idList("listing"),
    planIds: idList("plan"),
    durationInMonths: wholeNumber("Billing cycles", MAX_DURATION_MONTHS),
    maxRedemptions: wholeNumber("Maximum redemptions", MAX_REDEMPTIONS),
    startsAt: dateField("Starts on"),
    endsAt: dateField("Ends on"),
  })
  .superRefine((value, context) => {
    const issue = (path: string, message: string) =>
      context.addIssue({ code: "custom", path: [path], message });
    if (value.kind === "PERCENT" && value.percentOff === null)
      issue("percentOff", "Give the percentage off, 1 to 100");
    if (value.kind === "FIXED") {
      if (value.amountOff === null) issue("amountOff", "Give the amount off, such as 5.00");
      const currency = (value.currency ?? "").trim().toUpperCase();
      if (!isCurrency(currency)) {
        issue(
          "currency",
          currency === ""
            ? "A fixed amount needs its currency: EUR or USD"
            : `Currency: ${currency.slice(0, 10)} is not a currency Stapel sells in; use EUR or USD`,
        );
      }
    }
    if (value.scope === "selected" && value.listingIds.length === 0 && value.planIds.length === 0) {
      issue("listingIds", "Choose at least one listing or plan, or the whole shop");
    }
    if (value.startsAt && value.endsAt && value.endsAt < value.startsAt) {
      issue("endsAt", "The code cannot end before it starts");
    }
  })
  .transform((value) => ({
    ...value,
    currency: value.kind === "FIXED" ? (value.currency ?? "").trim().toUpperCase() : null,
    percentOff: value.kind === "PERCENT" ? value.percentOff : null,
    amountOff: value.kind === "FIXED" ? value.amountOff : null,
  }));
export type DiscountFormValue = z.output<typeof DiscountSchema>;

export const DiscountActionSchema = z.object({
  intent: z.enum(["deactivate", "activate", "sync"], { error: "Unknown action" }),
});
