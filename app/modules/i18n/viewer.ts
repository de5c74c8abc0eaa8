/**
 * The viewer's language and currency: which words the interface uses and which price a listing
 * shows when its seller set both. Shared by the server (detection, cookies) and the browser
 * (switchers, formatting), so nothing here reads a request.
 */
export const LANGUAGES = ["en", "de"] as const;
export type Language = (typeof LANGUAGES)[number];
export const CURRENCIES = ["EUR", "USD"] as const;
export type Currency = (typeof CURRENCIES)[number];

export const LANGUAGE_COOKIE = "lang";
export const CURRENCY_COOKIE = "currency";

/** The language's own name, as the switcher shows it (never translated). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", de: "Deutsch" };

export type Viewer = { language: Language; currency: Currency };

export const isLanguage = (value: unknown): value is Language =>
  typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
export const isCurrency = (value: unknown): value is Currency =>
  typeof value === "string" && (CURRENCIES as readonly string[]).includes(value);

/** `?lang=DE` and ` de ` mean German; anything else means nothing. */
export function parseLanguage(value: string | null | undefined): Language | null {
  const lower = value?.trim().toLowerCase();
  return isLanguage(lower) ? lower : null;
}
export function parseCurrency(value: string | null | undefined): Currency | null {
  const upper = value?.trim().toUpperCase();
  return isCurrency(upper) ? upper : null;
}

/** BCP 47 tags for Intl: money and numbers ("€9.00" / "9,00 €"), and days ("2 January 2027"). */
export const NUMBER_LOCALE: Record<Language, string> = { en: "en-US", de: "de-DE" };
export const DATE_LOCALE: Record<Language, string> = { en: "en-GB", de: "de-DE" };

/**
 * The same page with one parameter set: what the switchers link to. Keeps the path and every other
 * parameter, drops pagination cursors (a cursor is tied to the order prices sort in).
 */
export function withViewerParam(
  location: { pathname: string; search: string },
  name: "lang" | "currency",
  value: string,
): string {
  const params = new URLSearchParams(location.search);
  params.set(name, value);
  if (name === "currency") {
    params.delete("after");
    params.delete("before");
  }
  return `${location.pathname}?${params.toString()}`;
}
