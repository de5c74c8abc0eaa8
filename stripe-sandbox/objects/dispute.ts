import type Stripe from "stripe";
import { newId, nowSeconds } from "../ids.ts";

const EVIDENCE_FIELDS = [
  "access_activity_log",
  "billing_address",
  "cancellation_policy",
  "cancellation_policy_disclosure",
  "cancellation_rebuttal",
  "customer_communication",
  "customer_email_address",
  "customer_name",
  "customer_purchase_ip",
  "customer_signature",
  "duplicate_charge_documentation",
  "duplicate_charge_explanation",
  "duplicate_charge_id",
  "product_description",
  "receipt",
  "refund_policy",
  "refund_policy_disclosure",
  "refund_refusal_explanation",
  "service_date",
  "service_documentation",
  "shipping_address",
  "shipping_carrier",
  "shipping_date",
  "shipping_documentation",
  "shipping_tracking_number",
  "uncategorized_file",
  "uncategorized_text",
] as const;

const DAY = 24 * 60 * 60;

/** A new dispute on a charge, as the card network opens it: the full amount, evidence due in 3 weeks. */
export function buildDispute(charge: Stripe.Charge, reason: string, created = nowSeconds()): Stripe.Dispute {
  const evidence = Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field, null])) as Record<
    (typeof EVIDENCE_FIELDS)[number],
    null
  >;
  const brand = charge.payment_method_details?.card?.brand ?? "visa";
  return {
    id: newId("dp_1"),
    object: "dispute",
    amount: charge.amount,
    balance_transactions: [],
    charge: charge.id,
    created,
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: { ...evidence, enhanced_evidence: {} },
    evidence_details: {
      due_by: created + 21 * DAY,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: "not_submitted",
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: charge.payment_intent,
    payment_method_details: {
      type: "card",
      card: { brand, case_type: "chargeback", network: brand, network_reason_code: "10.4" },
    },
    reason,
    status: "needs_response",
  };
}
