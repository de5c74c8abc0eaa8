import type Stripe from "stripe";
import { newId, nowSeconds } from "../ids.ts";
import type { CardDetails } from "./payments.ts";

export interface PaymentMethodFields {
  card: CardDetails;
  customer: string | null;
  email: string | null;
  name: string | null;
  created?: number;
}

/** A card PaymentMethod as Checkout, the portal or the hosted invoice page saves it. */
export function buildPaymentMethod(fields: PaymentMethodFields): Stripe.PaymentMethod {
  const { card } = fields;
  return {
    id: newId("pm_1"),
    object: "payment_method",
    allow_redisplay: "always",
    billing_details: {
      address: {
        city: null,
        country: card.country,
        line1: null,
        line2: null,
        postal_code: null,
        state: null,
      },
      email: fields.email,
      name: fields.name,
      phone: null,
      tax_id: null,
    },
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: card.country,
      display_brand: card.brand,
      exp_month: card.expMonth,
      exp_year: card.expYear,
      fingerprint: card.fingerprint ?? null,
      funding: card.funding,
      generated_from: null,
      last4: card.last4,
      networks: { available: [card.brand], preferred: null },
      regulated_status: "unregulated",
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: fields.created ?? nowSeconds(),
    customer: fields.customer,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: "card",
  };
}

/** The card details a charge needs, read back from a saved payment method. */
export function cardDetailsOf(method: Stripe.PaymentMethod): CardDetails {
  const card = method.card;
  return {
    brand: card?.brand === "mastercard" ? "mastercard" : "visa",
    last4: card?.last4 ?? "0000",
    expMonth: card?.exp_month ?? 12,
    expYear: card?.exp_year ?? 2099,
    funding: card?.funding === "debit" ? "debit" : "credit",
    country: card?.country ?? "US",
    fingerprint: card?.fingerprint ?? undefined,
  };
}
