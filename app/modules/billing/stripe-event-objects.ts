import { z } from "zod";
import type { Stripe } from "~/integrations/stripe.server.ts";

/**
 * The fields of each event's `data.object` that Stapel's handlers read, checked before use. An object
 * without them can never be handled, whatever the retry: its event is ignored as MALFORMED_OBJECT.
 * Field names and types follow stripe-node's types (the `satisfies` lines keep them in step).
 */

const id = z.string().min(1).max(255);
/** A money amount in minor units that fits the database's integer columns. */
const amount = z.number().int().min(0).max(2_147_483_647);
/** An expandable reference: the id, the expanded object, or null. */
const reference = z.union([id, z.object({ id }), z.null()]);

/** A line or total that may be negative (proration credits). */
const signedAmount = z.number().int().min(-2_147_483_648).max(2_147_483_647);
/** Unix seconds. */
const timestamp = z.number().int().min(0);
const currency = z.string().regex(/^[A-Za-z]{3}$/);
const metadata = z.record(z.string(), z.string()).nullish();

/** `mode` tells a subscription Checkout from a one-off purchase; a session without it is a purchase. */
export const checkoutSessionObject = z.looseObject({ id, mode: z.string().max(64).nullish() });

export const subscriptionObject = z.looseObject({
  id,
  // Stripe may add statuses (its types say so); an unknown one is refused where it is read.
  status: z.string().max(64),
  customer: reference,
  metadata,
  cancel_at_period_end: z.boolean(),
  cancel_at: timestamp.nullish(),
  canceled_at: timestamp.nullish(),
  ended_at: timestamp.nullish(),
  trial_end: timestamp.nullish(),
  test_clock: reference.optional(),
  items: z.object({
    data: z.array(
      z.object({
        price: z.object({ id }).nullish(),
        current_period_start: timestamp.optional(),
        current_period_end: timestamp.optional(),
      }),
    ),
  }),
  // Before API version 2025-03-31 the period was on the subscription itself.
  current_period_start: timestamp.optional(),
  current_period_end: timestamp.optional(),
});

export const invoiceObject = z.looseObject({
  id,
  status: z.string().max(64).nullable(),
  customer: reference.optional(),
  currency,
  subtotal: signedAmount,
  total: signedAmount,
  amount_paid: amount,
  amount_due: amount,
  number: z.string().max(255).nullable(),
  hosted_invoice_url: z.string().max(2048).nullish(),
  period_start: timestamp,
  period_end: timestamp,
  attempt_count: z.number().int().min(0),
  billing_reason: z.string().max(64).nullable(),
  status_transitions: z.object({ paid_at: timestamp.nullable() }),
  total_taxes: z.array(z.object({ amount: signedAmount })).nullish(),
  lines: z.object({
    data: z.array(
      z.object({
        description: z.string().max(2000).nullable(),
        amount: signedAmount,
        quantity: z.number().int().nullable(),
        period: z.object({ start: timestamp, end: timestamp }).optional(),
      }),
    ),
  }),
  parent: z.object({ subscription_details: z.object({ subscription: reference }).nullable() }).nullish(),
  // Before API version 2025-03-31 the subscription was named on the invoice itself.
  subscription: reference.optional(),
});

export const testClockObject = z.looseObject({ id, frozen_time: timestamp });

export const chargeObject = z.looseObject({
  amount,
  amount_refunded: amount,
  refunded: z.boolean(),
  payment_intent: reference,
});

export const refundObject = z.looseObject({
  id,
  amount,
  currency: z.string().regex(/^[A-Za-z]{3}$/),
  payment_intent: reference.optional(),
  status: z.string().nullish(),
  reason: z.string().max(255).nullish(),
});

export const disputeObject = z.looseObject({ payment_intent: reference });

/** Connect: only the id is read; the handler asks Stripe for the account's current state. */
export const accountObject = z.looseObject({ id: z.string().regex(/^acct_[A-Za-z0-9]{1,250}$/) });

export type CheckoutSessionObject = z.infer<typeof checkoutSessionObject>;
export type ChargeObject = z.infer<typeof chargeObject>;
export type RefundObject = z.infer<typeof refundObject>;
export type DisputeObject = z.infer<typeof disputeObject>;
export type AccountObject = z.infer<typeof accountObject>;
export type SubscriptionObject = z.infer<typeof subscriptionObject>;
export type InvoiceObject = z.infer<typeof invoiceObject>;
export type TestClockObject = z.infer<typeof testClockObject>;

// Stripe's own types must fit these shapes, so that a real object never counts as malformed. Nested
// shapes are plain objects (their other keys are dropped), as Stripe's interfaces have no index signature.
type Declared<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
type Fits<Real, Checked> = Real extends Declared<Checked> ? true : never;
true satisfies Fits<Stripe.Checkout.Session, CheckoutSessionObject>;
true satisfies Fits<Stripe.Charge, ChargeObject>;
true satisfies Fits<Stripe.Refund, RefundObject>;
true satisfies Fits<Stripe.Dispute, DisputeObject>;
true satisfies Fits<Stripe.Account, AccountObject>;
true satisfies Fits<Stripe.Subscription, SubscriptionObject>;
true satisfies Fits<Stripe.Invoice, InvoiceObject>;
true satisfies Fits<Stripe.TestHelpers.TestClock, TestClockObject>;

export const idOf = (value: string | { id: string } | null | undefined): string | undefined =>
  typeof value === "string" ? value : value?.id;
