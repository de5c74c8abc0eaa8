import type Stripe from "stripe";

/**
 * The languages Stripe's hosted pages take as `locale` (the SDK's `Locale` unions, API 2026-10-28).
 * Stripe refuses anything else with 400 "Invalid locale: must be one of ..." and creates nothing, so
 * an app that passes its own language codes through unchecked fails here as it would there.
 */
// biome-ignore format: a list of codes, kept compact
export const CHECKOUT_LOCALES = [
  "auto", "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419", "et", "fi", "fil", "fr",
  "fr-CA", "hi-IN", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl",
  "pt", "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK", "zh-TW",
] as const satisfies readonly Stripe.Checkout.SessionCreateParams.Locale[];

/** The billing portal's list: Checkout's without `hi-IN`, with six more English variants. */
// biome-ignore format: a list of codes, kept compact
export const PORTAL_LOCALES = [
  "auto", "bg", "cs", "da", "de", "el", "en", "en-AU", "en-CA", "en-GB", "en-IE", "en-IN", "en-NZ",
  "en-SG", "es", "es-419", "et", "fi", "fil", "fr", "fr-CA", "hr", "hu", "id", "it", "ja", "ko", "lt",
  "lv", "ms", "mt", "nb", "nl", "pl", "pt", "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi",
  "zh", "zh-HK", "zh-TW",
] as const satisfies readonly Stripe.BillingPortal.SessionCreateParams.Locale[];
