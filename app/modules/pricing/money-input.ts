import { z } from "zod";
import { text } from "~/utils/schemas.ts";

/** The currencies Stapel sells in (a tier has a price in one or both). */
export const CURRENCIES = ["EUR", "USD"] as const;
export type Currency = (typeof CURRENCIES)[number];
export const isCurrency = (value: string): value is Currency =>
  (CURRENCIES as readonly string[]).includes(value);

/** Stripe's limits for EUR and USD: at least 0.50, at most 999,999.99 (amounts in cents). */
export const MIN_AMOUNT = 50;
export const MAX_AMOUNT = 99_999_999;

export type AmountParse = { ok: true; amount: number } | { ok: false; message: string };

/**
 * "9", "9.00" or "9,5" in major units → integer cents, never through a float. Says precisely what is
 * wrong: a minus sign, a third decimal, or something that is not an amount at all.
 */
export function parseAmount(input: string, label: string): AmountParse {
  const value = input.trim();
  if (/^-/.test(value)) return { ok: false, message: `${label} cannot be negative` };
  if (/^\d+[.,]\d{3,}$/.test(value)) {
    return { ok: false, message: `${label}: use at most two decimals, such as 9.99` };
  }
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(value);
  if (!match) return { ok: false, message: `${label}: enter an amount such as 9.00` };
  return { ok: true, amount: Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")) };
}

/** An optional amount field: empty is null; anything else must parse and lie in Stripe's range. */
export const amountField = (label: string, options: { min?: number } = {}) =>
  text({ max: 20, label })
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === "") return null;
      const parsed = parseAmount(value, label);
      if (!parsed.ok) {
        context.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      const min = options.min ?? MIN_AMOUNT;
      if (parsed.amount < min || parsed.amount > MAX_AMOUNT) {
        context.addIssue({
          code: "custom",
          message: `${label} must be between ${(min / 100).toFixed(2)} and 999,999.99`,
        });
        return z.NEVER;
      }
      return parsed.amount;
    });

/** A currency field: EUR or USD, with a message naming what was sent otherwise. */
export const currencyField = (label = "Currency") =>
  text({ max: 10, label })
    .optional()
    .transform((value, context) => {
      const code = (value ?? "").trim().toUpperCase();
      if (code === "") {
        context.addIssue({ code: "custom", message: `${label}: choose EUR or USD` });
        return z.NEVER;
      }
      if (!isCurrency(code)) {
        context.addIssue({
          code: "custom",
          message: `${label}: ${code.slice(0, 10)} is not a currency Stapel sells in; use EUR or USD`,
        });
        return z.NEVER;
      }
      return code;
    });
