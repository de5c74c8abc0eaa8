import { acceptedLanguages, currencyOfLanguage } from "~/modules/pricing/currency.ts";
import {
  CURRENCY_COOKIE,
  type Currency,
  LANGUAGE_COOKIE,
  type Language,
  parseCurrency,
  parseLanguage,
  type Viewer,
} from "./viewer.ts";

/**
 * Where the viewer's language and currency come from, first match wins (README, "Languages and
 * currencies"):
 * - language: `?lang=en|de` in the URL, else the `lang` cookie the switcher set, else the first of
 *   English or German in Accept-Language, else English;
 * - currency: `?currency=EUR|USD`, else the `currency` cookie, else the browser's locales (a euro
 *   region or language such as de → EUR, the region US → USD), else EUR.
 * Unknown or malformed values at any step are ignored, never an error.
 */
export type ViewerSource = "url" | "cookie" | "header" | "default";

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0 || part.slice(0, index).trim() !== name) continue;
    const raw = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  return null;
}

export function resolveViewer(
  request: Request,
  overrides: { lang?: string | null; currency?: string | null } = {},
): Viewer & { languageSource: ViewerSource; currencySource: ViewerSource } {
  const params = new URL(request.url).searchParams;
  const header = acceptedLanguages(request.headers.get("Accept-Language"));

  let language: Language | null = parseLanguage(overrides.lang ?? params.get("lang"));
  let languageSource: ViewerSource = "url";
  if (!language) {
    language = parseLanguage(readCookie(request, LANGUAGE_COOKIE));
    languageSource = "cookie";
  }
  if (!language) {
    languageSource = "header";
    for (const tag of header) {
      language = parseLanguage(tag.split("-")[0]);
      if (language) break;
    }
  }
  if (!language) {
    language = "en";
    languageSource = "default";
  }

  let currency: Currency | null = parseCurrency(overrides.currency ?? params.get("currency"));
  let currencySource: ViewerSource = "url";
  if (!currency) {
    currency = parseCurrency(readCookie(request, CURRENCY_COOKIE));
    currencySource = "cookie";
  }
  if (!currency) {
    currencySource = "header";
    for (const tag of header) {
      currency = parseCurrency(currencyOfLanguage(tag));
      if (currency) break;
    }
  }
  if (!currency) {
    currency = "EUR";
    currencySource = "default";
  }
  return { language, currency, languageSource, currencySource };
}

const YEAR = 60 * 60 * 24 * 365;

/**
 * The cookies a switcher's link sets: a valid `?lang=` or `?currency=` in the URL is remembered, so
 * the next page without the parameter keeps the choice. Not HttpOnly (nothing secret; a page may
 * read it), SameSite=Lax, Secure over HTTPS.
 */
export function viewerCookies(request: Request): string[] {
  const url = new URL(request.url);
  const secure = url.protocol === "https:" ? "; Secure" : "";
  const cookies: string[] = [];
  const language = parseLanguage(url.searchParams.get("lang"));
  if (language && readCookie(request, LANGUAGE_COOKIE) !== language)
    cookies.push(`${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${YEAR}; SameSite=Lax${secure}`);
  const currency = parseCurrency(url.searchParams.get("currency"));
  if (currency && readCookie(request, CURRENCY_COOKIE) !== currency)
    cookies.push(`${CURRENCY_COOKIE}=${currency}; Path=/; Max-Age=${YEAR}; SameSite=Lax${secure}`);
  return cookies;
}
