import { createHash } from "node:crypto";
import type Stripe from "stripe";
import { newId } from "./ids.ts";

/**
 * SEPA Direct Debit, Stripe's delayed-notification payment method in Checkout: the payment is
 * `processing` when the buyer submits, and succeeds or fails later.
 */

/** Stripe's test IBANs: the first settles, the second fails. */
const TEST_IBANS: Record<string, "succeeds" | "fails"> = {
  DE89370400440532013000: "succeeds",
  DE62370400440532013001: "fails",
  AT611904300234573201: "succeeds",
  AT861904300235473202: "fails",
};

export function normalizeIban(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

export function testIbanOutcome(iban: string): "succeeds" | "fails" | undefined {
  return TEST_IBANS[normalizeIban(iban)];
}

/** The outcome for a saved SEPA payment method (found by its country and last four digits). */
export function outcomeOfMethod(method: Stripe.PaymentMethod | undefined): "succeeds" | "fails" {
  const sepa = method?.sepa_debit;
  const iban = Object.keys(TEST_IBANS).find(
    (candidate) => candidate.startsWith(sepa?.country ?? "") && candidate.endsWith(sepa?.last4 ?? ""),
  );
  return (iban && TEST_IBANS[iban]) || "succeeds";
}

const fingerprintOf = (iban: string) =>
  createHash("sha256").update(`stapel-sandbox:${iban}`).digest("base64url").slice(0, 16);

export function buildSepaPaymentMethod(
  iban: string,
  holder: { email: string; name: string },
  created: number,
): Stripe.PaymentMethod {
  const normalized = normalizeIban(iban);
  return {
    id: newId("pm_1"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: { address: null, email: holder.email, name: holder.name, phone: null, tax_id: null },
    created,
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    sepa_debit: {
      bank_code: normalized.slice(4, 12),
      branch_code: "",
      country: normalized.slice(0, 2),
      fingerprint: fingerprintOf(normalized),
      generated_from: { charge: null, setup_attempt: null },
      last4: normalized.slice(-4),
    },
    type: "sepa_debit",
  };
}

/** The charge's `payment_method_details` for a SEPA debit from this payment method. */
export function sepaChargeDetails(method: Stripe.PaymentMethod): Stripe.Charge.PaymentMethodDetails {
  const sepa = method.sepa_debit;
  return {
    type: "sepa_debit",
    sepa_debit: {
      bank_code: sepa?.bank_code ?? null,
      branch_code: sepa?.branch_code ?? null,
      country: sepa?.country ?? null,
      fingerprint: sepa?.fingerprint ?? null,
      last4: sepa?.last4 ?? null,
      mandate: newId("mandate_1"),
    },
  };
}
