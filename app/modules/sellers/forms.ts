import { z } from "zod";
import { recordId, text } from "~/utils/schemas.ts";

/**
 * The seller's sales forms (refund, resend receipt, gift) and the sales list's query string, shared
 * by the pages (conform's client-side validation) and the actions.
 */

/** "5", "5.00" or "5,5" in the order's currency's major unit; the module turns it into minor units. */
const AMOUNT_PATTERN = /^(\d{1,9})(?:[.,](\d{1,3}))?$/;

/**
 * An amount typed by a person → integer minor units of `currency`, or an error message. Never goes
 * through a float: "12.5" EUR is 1250, "500" JPY is 500, "1.234" EUR is refused.
 */
export function parseRefundAmount(input: string, currency: string): number | string {
  const match = AMOUNT_PATTERN.exec(input.trim());
  if (!match) return "Enter an amount such as 5.00";
  const digits =
    new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
    2;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) {
    return digits === 0
      ? `${currency} has no decimals: enter a whole amount`
      : `${currency} amounts have at most ${digits} decimals`;
  }
  const amount = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (amount <= 0) return "The amount must be more than zero";
  return amount;
}

/** What the refund form knows about the order: the amount still refundable, in its currency. */
export type RefundLimit = { currency: string; refundable: number; describe: (amount: number) => string };

const amountField = (limit?: RefundLimit, required = false) =>
  text({ max: 20, label: "Amount" })
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === "") {
        // The list's button refunds everything left; the sale page asks for the amount (prefilled).
        if (!required) return null;
        context.addIssue({ code: "custom", message: "Enter the amount to refund" });
        return z.NEVER;
      }
      const amount = parseRefundAmount(value, limit?.currency ?? "EUR");
      if (typeof amount === "string") {
        context.addIssue({ code: "custom", message: amount });
        return z.NEVER;
      }
      if (limit && amount > limit.refundable) {
        context.addIssue({
          code: "custom",
          message: `You can refund at most ${limit.describe(limit.refundable)} of this order`,
        });
        return z.NEVER;
      }
      return amount;
    });

/** The list's "Refund the rest" button (and the same with an amount): the order is in the form. */
export const RefundSchema = z.object({
  intent: z.literal("refund"),
  orderId: recordId("order"),
  amount: amountField(),
});

/** A click's own id (16 base64url characters from the page), so a double submit sends one email. */
const clickId = z
  .string({ error: "This form is out of date: reload the page" })
  .regex(/^[A-Za-z0-9_-]{16}$/, "This form is out of date: reload the page");

/**
 * The sale page's buttons. The refund's amount is checked against what is left of this order
 * (`limit`, known once the order is loaded); the module checks it again under the order's lock.
 */
export const saleActionSchema = (limit?: RefundLimit) =>
  z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("refund"), amount: amountField(limit, true) }),
      z.object({ intent: z.literal("check-refund"), refundId: recordId("refund") }),
      z.object({ intent: z.literal("resend-receipt"), clickId }),
    ],
    { error: "Choose what to do with the sale" },
  );

/** Gift access to a listing: the recipient's email address. */
export const GiftSchema = z.object({
  intent: z.literal("gift"),
  listingId: recordId("listing"),
  email: text({ max: 254, label: "Email" })
    .optional()
    .transform((value, context) => {
      const email = value?.trim().toLowerCase() ?? "";
      if (!z.email().safeParse(email).success) {
        context.addIssue({ code: "custom", message: "Enter the recipient's email address" });
        return z.NEVER;
      }
      return email;
    }),
});

/** The sales list's actions: refund from the list, or gift a listing. */
export const SalesActionSchema = z.discriminatedUnion("intent", [RefundSchema, GiftSchema], {
  error: "Choose what to do",
});

// ─── The sales list's query string ──────────────────────────────────────────

export const SALE_PERIODS = { "7d": 7, "30d": 30, "90d": 90, "12m": 365 } as const;
export type SalePeriod = keyof typeof SALE_PERIODS;
export const SALE_STATUSES = {
  paid: "PAID",
  "partly-refunded": "PARTIALLY_REFUNDED",
  refunded: "REFUNDED",
  disputed: "DISPUTED",
} as const;
export type SaleStatusFilter = keyof typeof SALE_STATUSES;

/** Unknown or malformed values are dropped (the loader then redirects to the clean URL). */
export const SalesQuerySchema = z.object({
  period: z
    .enum(Object.keys(SALE_PERIODS) as [SalePeriod, ...SalePeriod[]])
    .optional()
    .catch(undefined),
  listing: recordId().optional().catch(undefined),
  status: z
    .enum(Object.keys(SALE_STATUSES) as [SaleStatusFilter, ...SaleStatusFilter[]])
    .optional()
    .catch(undefined),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((value) => value.toUpperCase())
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(2).max(100_000).optional().catch(undefined),
});
export type SalesQuery = z.infer<typeof SalesQuerySchema>;

/** The query in a fixed order without empty or default values: the URL people share. */
export function salesQueryString(query: SalesQuery): string {
  const params = new URLSearchParams();
  for (const name of ["period", "listing", "status", "country", "page"] as const) {
    const value = query[name];
    if (value !== undefined) params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** A customers page number from the query string (1 when missing or not a page). */
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(2).max(100_000).optional().catch(undefined),
});
