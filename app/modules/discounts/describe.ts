import { formatMoney } from "~/utils/money.ts";

/** "25% off · whole shop · until 31 March 2026", for the seller's lists (dates in UTC). */
export function describeDiscount(discount: {
  kind: "PERCENT" | "FIXED";
  percentOff: number | null;
  amountOff: number | null;
  currency: string | null;
  appliesToShop: boolean;
  startsAt: Date | string | null;
  endsAt: Date | string | null;
}): string {
  const off =
    discount.kind === "PERCENT"
      ? `${discount.percentOff}% off`
      : `${formatMoney({ amount: discount.amountOff ?? 0, currency: discount.currency ?? "EUR" })} off`;
  const day = (value: Date | string) =>
    new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(value));
  const parts = [off, discount.appliesToShop ? "whole shop" : "selected listings and plans"];
  if (discount.startsAt) parts.push(`from ${day(discount.startsAt)}`);
  if (discount.endsAt) parts.push(`until ${day(new Date(new Date(discount.endsAt).getTime() - 1))}`);
  return parts.join(" · ");
}
