import { z } from "zod";
import { recordId, text } from "~/utils/schemas.ts";

/**
 * The seller's plan form and the subscribe button, shared by the page (conform's client-side
 * validation) and the action. The action refines the plan form with what only the server knows
 * (the shop's listings and categories) through `planFormSchema(shopChoices)`.
 */

/** The currencies a plan can be priced in, and the billing intervals Stapel offers. */
export const PLAN_CURRENCIES = ["EUR", "USD"] as const;
export const PLAN_INTERVALS = ["MONTH", "YEAR"] as const;
export type PlanCurrency = (typeof PLAN_CURRENCIES)[number];
export type PlanIntervalName = (typeof PLAN_INTERVALS)[number];

/** One price slot of the form: an interval in a currency, e.g. `priceMonthEur`. */
export type PriceSlot = { interval: PlanIntervalName; currency: PlanCurrency; field: PriceField };
export type PriceField = `price${"Month" | "Year"}${"Eur" | "Usd"}`;
export const PRICE_SLOTS: PriceSlot[] = PLAN_INTERVALS.flatMap((interval) =>
  PLAN_CURRENCIES.map((currency) => ({
    interval,
    currency,
    field:
      `price${interval === "MONTH" ? "Month" : "Year"}${currency === "EUR" ? "Eur" : "Usd"}` as PriceField,
  })),
);

/** Stripe's limits for EUR and USD: at least 0.50, at most 999,999.99 (amounts in cents). */
export const MIN_PRICE_AMOUNT = 50;
export const MAX_PRICE_AMOUNT = 99_999_999;
/** Stripe Checkout accepts trials of up to two years. */
export const MAX_TRIAL_DAYS = 730;

/**
 * "9", "9.00", "9,5" or "1,234.50"-free input in major units → integer cents. Returns null for
 * anything else; never goes through a float.
 */
export function parseMajorAmount(input: string): number | null {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(input.trim());
  if (!match) return null;
  const whole = Number(match[1]);
  const cents = Number((match[2] ?? "").padEnd(2, "0"));
  return whole * 100 + cents;
}

const priceInput = (label: string) =>
  text({ max: 12, label })
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === "") return null;
      const amount = parseMajorAmount(value);
      if (amount === null) {
        context.addIssue({ code: "custom", message: `${label}: enter an amount such as 9.00` });
        return z.NEVER;
      }
      if (amount < MIN_PRICE_AMOUNT || amount > MAX_PRICE_AMOUNT) {
        context.addIssue({ code: "custom", message: `${label} must be between 0.50 and 999,999.99` });
        return z.NEVER;
      }
      return amount;
    });

const optionalList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .max(500, "Choose at most 500")
    .optional()
    .transform((values) => [...new Set(values ?? [])]);

const planFields = {
  name: text({ max: 80, label: "Name" })
    .optional()
    .transform((value, context) => {
      const name = value?.trim() ?? "";
      if (name === "") {
        context.addIssue({ code: "custom", message: "Give the plan a name" });
        return z.NEVER;
      }
      return name;
    }),
  description: text({ max: 2000, label: "Description" })
    .optional()
    .transform((value) => value?.trim() ?? ""),
  grants: z.enum(["everything", "selection"], { error: "Choose what the plan includes" }),
  categories: optionalList(text({ max: 60, label: "Category" })),
  listingIds: optionalList(recordId("listing")),
  priceMonthEur: priceInput("Monthly price in EUR"),
  priceMonthUsd: priceInput("Monthly price in USD"),
  priceYearEur: priceInput("Yearly price in EUR"),
  priceYearUsd: priceInput("Yearly price in USD"),
  trialDays: z.coerce
    .number({ error: "Trial days must be a whole number" })
    .int("Trial days must be a whole number")
    .min(0, "Trial days cannot be negative")
    .max(MAX_TRIAL_DAYS, `A trial can last at most ${MAX_TRIAL_DAYS} days`)
    .optional()
    .transform((value) => value ?? 0),
  /** Edit only: also move subscribers on a replaced price to its new price (with proration). */
  moveSubscribers: z
    .literal("on", { error: "Tick the box or leave it empty" })
    .optional()
    .transform((value) => value === "on"),
};

type PlanFormShape = z.output<z.ZodObject<typeof planFields>>;

function checkPlanForm(value: PlanFormShape, context: z.RefinementCtx) {
  if (PRICE_SLOTS.every((slot) => value[slot.field] === null)) {
    context.addIssue({
      code: "custom",
      path: ["priceMonthEur"],
      message: "Give at least one price: monthly or yearly, in EUR or USD",
    });
  }
  if (value.grants === "selection" && value.categories.length === 0 && value.listingIds.length === 0) {
    context.addIssue({
      code: "custom",
      path: ["listingIds"],
      message: "Choose listings or categories, or include everything in your shop",
    });
  }
}

/** The form without the shop's data: used by the page for instant feedback. */
export const PlanFormSchema = z.object(planFields).superRefine(checkPlanForm);
export type PlanFormValue = z.output<typeof PlanFormSchema>;

/** What the server checks on top: listings and categories must be the shop's own. */
export type ShopChoices = { listingIds: ReadonlySet<string>; categories: ReadonlySet<string> };

function checkShopChoices(shop: ShopChoices) {
  return (value: PlanFormShape, context: z.RefinementCtx) => {
    if (value.grants !== "selection") return;
    if (value.listingIds.some((listingId) => !shop.listingIds.has(listingId))) {
      context.addIssue({
        code: "custom",
        path: ["listingIds"],
        message: "Choose published listings of your own shop",
      });
    }
    if (value.categories.some((category) => !shop.categories.has(category))) {
      context.addIssue({
        code: "custom",
        path: ["categories"],
        message: "Choose categories your shop has listings in",
      });
    }
  };
}

/** The new-plan form, as the server checks it. */
export function planFormSchema(shop: ShopChoices) {
  return z.object(planFields).superRefine(checkPlanForm).superRefine(checkShopChoices(shop));
}

/** The edit page's forms: save the plan, archive it, put it back on sale, move subscribers. */
export const PlanEditIntent = z.enum(["save", "archive", "restore", "move-subscribers"]);

export function planEditSchema(shop: ShopChoices) {
  return z.discriminatedUnion("intent", [
    z
      .object({ ...planFields, intent: z.literal("save") })
      .superRefine(checkPlanForm)
      .superRefine(checkShopChoices(shop)),
    z.object({ intent: z.literal("archive") }),
    z.object({ intent: z.literal("restore") }),
    z.object({ intent: z.literal("move-subscribers") }),
  ]);
}

/** The edit form without the shop's data, for the page. */
export const PlanEditFormSchema = z
  .object({ ...planFields, intent: z.literal("save") })
  .superRefine(checkPlanForm);

/** A Subscribe button: one price of one plan. */
export const SubscribeSchema = z.object({
  planPriceId: recordId("price"),
  /** A discount code of the shop, for this plan or the whole shop (empty: none). */
  code: text({ max: 40, label: "Discount code" })
    .optional()
    .transform((value) => {
      const code = value?.trim().toUpperCase() ?? "";
      return code === "" ? undefined : code;
    }),
});
