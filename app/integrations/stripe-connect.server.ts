import { type Stripe, stripe } from "./stripe.server.ts";

/**
 * Stripe Connect (Express) for sellers' shops, through the official SDK: the connected account, the
 * onboarding links, and what a destination charge left behind (Stripe's fee, the transfer, the
 * application fee), read from Stripe rather than computed.
 */

/** The fields of a connected account that Stapel keeps on the shop. */
export type ConnectAccountState = {
  accountId: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirementsDue: string[];
  disabledReason: string | null;
};

export function connectAccountState(account: Stripe.Account): ConnectAccountState {
  return {
    accountId: account.id,
    chargesEnabled: account.charges_enabled,
    payoutsEnabled: account.payouts_enabled,
    detailsSubmitted: account.details_submitted,
    requirementsDue: account.requirements?.currently_due ?? [],
    disabledReason: account.requirements?.disabled_reason ?? null,
  };
}

/**
 * The shop's Express account. The idempotency key names the shop, so a double click, a retry or a
 * crash before the id was saved all get the same account back from Stripe (for 24 hours; after
 * that the id is long saved).
 */
export async function createExpressAccount(fields: {
  shopId: string;
  email: string;
}): Promise<ConnectAccountState> {
  const account = await stripe().accounts.create(
    {
      type: "express",
      email: fields.email,
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      metadata: { shopId: fields.shopId },
    },
    { idempotencyKey: `connect-account:${fields.shopId}` },
  );
  return connectAccountState(account);
}

export async function retrieveConnectAccount(accountId: string): Promise<ConnectAccountState> {
  return connectAccountState(await stripe().accounts.retrieve(accountId));
}

/** A one-time link to Stripe's hosted onboarding; Stripe sends the seller back to one of the URLs. */
export async function createOnboardingLink(
  accountId: string,
  urls: { refreshUrl: string; returnUrl: string },
): Promise<string> {
  const link = await stripe().accountLinks.create({
    account: accountId,
    type: "account_onboarding",
    refresh_url: urls.refreshUrl,
    return_url: urls.returnUrl,
  });
  return link.url;
}

/** What a paid charge cost and where its money went, as Stripe booked it. */
export type ChargeSettlement = {
  chargeId: string;
  /** Stripe's processing fee: `fee_details` of type stripe_fee on the charge's balance transaction. */
  stripeFeeAmount: number | null;
  applicationFeeAmount: number;
  destinationAccountId: string | null;
  transferId: string | null;
  /** What the transfer moved to the connected account (the seller's share), when there is one. */
  transferAmount: number | null;
  /** The payer's country: billing address, else the card's issuing country. */
  country: string | null;
};

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : (value?.id ?? null);

export async function retrieveChargeSettlement(paymentIntentId: string): Promise<ChargeSettlement | null> {
  const intent = await stripe().paymentIntents.retrieve(paymentIntentId, {
    expand: ["latest_charge.balance_transaction", "latest_charge.transfer"],
  });
  const charge = intent.latest_charge;
  if (!charge || typeof charge === "string" || charge.status !== "succeeded") return null;
  const txn = typeof charge.balance_transaction === "object" ? charge.balance_transaction : null;
  const transfer = typeof charge.transfer === "object" ? charge.transfer : null;
  const stripeFee = txn
    ? txn.fee_details.filter((detail) => detail.type === "stripe_fee").reduce((sum, d) => sum + d.amount, 0)
    : null;
  return {
    chargeId: charge.id,
    stripeFeeAmount: stripeFee,
    applicationFeeAmount: charge.application_fee_amount ?? 0,
    destinationAccountId: idOf(charge.transfer_data?.destination),
    transferId: transfer?.id ?? idOf(charge.transfer),
    transferAmount: transfer?.amount ?? null,
    country: charge.billing_details.address?.country ?? charge.payment_method_details?.card?.country ?? null,
  };
}
