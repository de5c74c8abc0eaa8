import { createHash } from "node:crypto";
import { planConnectDestination } from "~/modules/payouts/destination.server.ts";
import { type Stripe, stripe } from "./stripe.server.ts";

/**
 * Stripe Products, Prices and subscription price moves for sellers' plans, through the official SDK.
 * Creates carry idempotency keys derived from our own row ids (and, where the parameters may differ
 * between attempts, a hash of them), so a retried save never makes a second Product or Price.
 * Updates set a state ("inactive", "this name") and are safe to repeat; the SDK's own retries
 * give them a key per call.
 */

/** A Product's id is ours: one per plan, so it can be found again whatever happened to our row. */
export const productIdForPlan = (planId: string) => `stapel_plan_${planId}`;
/** A Price's lookup key names our PlanPrice row, so a Price created but never recorded is found. */
export const lookupKeyForPlanPrice = (planPriceId: string) => `stapel_plan_price_${planPriceId}`;

const paramsHash = (params: unknown) =>
  createHash("sha256").update(JSON.stringify(params)).digest("base64url").slice(0, 16);

export type ProductFields = {
  planId: string;
  shopId: string;
  name: string;
  description: string;
  active: boolean;
};

/**
 * Creates the plan's Product, or brings an existing one (same id) up to date. Stripe refuses an
 * empty description on create, so it is left out then; on update an empty string clears it.
 */
export async function upsertPlanProduct(fields: ProductFields): Promise<Stripe.Product> {
  const id = productIdForPlan(fields.planId);
  const metadata = { planId: fields.planId, shopId: fields.shopId };
  const existing = await retrieveProduct(id);
  if (existing) {
    const changed =
      existing.name !== fields.name ||
      (existing.description ?? "") !== fields.description ||
      existing.active !== fields.active ||
      existing.metadata.planId !== fields.planId;
    if (!changed) return existing;
    return stripe().products.update(id, {
      name: fields.name,
      description: fields.description,
      active: fields.active,
      metadata,
    });
  }
  const params: Stripe.ProductCreateParams = {
    id,
    name: fields.name,
    ...(fields.description && { description: fields.description }),
    active: fields.active,
    metadata,
  };
  try {
    return await stripe().products.create(params, {
      idempotencyKey: `plan-product:${fields.planId}:${paramsHash(params)}`,
    });
  } catch (error) {
    // Another save created it between our look and our create: update that one.
    if (isAlreadyExists(error)) return upsertPlanProduct(fields);
    throw error;
  }
}

async function retrieveProduct(id: string): Promise<Stripe.Product | null> {
  try {
    return await stripe().products.retrieve(id);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

export type PriceFields = {
  planPriceId: string;
  planId: string;
  productId: string;
  amount: number;
  currency: string;
  interval: "MONTH" | "YEAR";
  nickname: string;
};

/** The Stripe Price for one PlanPrice row: found by its lookup key, or created. */
export async function ensurePlanPrice(fields: PriceFields): Promise<Stripe.Price> {
  const lookupKey = lookupKeyForPlanPrice(fields.planPriceId);
  const found = await stripe().prices.list({ lookup_keys: [lookupKey], limit: 1 });
  const existing = found.data[0];
  if (existing) {
    const product = typeof existing.product === "string" ? existing.product : existing.product.id;
    const interval = fields.interval === "MONTH" ? "month" : "year";
    if (
      existing.unit_amount !== fields.amount ||
      existing.currency !== fields.currency.toLowerCase() ||
      existing.recurring?.interval !== interval ||
      product !== fields.productId
    ) {
      throw new Error(
        `Stripe price ${existing.id} (lookup key ${lookupKey}) does not match plan price ${fields.planPriceId}`,
      );
    }
    return existing;
  }
  return stripe().prices.create(
    {
      product: fields.productId,
      currency: fields.currency.toLowerCase(),
      unit_amount: fields.amount,
      recurring: { interval: fields.interval === "MONTH" ? "month" : "year" },
      nickname: fields.nickname,
      lookup_key: lookupKey,
      metadata: { planId: fields.planId, planPriceId: fields.planPriceId },
    },
    { idempotencyKey: `plan-price:${fields.planPriceId}` },
  );
}

/** Every Price of a Product, active or archived (a plan has a handful; pages are followed anyway). */
export async function listProductPrices(productId: string): Promise<Stripe.Price[]> {
  const prices: Stripe.Price[] = [];
  for await (const price of stripe().prices.list({ product: productId, limit: 100 })) prices.push(price);
  return prices;
}

/** Prices cannot be deleted or changed in amount; they can be archived (and un-archived). */
export async function setPriceActive(priceId: string, active: boolean): Promise<Stripe.Price> {
  return stripe().prices.update(priceId, { active });
}

export type SubscriptionPriceMove =
  | { kind: "moved" }
  | { kind: "already-there" }
  | { kind: "ended" }
  | { kind: "missing" };

/**
 * Moves a subscription's one item to another Price, prorated: the customer pays the difference for
 * the rest of the period on the next invoice. The key names the subscription and the target Price,
 * so a repeated move is answered from Stripe's idempotency store.
 */
export async function moveSubscriptionToPrice(
  stripeSubscriptionId: string,
  stripePriceId: string,
): Promise<SubscriptionPriceMove> {
  let subscription: Stripe.Subscription;
  try {
    subscription = await stripe().subscriptions.retrieve(stripeSubscriptionId);
  } catch (error) {
    if (isMissing(error)) return { kind: "missing" };
    throw error;
  }
  if (subscription.status === "canceled" || subscription.status === "incomplete_expired")
    return { kind: "ended" };
  const item = subscription.items.data[0];
  if (!item) return { kind: "missing" };
  if (item.price.id === stripePriceId) return { kind: "already-there" };
  await stripe().subscriptions.update(
    stripeSubscriptionId,
    { items: [{ id: item.id, price: stripePriceId }], proration_behavior: "create_prorations" },
    { idempotencyKey: `plan-price-move:${stripeSubscriptionId}:${stripePriceId}` },
  );
  return { kind: "moved" };
}

export type SubscriptionCheckoutFields = {
  userId: string;
  email: string;
  stripeCustomerId: string | null;
  planId: string;
  planPriceId: string;
  stripePriceId: string;
  trialDays: number;
  /** A promotion code Stapel checked (the plan page's code field); null lets Checkout ask for one. */
  promotionCode?: string | null;
  successUrl: string;
  cancelUrl: string;
};

/**
 * A Checkout Session in subscription mode, with the fields the subscription's fulfilment reads. When
 * the plan's shop can take charges, every invoice is a destination charge to its connected account
 * with the platform's fee as `application_fee_percent` (ADR 19). The destination is looked up here
 * rather than passed in, so every caller gets it.
 */
export async function createSubscriptionCheckoutSession(
  fields: SubscriptionCheckoutFields,
): Promise<Stripe.Checkout.Session> {
  const references = { userId: fields.userId, planId: fields.planId, planPriceId: fields.planPriceId };
  const destination = await planConnectDestination(fields.planId);
  return stripe().checkout.sessions.create({
    mode: "subscription",
    client_reference_id: fields.userId,
    ...(fields.stripeCustomerId ? { customer: fields.stripeCustomerId } : { customer_email: fields.email }),
    metadata: { kind: "subscription", ...references },
    subscription_data: {
      metadata: references,
      ...(fields.trialDays > 0 && { trial_period_days: fields.trialDays }),
      ...(destination && {
        application_fee_percent: destination.feeBps / 100,
        transfer_data: { destination: destination.accountId },
      }),
    },
    line_items: [{ price: fields.stripePriceId, quantity: 1 }],
    // A code checked by Stapel is applied; otherwise the subscriber may type one on Stripe's page
    // (Stripe accepts only one of the two).
    ...(fields.promotionCode
      ? { discounts: [{ promotion_code: fields.promotionCode }] }
      : { allow_promotion_codes: true }),
    success_url: fields.successUrl,
    cancel_url: fields.cancelUrl,
  });
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "resource_missing";
}

function isAlreadyExists(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "resource_already_exists";
}

/** Stripe could not be reached or refused the call: the caller keeps its own state and says so. */
export function describeStripeFailure(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n")[0] ?? error.message;
  return String(error);
}
