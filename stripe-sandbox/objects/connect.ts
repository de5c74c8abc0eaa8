import type Stripe from "stripe";
import { newId, nowSeconds } from "../ids.ts";

/**
 * Stripe Connect objects as the platform sees them: connected accounts (Express), transfers of
 * destination charges, application fees and the balance transactions that give every charge its fee.
 */

/** The sandbox platform's own country: an account created without `country` gets it, as on Stripe. */
export const PLATFORM_COUNTRY = "DE";

/**
 * What a new Express account must still provide before it can take charges, as Stripe lists them in
 * `requirements.currently_due` for an individual in the EEA (a representative sample, not the full list).
 */
export const ONBOARDING_REQUIREMENTS = [
  "business_profile.mcc",
  "business_profile.url",
  "business_type",
  "external_account",
  "individual.address.city",
  "individual.address.line1",
  "individual.address.postal_code",
  "individual.dob.day",
  "individual.dob.month",
  "individual.dob.year",
  "individual.email",
  "individual.first_name",
  "individual.last_name",
  "individual.phone",
  "tos_acceptance.date",
  "tos_acceptance.ip",
];

/** What is still missing after a seller leaves onboarding half done on the hosted page. */
export const PARTIAL_REQUIREMENTS = ["external_account", "individual.verification.document"];

const currencyOfCountry = (country: string) =>
  ["US"].includes(country) ? "usd" : ["GB"].includes(country) ? "gbp" : "eur";

export interface AccountFields {
  type: Stripe.Account.Type;
  country: string;
  email: string | null;
  businessType: Stripe.Account.BusinessType | null;
  requested: string[];
  metadata: Stripe.Metadata;
  controller: Stripe.Account.Controller | undefined;
}

export function buildAccount(fields: AccountFields): Stripe.Account {
  const capabilities = Object.fromEntries(fields.requested.map((name) => [name, "inactive"]));
  return {
    id: newId("acct_1", 16),
    object: "account",
    business_profile: {
      annual_revenue: null,
      estimated_worker_count: null,
      mcc: null,
      minority_owned_business_designation: null,
      name: null,
      product_description: null,
      specified_commercial_transactions_act_url: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
    },
    business_type: fields.businessType,
    capabilities: capabilities as Stripe.Account.Capabilities,
    charges_enabled: false,
    controller: fields.controller ?? {
      fees: { payer: "application" },
      is_controller: true,
      losses: { payments: "application" },
      requirement_collection: "stripe",
      stripe_dashboard: { type: "express" },
      type: "application",
    },
    country: fields.country,
    created: nowSeconds(),
    default_currency: currencyOfCountry(fields.country),
    details_submitted: false,
    email: fields.email,
    metadata: fields.metadata,
    payouts_enabled: false,
    requirements: openRequirements(ONBOARDING_REQUIREMENTS),
    type: fields.type,
  };
}

/** Requirements with `due` outstanding: charges and payouts stay off (`requirements.past_due`). */
export function openRequirements(due: string[]): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [...due],
    disabled_reason: "requirements.past_due",
    errors: [],
    eventually_due: [...due],
    past_due: [...due],
    pending_verification: [],
  };
}

export const NO_REQUIREMENTS: Stripe.Account.Requirements = {
  alternatives: [],
  current_deadline: null,
  currently_due: [],
  disabled_reason: null,
  errors: [],
  eventually_due: [],
  past_due: [],
  pending_verification: [],
};

/**
 * Stripe's processing fee for a card payment, in minor units. An ASSUMPTION standing in for Stripe's
 * price list (which depends on the platform's country, the card's origin and the pricing plan):
 * EUR 1.5% + €0.25 (standard EEA cards), everything else 2.9% + 30 minor units (US pricing).
 * Half units round up, as Stripe rounds fees to the nearest unit.
 */
export function stripeProcessingFee(amount: number, currency: string): number {
  const [percent, fixed] = currency.toLowerCase() === "eur" ? [1.5, 25] : [2.9, 30];
  return Math.round((amount * percent) / 100) + fixed;
}

export interface BalanceTransactionFields {
  id?: string;
  amount: number;
  currency: string;
  type: Stripe.BalanceTransaction.Type;
  reportingCategory: string;
  source: string;
  description: string | null;
  fees?: Stripe.BalanceTransaction.FeeDetail[];
  created: number;
}

const DAY = 24 * 60 * 60;

export function buildBalanceTransaction(fields: BalanceTransactionFields): Stripe.BalanceTransaction {
  const fee = (fields.fees ?? []).reduce((sum, detail) => sum + detail.amount, 0);
  return {
    id: fields.id ?? newId("txn_3"),
    object: "balance_transaction",
    amount: fields.amount,
    // Stripe's standard payout schedule makes card funds available after a couple of days.
    available_on: fields.created + 2 * DAY,
    balance_type: "payments",
    created: fields.created,
    currency: fields.currency,
    description: fields.description,
    exchange_rate: null,
    fee,
    fee_details: fields.fees ?? [],
    net: fields.amount - fee,
    reporting_category: fields.reportingCategory,
    source: fields.source,
    status: "pending",
    type: fields.type,
  };
}

export function buildTransfer(fields: {
  id: string;
  amount: number;
  currency: string;
  destination: string;
  sourceTransaction: string;
  transferGroup: string | null;
  balanceTransaction: string;
  created: number;
}): Stripe.Transfer {
  return {
    id: fields.id,
    object: "transfer",
    amount: fields.amount,
    amount_reversed: 0,
    balance_transaction: fields.balanceTransaction,
    created: fields.created,
    currency: fields.currency,
    description: null,
    destination: fields.destination,
    // The payment the transfer made on the connected account (not retrievable from the platform here).
    destination_payment: newId("py_1"),
    livemode: false,
    metadata: {},
    reversals: { object: "list", data: [], has_more: false, url: `/v1/transfers/${fields.id}/reversals` },
    reversed: false,
    source_transaction: fields.sourceTransaction,
    source_type: "card",
    transfer_group: fields.transferGroup,
  };
}

export function buildApplicationFee(fields: {
  id: string;
  amount: number;
  currency: string;
  account: string;
  charge: string;
  originatingTransaction: string;
  balanceTransaction: string;
  created: number;
}): Stripe.ApplicationFee {
  return {
    id: fields.id,
    object: "application_fee",
    account: fields.account,
    amount: fields.amount,
    amount_refunded: 0,
    application: "ca_stapel_sandbox",
    balance_transaction: fields.balanceTransaction,
    charge: fields.charge,
    created: fields.created,
    currency: fields.currency,
    fee_source: { charge: fields.originatingTransaction, type: "charge" },
    livemode: false,
    originating_transaction: fields.originatingTransaction,
    refunded: false,
    refunds: { object: "list", data: [], has_more: false, url: `/v1/application_fees/${fields.id}/refunds` },
  };
}
