import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { ApiError, invalidRequest, resourceMissing } from "../errors.ts";
import { currentPeriod, customerIdOf } from "../objects/subscription.ts";
import { mergeMetadata } from "../routes/customers.ts";
import { chargeDecline, testCardByFingerprint } from "../test-cards.ts";
import { applyPlanChange, type ProrationBehavior } from "./plan-change.ts";
import type { ItemChange } from "./prorations.ts";
import { paymentMethodFor, updateSubscription } from "./subscription-state.ts";
import { nowFor } from "./time.ts";

/** The parameters of `POST /v1/subscriptions/:id` the sandbox models, already validated for type. */
export interface SubscriptionUpdate {
  cancel_at_period_end?: boolean;
  cancel_at?: number | null;
  cancellation_details?: {
    comment?: string | null;
    feedback?: Stripe.Subscription.CancellationDetails.Feedback | null;
  };
  items?: { id?: string; price?: string; quantity?: number }[];
  proration_behavior?: ProrationBehavior;
  proration_date?: number;
  pause_collection?: { behavior: Stripe.Subscription.PauseCollection.Behavior; resumes_at?: number } | null;
  metadata?: "" | Record<string, string>;
  default_payment_method?: string;
  description?: string | null;
  payment_behavior?: "allow_incomplete" | "error_if_incomplete";
}

/** Applies an API update; one `customer.subscription.updated` carries every changed key. */
export function applySubscriptionUpdate(
  ctx: SandboxContext,
  subscription: Stripe.Subscription,
  params: SubscriptionUpdate,
  request?: Stripe.Event.Request,
): void {
  const now = nowFor(ctx, customerIdOf(subscription));
  if (subscription.status === "canceled" || subscription.status === "incomplete_expired") {
    const allowed = new Set(["metadata", "cancellation_details"]);
    const other = Object.keys(params).find((key) => !allowed.has(key));
    if (other) {
      throw invalidRequest(
        "A canceled subscription can only update its cancellation_details and metadata.",
        other,
      );
    }
  }
  const changes = resolveItems(ctx, subscription, params.items ?? []);
  const period = currentPeriod(subscription);
  if (
    params.proration_date !== undefined &&
    (params.proration_date < period.start || params.proration_date > period.end)
  ) {
    throw invalidRequest("The proration_date must be within the current billing period.", "proration_date");
  }
  const method = params.default_payment_method
    ? attachedMethod(ctx, subscription, params.default_payment_method)
    : undefined;
  const simple = (s: Stripe.Subscription) => applySimpleFields(s, params, now, method);
  const real = changes.filter(
    ({ item, price, quantity }) => item.price.id !== price.id || item.quantity !== quantity,
  );
  if (real.length === 0) {
    updateSubscription(ctx, subscription, now, simple, request);
    return;
  }
  const behavior = params.proration_behavior ?? "create_prorations";
  if (params.payment_behavior === "error_if_incomplete" && behavior === "always_invoice") {
    const card = method ?? paymentMethodFor(ctx, subscription);
    const decline = chargeDecline(testCardByFingerprint(card?.card?.fingerprint));
    if (decline) throw new ApiError(402, "card_error", decline.message, decline.code);
  }
  applyPlanChange(ctx, subscription, real, {
    behavior,
    prorationDate: params.proration_date,
    now,
    request,
    alsoChange: simple,
  });
}

function applySimpleFields(
  s: Stripe.Subscription,
  params: SubscriptionUpdate,
  now: number,
  method: Stripe.PaymentMethod | undefined,
): void {
  const details = s.cancellation_details ?? {
    comment: null,
    feedback: null,
    feedback_option: null,
    reason: null,
  };
  if (params.cancel_at_period_end === true) {
    const end = currentPeriod(s).end;
    Object.assign(s, { cancel_at_period_end: true, cancel_at: end, canceled_at: s.canceled_at ?? now });
    s.cancellation_details = { ...details, reason: "cancellation_requested" };
  } else if (params.cancel_at_period_end === false || params.cancel_at === null) {
    Object.assign(s, { cancel_at_period_end: false, cancel_at: null, canceled_at: null });
    s.cancellation_details = { comment: null, feedback: null, feedback_option: null, reason: null };
  }
  if (typeof params.cancel_at === "number") {
    Object.assign(s, { cancel_at: params.cancel_at, canceled_at: s.canceled_at ?? now });
    s.cancellation_details = { ...(s.cancellation_details ?? details), reason: "cancellation_requested" };
  }
  if (params.cancellation_details && s.cancellation_details) {
    const { comment, feedback } = params.cancellation_details;
    if (comment !== undefined) s.cancellation_details.comment = comment;
    if (feedback !== undefined) s.cancellation_details.feedback = feedback;
  }
  if (params.pause_collection !== undefined) {
    s.pause_collection = params.pause_collection && {
      behavior: params.pause_collection.behavior,
      resumes_at: params.pause_collection.resumes_at ?? null,
    };
  }
  if (params.metadata !== undefined) s.metadata = mergeMetadata(s.metadata, params.metadata);
  if (params.description !== undefined) s.description = params.description;
  if (method) s.default_payment_method = method.id;
}

/** `items[i][id]` must name an item of this subscription; `items[i][price]` an active recurring price. */
export function resolveItems(
  ctx: SandboxContext,
  subscription: Stripe.Subscription,
  items: NonNullable<SubscriptionUpdate["items"]>,
): ItemChange[] {
  return items.map((entry, index) => {
    if (!entry.id) {
      throw invalidRequest(
        "The Stapel Stripe sandbox can only change existing items: pass items[][id] (adding items is not modeled).",
        `items[${index}][id]`,
      );
    }
    const item = subscription.items.data.find((candidate) => candidate.id === entry.id);
    if (!item) throw resourceMissing("subscription_item", entry.id, `items[${index}][id]`);
    let price = item.price;
    if (entry.price) {
      const found = ctx.store.prices.get(entry.price);
      if (!found) throw resourceMissing("price", entry.price, `items[${index}][price]`);
      if (!found.active) {
        throw invalidRequest(
          "The price specified is inactive. This field only accepts active prices.",
          `items[${index}][price]`,
        );
      }
      if (found.type !== "recurring") {
        throw invalidRequest(
          "The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.",
          `items[${index}][price]`,
        );
      }
      if (found.currency !== subscription.currency) {
        throw invalidRequest(
          `The price specified uses currency ${found.currency}, but the subscription is in ${subscription.currency}.`,
          `items[${index}][price]`,
        );
      }
      price = found;
    }
    return { item, price, quantity: entry.quantity ?? item.quantity ?? 1 };
  });
}

function attachedMethod(
  ctx: SandboxContext,
  subscription: Stripe.Subscription,
  id: string,
): Stripe.PaymentMethod {
  const method = ctx.store.paymentMethods.get(id);
  if (!method) throw resourceMissing("payment_method", id, "default_payment_method");
  if (method.customer !== customerIdOf(subscription)) {
    throw invalidRequest(
      `The customer does not have a payment method with the ID ${id}. The payment method must be attached to the customer.`,
      "default_payment_method",
    );
  }
  return method;
}
