import type Stripe from "stripe";
import type { SandboxContext } from "./context.ts";
import { newId } from "./ids.ts";
import {
  buildApplicationFee,
  buildBalanceTransaction,
  buildTransfer,
  stripeProcessingFee,
} from "./objects/connect.ts";

/**
 * Where the money of a charge goes, as Stripe books it on the platform: a balance transaction with
 * Stripe's processing fee for every successful charge; for a destination charge
 * (`transfer_data[destination]`) also a transfer of the amount less the application fee to the
 * connected account, and the application fee itself. Refunds book the reverse.
 */

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : (value?.id ?? null);

/**
 * Creates the objects a successful charge points at (`balance_transaction`, `transfer`,
 * `application_fee`, whose ids the charge already carries). Returns the events to send once the
 * charge's own events are out: `transfer.created` and `application_fee.created`.
 */
export function settleCharge(ctx: SandboxContext, charge: Stripe.Charge, now: number): () => void {
  const txnId = idOf(charge.balance_transaction);
  if (!charge.paid || !txnId) return () => {};
  const fee = stripeProcessingFee(charge.amount, charge.currency);
  ctx.store.balanceTransactions.set(
    txnId,
    buildBalanceTransaction({
      id: txnId,
      amount: charge.amount,
      currency: charge.currency,
      type: "charge",
      reportingCategory: "charge",
      source: charge.id,
      description: charge.description,
      fees: [
        {
          amount: fee,
          application: null,
          currency: charge.currency,
          description: "Stripe processing fees",
          type: "stripe_fee",
        },
      ],
      created: now,
    }),
  );
  const destination = charge.transfer_data ? idOf(charge.transfer_data.destination) : null;
  const transferId = idOf(charge.transfer);
  if (!destination || !transferId) {
    ctx.store.markDirty();
    return () => {};
  }
  const applicationFeeAmount = charge.application_fee_amount ?? 0;
  const transferTxn = buildBalanceTransaction({
    amount: -(charge.amount - applicationFeeAmount),
    currency: charge.currency,
    type: "transfer",
    reportingCategory: "transfer",
    source: transferId,
    description: null,
    created: now,
  });
  ctx.store.balanceTransactions.set(transferTxn.id, transferTxn);
  const transfer = buildTransfer({
    id: transferId,
    amount: charge.amount - applicationFeeAmount,
    currency: charge.currency,
    destination,
    sourceTransaction: charge.id,
    transferGroup: charge.transfer_group,
    balanceTransaction: transferTxn.id,
    created: now,
  });
  ctx.store.transfers.set(transfer.id, transfer);
  const feeId = idOf(charge.application_fee);
  let applicationFee: Stripe.ApplicationFee | undefined;
  if (feeId) {
    const feeTxn = buildBalanceTransaction({
      amount: applicationFeeAmount,
      currency: charge.currency,
      type: "application_fee",
      reportingCategory: "platform_earning",
      source: feeId,
      description: null,
      created: now,
    });
    ctx.store.balanceTransactions.set(feeTxn.id, feeTxn);
    applicationFee = buildApplicationFee({
      id: feeId,
      amount: applicationFeeAmount,
      currency: charge.currency,
      account: destination,
      // On a destination charge the fee is taken from the payment the transfer made on the account.
      charge: idOf(transfer.destination_payment) ?? charge.id,
      originatingTransaction: charge.id,
      balanceTransaction: feeTxn.id,
      created: now,
    });
    ctx.store.applicationFees.set(applicationFee.id, applicationFee);
  }
  ctx.store.markDirty();
  return () => {
    ctx.emit("transfer.created", transfer, { created: now });
    if (applicationFee) ctx.emit("application_fee.created", applicationFee, { created: now });
  };
}

/** A refund's own balance transaction: the amount leaves the platform; Stripe keeps its fee. */
export function bookRefund(ctx: SandboxContext, refund: Stripe.Refund, now: number): void {
  const txnId = idOf(refund.balance_transaction);
  if (!txnId) return;
  ctx.store.balanceTransactions.set(
    txnId,
    buildBalanceTransaction({
      id: txnId,
      amount: -refund.amount,
      currency: refund.currency,
      type: "refund",
      reportingCategory: "refund",
      source: refund.id,
      description: "REFUND FOR CHARGE",
      created: now,
    }),
  );
  ctx.store.markDirty();
}

/**
 * `reverse_transfer` takes back from the connected account the share of the transfer the refund
 * represents; `refund_application_fee` gives back the same share of the application fee. Both are
 * proportional to `refund.amount / charge.amount` (Stripe's documented rule for destination charges).
 */
export function reverseConnectShares(
  ctx: SandboxContext,
  fields: {
    charge: Stripe.Charge;
    refund: Stripe.Refund;
    reverseTransfer: boolean;
    refundApplicationFee: boolean;
    now: number;
  },
): () => void {
  const { charge, refund, now } = fields;
  const share = (amount: number) => Math.round((amount * refund.amount) / charge.amount);
  const emits: (() => void)[] = [];
  const transfer = ctx.store.transfers.get(idOf(charge.transfer) ?? "");
  if (fields.reverseTransfer && transfer) {
    const amount = Math.min(share(transfer.amount), transfer.amount - transfer.amount_reversed);
    const txn = buildBalanceTransaction({
      amount,
      currency: transfer.currency,
      type: "transfer_refund",
      reportingCategory: "transfer_reversal",
      source: transfer.id,
      description: null,
      created: now,
    });
    ctx.store.balanceTransactions.set(txn.id, txn);
    const reversal: Stripe.TransferReversal = {
      id: newId("trr_1"),
      object: "transfer_reversal",
      amount,
      balance_transaction: txn.id,
      created: now,
      currency: transfer.currency,
      destination_payment_refund: newId("pyr_1"),
      metadata: {},
      source_refund: refund.id,
      transfer: transfer.id,
    };
    transfer.reversals.data.unshift(reversal);
    transfer.amount_reversed += amount;
    transfer.reversed = transfer.amount_reversed >= transfer.amount;
    refund.transfer_reversal = reversal.id;
    emits.push(() => ctx.emit("transfer.reversed", transfer, { created: now }));
  }
  const fee = ctx.store.applicationFees.get(idOf(charge.application_fee) ?? "");
  if (fields.refundApplicationFee && fee) {
    const amount = Math.min(share(fee.amount), fee.amount - fee.amount_refunded);
    const txn = buildBalanceTransaction({
      amount: -amount,
      currency: fee.currency,
      type: "application_fee_refund",
      reportingCategory: "platform_earning_refund",
      source: fee.id,
      description: null,
      created: now,
    });
    ctx.store.balanceTransactions.set(txn.id, txn);
    const feeRefund: Stripe.FeeRefund = {
      id: newId("fr_1"),
      object: "fee_refund",
      amount,
      balance_transaction: txn.id,
      created: now,
      currency: fee.currency,
      fee: fee.id,
      metadata: {},
    };
    fee.refunds.data.unshift(feeRefund);
    fee.amount_refunded += amount;
    fee.refunded = fee.amount_refunded >= fee.amount;
    emits.push(() => ctx.emit("application_fee.refunded", fee, { created: now }));
  }
  ctx.store.markDirty();
  return () => {
    for (const emit of emits) emit();
  };
}
