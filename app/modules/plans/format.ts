import { formatMoney } from "~/utils/money.ts";

/** "€9.00/month", "$90.00/year": a plan price as the storefront and dashboard show it. */
export function formatPlanPrice(price: { amount: number; currency: string; interval: "MONTH" | "YEAR" }) {
  return `${formatMoney({ amount: price.amount, currency: price.currency })}/${price.interval === "MONTH" ? "month" : "year"}`;
}

export const intervalAdjective = { MONTH: "Monthly", YEAR: "Yearly" } as const;
