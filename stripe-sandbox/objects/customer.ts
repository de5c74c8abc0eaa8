import type Stripe from "stripe";
import { newId, nowSeconds } from "../ids.ts";

export interface CustomerFields {
  email?: string | null;
  name?: string | null;
  description?: string | null;
  phone?: string | null;
  metadata?: Stripe.Metadata;
  /** A test clock: the customer is created at its frozen time and lives on it. */
  clock?: Stripe.TestHelpers.TestClock;
}

export function buildCustomer(fields: CustomerFields): Stripe.Customer {
  return {
    id: newId("cus_", 14),
    object: "customer",
    address: null,
    balance: 0,
    created: fields.clock?.frozen_time ?? nowSeconds(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: fields.description ?? null,
    discount: null,
    email: fields.email ?? null,
    invoice_prefix: newId("", 8).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: fields.metadata ?? {},
    name: fields.name ?? null,
    next_invoice_sequence: 1,
    phone: fields.phone ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: fields.clock?.id ?? null,
  };
}
