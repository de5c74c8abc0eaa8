import { z } from "zod";
import { CHECKOUT_LOCALES } from "../locales.ts";
import { bool, currency, email, expandParam, int, list, metadata, oneOf, str, url } from "../params.ts";

/** Parameters of `POST /v1/checkout/sessions`, validated as Stripe does. */

export const unsupported = () =>
  z
    .unknown()
    .refine(() => false, {
      error:
        "The Stapel Stripe sandbox does not support {param} yet; extend stripe-sandbox/ if the app needs it.",
    })
    .optional();

const UNSUPPORTED_SESSION_PARAMS = [
  "adaptive_pricing",
  "after_expiration",
  "branding_settings",
  "consent_collection",
  "currency",
  "custom_fields",
  "custom_text",
  "customer_account",
  "customer_update",
  "excluded_payment_method_types",
  "integration_identifier",
  "invoice_creation",
  "managed_payments",
  "name_collection",
  "optional_items",
  "origin_context",
  "payment_method_collection",
  "payment_method_configuration",
  "payment_method_data",
  "payment_method_options",
  "permissions",
  "phone_number_collection",
  "redirect_on_completion",
  "return_url",
  "saved_payment_method_options",
  "setup_intent_data",
  "shipping_address_collection",
  "shipping_options",
  "tax_id_collection",
  "wallet_options",
] as const;

const productData = z.strictObject({
  name: str(),
  description: str().optional(),
  metadata: metadata().optional(),
  images: list(url()).optional(),
  tax_code: unsupported(),
  unit_label: str().optional(),
});

const priceData = z.strictObject({
  currency: currency(),
  unit_amount: int(0).optional(),
  unit_amount_decimal: unsupported(),
  product: str().optional(),
  product_data: productData.optional(),
  recurring: z
    .strictObject({ interval: oneOf(["day", "week", "month", "year"]), interval_count: int(1).optional() })
    .optional(),
  tax_behavior: oneOf(["exclusive", "inclusive", "unspecified"]).optional(),
});

const lineItem = z.strictObject({
  price: str().optional(),
  price_data: priceData.optional(),
  quantity: int(1).optional(),
  metadata: metadata().optional(),
  adjustable_quantity: unsupported(),
  dynamic_tax_rates: unsupported(),
  tax_rates: unsupported(),
});

export const createSchema = z.strictObject({
  mode: oneOf(["payment", "subscription", "setup"]),
  line_items: list(lineItem).optional(),
  customer: str().optional(),
  customer_email: email().optional(),
  customer_creation: oneOf(["always", "if_required"]).optional(),
  client_reference_id: str()
    .refine((value) => value.length <= 200, { error: "client_reference_id must be at most 200 characters" })
    .optional(),
  metadata: metadata().optional(),
  success_url: url().optional(),
  cancel_url: url().optional(),
  expires_at: int(0).optional(),
  locale: oneOf(CHECKOUT_LOCALES).optional(),
  submit_type: oneOf(["auto", "book", "donate", "pay", "subscribe"]).optional(),
  allow_promotion_codes: bool().optional(),
  discounts: list(z.strictObject({ coupon: str().optional(), promotion_code: str().optional() })).optional(),
  billing_address_collection: oneOf(["auto", "required"]).optional(),
  // API 2026-10-28 has no `payment_method_types` here: `allowed_payment_method_types` filters instead.
  allowed_payment_method_types: list(oneOf(["card", "sepa_debit"])).optional(),
  ui_mode: oneOf(["hosted_page"]).optional(),
  automatic_tax: z
    .strictObject({
      enabled: z.literal("false", {
        error: "The Stapel Stripe sandbox does not compute tax: {param} must be false",
      }),
    })
    .optional(),
  payment_intent_data: z
    .strictObject({
      metadata: metadata().optional(),
      description: str().optional(),
      receipt_email: email().optional(),
      application_fee_amount: int(0).optional(),
      transfer_data: z.strictObject({ destination: str(), amount: unsupported() }).optional(),
      statement_descriptor: str().optional(),
      statement_descriptor_suffix: str().optional(),
      capture_method: unsupported(),
      on_behalf_of: unsupported(),
      setup_future_usage: unsupported(),
      shipping: unsupported(),
      transfer_group: unsupported(),
    })
    .optional(),
  subscription_data: z
    .strictObject({
      metadata: metadata().optional(),
      description: str().optional(),
      trial_period_days: int(1)
        .refine((days) => days <= 730, { error: "The maximum number of trial period days is 730 (2 years)." })
        .optional(),
      trial_end: int(0).optional(),
      application_fee_percent: z
        .string()
        .regex(/^\d+(\.\d+)?$/, { error: "Invalid decimal: {value}" })
        .transform(Number)
        .refine((value) => value <= 100, { error: "application_fee_percent must be between 0 and 100." })
        .optional(),
      transfer_data: z
        .strictObject({
          destination: str(),
          amount_percent: z
            .string()
            .regex(/^\d+(\.\d+)?$/)
            .transform(Number)
            .optional(),
        })
        .optional(),
      billing_cycle_anchor: unsupported(),
      default_tax_rates: unsupported(),
      invoice_settings: unsupported(),
      on_behalf_of: unsupported(),
      proration_behavior: oneOf(["create_prorations", "none"]).optional(),
      trial_settings: unsupported(),
    })
    .optional(),
  expand: expandParam().optional(),
  ...Object.fromEntries(UNSUPPORTED_SESSION_PARAMS.map((name) => [name, unsupported()])),
});

export type CreateParams = z.output<typeof createSchema>;
export type LineItemParams = z.output<typeof lineItem>;
