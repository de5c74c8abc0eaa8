import type Stripe from "stripe";
import { z } from "zod";
import { endSubscription } from "../billing/subscription-state.ts";
import { applySubscriptionUpdate } from "../billing/subscription-update.ts";
import { nowFor } from "../billing/time.ts";
import { eventRequest, type SandboxContext } from "../context.ts";
import { invalidRequest, resourceMissing } from "../errors.ts";
import { render, renderList } from "../expand.ts";
import { paginate } from "../list.ts";
import { customerIdOf } from "../objects/subscription.ts";
import {
  bool,
  createdFilter,
  expandParam,
  int,
  list,
  listParams,
  metadata,
  oneOf,
  parseParams,
  str,
  unsettable,
} from "../params.ts";
import type { Route } from "../router.ts";
import { unsupported } from "./checkout-params.ts";

const FEEDBACK = [
  "customer_service",
  "low_quality",
  "missing_features",
  "other",
  "switched_service",
  "too_complex",
  "too_expensive",
  "unused",
] as const;

const cancellationDetails = z
  .strictObject({
    comment: unsettable().optional(),
    feedback: z.union([z.literal(""), oneOf(FEEDBACK)]).optional(),
  })
  .transform(({ comment, feedback }) => ({ comment, feedback: feedback === "" ? null : feedback }));

const NOT_MODELED = [
  "add_invoice_items",
  "application_fee_percent",
  "automatic_tax",
  "billing_cycle_anchor",
  "billing_schedules",
  "billing_thresholds",
  "collection_method",
  "days_until_due",
  "default_source",
  "default_tax_rates",
  "discounts",
  "invoice_settings",
  "off_session",
  "on_behalf_of",
  "payment_settings",
  "pending_invoice_item_interval",
  "transfer_data",
  "trial_end",
  "trial_from_plan",
  "trial_settings",
] as const;

const updateSchema = z.strictObject({
  cancel_at_period_end: bool().optional(),
  cancel_at: z.union([z.literal("").transform(() => null), int(0)]).optional(),
  cancellation_details: cancellationDetails.optional(),
  items: list(
    z.strictObject({
      id: str().optional(),
      price: str().optional(),
      quantity: int(1).optional(),
      deleted: unsupported(),
      price_data: unsupported(),
      metadata: unsupported(),
      discounts: unsupported(),
      tax_rates: unsupported(),
      billing_thresholds: unsupported(),
      clear_usage: unsupported(),
    }),
  ).optional(),
  proration_behavior: oneOf(["create_prorations", "none", "always_invoice"]).optional(),
  proration_date: int(0).optional(),
  pause_collection: z
    .union([
      z.literal("").transform(() => null),
      z.strictObject({
        behavior: oneOf(["keep_as_draft", "mark_uncollectible", "void"]),
        resumes_at: int(0).optional(),
      }),
    ])
    .optional(),
  metadata: z.union([z.literal(""), metadata()]).optional(),
  default_payment_method: str().optional(),
  description: unsettable().optional(),
  payment_behavior: z
    .enum(["allow_incomplete", "error_if_incomplete", "default_incomplete", "pending_if_incomplete"], {
      error:
        "Invalid payment_behavior: must be one of allow_incomplete, error_if_incomplete, default_incomplete, pending_if_incomplete",
    })
    .refine((value) => value === "allow_incomplete" || value === "error_if_incomplete", {
      error:
        "The Stapel Stripe sandbox models payment_behavior allow_incomplete and error_if_incomplete only.",
    })
    .optional(),
  expand: expandParam().optional(),
  ...Object.fromEntries(NOT_MODELED.map((name) => [name, unsupported()])),
});

const STATUSES = [
  "active",
  "all",
  "canceled",
  "ended",
  "incomplete",
  "incomplete_expired",
  "past_due",
  "paused",
  "trialing",
  "unpaid",
] as const;

const listSchema = z.strictObject({
  ...listParams,
  created: createdFilter().optional(),
  customer: str().optional(),
  price: str().optional(),
  status: oneOf(STATUSES).optional(),
  test_clock: str().optional(),
  collection_method: oneOf(["charge_automatically", "send_invoice"]).optional(),
});

const cancelSchema = z.strictObject({
  cancellation_details: cancellationDetails.optional(),
  invoice_now: bool()
    .refine((value) => !value, {
      error: "The Stapel Stripe sandbox does not model a final invoice (invoice_now).",
    })
    .optional(),
  prorate: bool()
    .refine((value) => !value, {
      error: "The Stapel Stripe sandbox does not model prorations on cancel (prorate).",
    })
    .optional(),
  expand: expandParam().optional(),
});

const retrieveSchema = z.strictObject({ expand: expandParam().optional() });

export function findSubscription(ctx: SandboxContext, id: string, param = "id"): Stripe.Subscription {
  const subscription = ctx.store.subscriptions.get(id);
  if (!subscription) throw resourceMissing("subscription", id, param);
  return subscription;
}

function matchesStatus(
  status: Stripe.Subscription.Status,
  filter: (typeof STATUSES)[number] | undefined,
): boolean {
  if (filter === "all") return true;
  if (filter === "ended") return status === "canceled" || status === "incomplete_expired";
  // Without a status filter Stripe lists every subscription that is not canceled.
  if (!filter) return status !== "canceled";
  return status === filter;
}

export const subscriptionRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/v1/subscriptions",
    handler: (ctx, req) => {
      const { expand, customer, price, status, test_clock, collection_method, ...page } = parseParams(
        listSchema,
        req.input,
      );
      const subscriptions = [...ctx.store.subscriptions.values()]
        .filter((s) => (!customer || customerIdOf(s) === customer) && matchesStatus(s.status, status))
        .filter((s) => !price || s.items.data.some((item) => item.price.id === price))
        .filter(
          (s) =>
            (!test_clock || s.test_clock === test_clock) &&
            (!collection_method || s.collection_method === collection_method),
        )
        .reverse();
      return renderList(ctx.store, paginate(subscriptions, page, "/v1/subscriptions"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/subscriptions/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      return render(ctx.store, findSubscription(ctx, req.params.id ?? ""), expand);
    },
  },
  {
    method: "POST",
    pattern: "/v1/subscriptions/:id",
    handler: (ctx, req) => {
      const subscription = findSubscription(ctx, req.params.id ?? "");
      const { expand, ...params } = parseParams(updateSchema, req.input);
      applySubscriptionUpdate(ctx, subscription, params, eventRequest(req.info));
      return render(ctx.store, subscription, expand);
    },
  },
  {
    method: "DELETE",
    pattern: "/v1/subscriptions/:id",
    handler: (ctx, req) => {
      const subscription = findSubscription(ctx, req.params.id ?? "");
      const { expand, cancellation_details } = parseParams(cancelSchema, req.input);
      if (subscription.status === "canceled" || subscription.status === "incomplete_expired") {
        throw invalidRequest(`This subscription has already been canceled: ${subscription.id}`, "id");
      }
      if (cancellation_details) {
        subscription.cancellation_details = {
          ...(subscription.cancellation_details ?? {
            feedback_option: null,
            reason: null,
            comment: null,
            feedback: null,
          }),
          ...(cancellation_details.comment !== undefined && { comment: cancellation_details.comment }),
          ...(cancellation_details.feedback !== undefined && { feedback: cancellation_details.feedback }),
        };
      }
      const now = nowFor(ctx, customerIdOf(subscription));
      endSubscription(ctx, subscription, now, "cancellation_requested", eventRequest(req.info));
      return render(ctx.store, subscription, expand);
    },
  },
  {
    method: "POST",
    pattern: "/v1/subscriptions/:id/resume",
    handler: (ctx, req) => {
      const subscription = findSubscription(ctx, req.params.id ?? "");
      parseParams(
        z.strictObject({
          billing_cycle_anchor: oneOf(["now", "unchanged"]).optional(),
          proration_behavior: oneOf(["create_prorations", "none", "always_invoice"]).optional(),
          proration_date: int(0).optional(),
          expand: expandParam().optional(),
        }),
        req.input,
      );
      // Stripe resumes only `status=paused` subscriptions (a trial that ended without a payment method);
      // paused *collection* is lifted with `pause_collection=""` instead.
      throw invalidRequest(
        `Subscription ${subscription.id} cannot be resumed because its status is ${subscription.status}; only paused subscriptions can be resumed. To resume payment collection, unset pause_collection.`,
      );
    },
  },
];
