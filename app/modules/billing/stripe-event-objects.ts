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

export const checkoutSessionObject = z.looseObject({ id });

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

export type CheckoutSessionObject = z.infer<typeof checkoutSessionObject>;
export type ChargeObject = z.infer<typeof chargeObject>;
export type RefundObject = z.infer<typeof refundObject>;
export type DisputeObject = z.infer<typeof disputeObject>;

// Stripe's own types must fit these shapes, so that a real object never counts as malformed.
type Declared<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
type Fits<Real, Checked> = Real extends Declared<Checked> ? true : never;
true satisfies Fits<Stripe.Checkout.Session, CheckoutSessionObject>;
true satisfies Fits<Stripe.Charge, ChargeObject>;
true satisfies Fits<Stripe.Refund, RefundObject>;
true satisfies Fits<Stripe.Dispute, DisputeObject>;

export const idOf = (value: string | { id: string } | null | undefined): string | undefined =>
  typeof value === "string" ? value : value?.id;
