/** Money is an integer amount in minor units plus an ISO 4217 currency code. Never a float. */
export type Money = { amount: number; currency: string };

// Building an Intl.NumberFormat costs far more than using one; a page of cards formats dozens.
const formatters = new Map<string, Intl.NumberFormat>();
function currencyFormatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

const minorDigits = (currency: string) =>
  currencyFormatter("en-US", currency).resolvedOptions().maximumFractionDigits ?? 2;

export function formatMoney({ amount, currency }: Money, locale = "en-US"): string {
  const code = currency.toUpperCase();
  return currencyFormatter(locale, code).format(amount / 10 ** minorDigits(code));
}

/** "12.00" for 1200 EUR, "500" for 500 JPY: exact, from integers, for machine-readable places. */
export function toDecimalString({ amount, currency }: Money): string {
  const digits = minorDigits(currency.toUpperCase());
  if (digits === 0) return String(amount);
  const sign = amount < 0 ? "-" : "";
  const absolute = String(Math.abs(amount)).padStart(digits + 1, "0");
  return `${sign}${absolute.slice(0, -digits)}.${absolute.slice(-digits)}`;
}
