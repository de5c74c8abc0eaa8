import type Stripe from "stripe";
import { newId, nowSeconds } from "../ids.ts";

export interface PaymentIntentFields {
  amount: number;
  currency: string;
  customer: string | null;
  description: string | null;
  metadata: Stripe.Metadata;
  receiptEmail: string | null;
  applicationFeeAmount: number | null;
  transferDestination: string | null;
  /** Default now; test-clock objects use the clock's frozen time. */
  created?: number;
}

/** A card PaymentIntent waiting for a payment method, as Checkout creates it on the first attempt. */
export function buildPaymentIntent(fields: PaymentIntentFields): Stripe.PaymentIntent {
  const id = newId("pi_3");
  return {
    id,
    object: "payment_intent",
    allowed_payment_method_types: null,
    amount: fields.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: fields.applicationFeeAmount,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic",
    client_secret: `${id}_secret_${newId("", 25)}`,
    confirmation_method: "automatic",
    created: fields.created ?? nowSeconds(),
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    description: fields.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: fields.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" },
    },
    payment_method_types: ["card"],
    payment_record: null,
    processing: null,
    receipt_email: fields.receiptEmail,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "requires_payment_method",
    transfer_data: fields.transferDestination ? { destination: fields.transferDestination } : null,
    transfer_group: fields.transferDestination ? `group_${id}` : null,
  };
}

export interface CardDetails {
  brand: "visa" | "mastercard";
  last4: string;
  expMonth: number;
  expYear: number;
  funding: "credit" | "debit";
  country: string;
  fingerprint?: string;
}

export interface ChargeFields {
  intent: Stripe.PaymentIntent;
  paymentMethod: string;
  card: CardDetails;
  billingEmail: string;
  billingName: string | null;
  /** Present for a declined card: Stripe's `failure_code` and decline code. */
  failure?: { code: string; declineCode: string; message: string };
  created?: number;
}

/** A card charge for the PaymentIntent: captured and paid, or failed with a decline. */
export function buildCharge(fields: ChargeFields): Stripe.Charge {
  const { intent, card, failure } = fields;
  const paid = !failure;
  const destination =
    typeof intent.transfer_data?.destination === "string" ? intent.transfer_data.destination : null;
  return {
    id: newId("ch_3"),
    object: "charge",
    amount: intent.amount,
    amount_captured: paid ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: paid && intent.application_fee_amount != null ? newId("fee_1") : null,
    application_fee_amount: intent.application_fee_amount,
    balance_transaction: paid ? newId("txn_3") : null,
    billing_details: {
      address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
      email: fields.billingEmail,
      name: fields.billingName,
      phone: null,
      tax_id: null,
    },
    calculated_statement_descriptor: "STAPEL",
    captured: paid,
    created: fields.created ?? nowSeconds(),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failure?.code ?? null,
    failure_message: failure?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: intent.metadata,
    on_behalf_of: null,
    outcome: paid
      ? {
          advice_code: null,
          network_advice_code: null,
          network_decline_code: null,
          network_status: "approved_by_network",
          reason: null,
          risk_level: "normal",
          risk_score: 32,
          seller_message: "Payment complete.",
          type: "authorized",
        }
      : {
          advice_code: "try_again_later",
          network_advice_code: null,
          network_decline_code: null,
          network_status: "declined_by_network",
          reason: failure.declineCode,
          risk_level: "normal",
          risk_score: 32,
          seller_message: "The bank did not return any further details with this decline.",
          type: "issuer_declined",
        },
    paid,
    payment_intent: intent.id,
    payment_method: fields.paymentMethod,
    payment_method_details: {
      type: "card",
      card: {
        amount_authorized: paid ? intent.amount : null,
        authorization_code: paid ? String(100000 + Math.floor(Math.random() * 900000)) : null,
        brand: card.brand,
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
        country: card.country,
        electronic_commerce_indicator: null,
        exp_month: card.expMonth,
        exp_year: card.expYear,
        extended_authorization: { status: "disabled" },
        fingerprint: card.fingerprint ?? `fp_${card.last4}${card.brand}`,
        funding: card.funding,
        incremental_authorization: { status: "unavailable" },
        installments: null,
        last4: card.last4,
        mandate: null,
        multicapture: { status: "unavailable" },
        network: card.brand,
        network_token: { used: false },
        network_transaction_id: paid ? newId("", 15) : null,
        overcapture: { maximum_amount_capturable: intent.amount, status: "unavailable" },
        regulated_status: "unregulated",
        three_d_secure: null,
        transaction_link_id: null,
        wallet: null,
      },
    },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: paid ? "succeeded" : "failed",
    ...(paid && destination && { transfer: newId("tr_1") }),
    transfer_data: destination ? { amount: null, destination } : null,
    transfer_group: intent.transfer_group,
  };
}

export interface RefundFields {
  charge: Stripe.Charge;
  amount: number;
  reason: Stripe.Refund.Reason | null;
  metadata: Stripe.Metadata;
}

export function buildRefund(fields: RefundFields): Stripe.Refund {
  const { charge } = fields;
  return {
    id: newId("re_3"),
    object: "refund",
    amount: fields.amount,
    balance_transaction: newId("txn_3"),
    charge: charge.id,
    created: nowSeconds(),
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    destination_details: {
      type: "card",
      card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" },
    },
    metadata: fields.metadata,
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: fields.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
}
