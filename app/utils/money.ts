/** Money is an integer amount in minor units plus an ISO 4217 currency code. Never a float. */
export type Money = { amount: number; currency: string };

export function formatMoney({ amount, currency }: Money, locale = "en-US"): string {
  const code = currency.toUpperCase();
  const digits =
    new Intl.NumberFormat(locale, { style: "currency", currency: code }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { style: "currency", currency: code }).format(amount / 10 ** digits);
}
