import { type Currency, isCurrency } from "./money-input.ts";

/**
 * Which currency a buyer pays in when a tier has prices in both (README, "Prices"):
 *
 * 1. A currency the buyer chose in the buy box (`?currency=USD`) wins, when the tier has it.
 * 2. Otherwise the buyer's browser languages (Accept-Language), in their order of preference: a
 *    region in the euro area (de-AT, fr-BE, es-ES, …) or, without a region, a language spoken mainly
 *    there (de, fr, es, it, nl, pt, fi, el, sk, sl, et, lv, lt, mt, ga, hr) means EUR; the region US
 *    (en-US, es-US) means USD. Other tags (en, en-GB, ja, …) say nothing and the next one is read.
 * 3. Otherwise the shop's default currency, and failing that the first price the tier has.
 */

const EURO_REGIONS = new Set([
  "AT",
  "BE",
  "CY",
  "DE",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PT",
  "SI",
  "SK",
]);
const EURO_LANGUAGES = new Set([
  "de",
  "fr",
  "es",
  "it",
  "nl",
  "pt",
  "fi",
  "el",
  "sk",
  "sl",
  "et",
  "lv",
  "lt",
  "mt",
  "ga",
  "hr",
]);

/** The languages of an Accept-Language header, most preferred first (q=0 dropped). */
export function acceptedLanguages(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(entry.tag) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/** What one language tag says about the currency, if anything. */
export function currencyOfLanguage(tag: string): Currency | null {
  const [language = "", ...rest] = tag.split("-");
  const region = rest.find((part) => /^[A-Za-z]{2}$/.test(part))?.toUpperCase();
  if (region === "US") return "USD";
  if (region) return EURO_REGIONS.has(region) ? "EUR" : null;
  return EURO_LANGUAGES.has(language.toLowerCase()) ? "EUR" : null;
}

export function buyerCurrency(options: {
  offered: readonly string[];
  chosen?: string | null;
  acceptLanguage: string | null;
  shopDefault: string;
}): string | null {
  const { offered } = options;
  if (offered.length === 0) return null;
  const chosen = options.chosen?.toUpperCase();
  if (chosen && isCurrency(chosen) && offered.includes(chosen)) return chosen;
  for (const tag of acceptedLanguages(options.acceptLanguage)) {
    const currency = currencyOfLanguage(tag);
    if (currency && offered.includes(currency)) return currency;
  }
  if (offered.includes(options.shopDefault)) return options.shopDefault;
  return offered[0] ?? null;
}
