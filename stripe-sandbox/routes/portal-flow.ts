import type Stripe from "stripe";
import { z } from "zod";
import type { SandboxContext } from "../context.ts";
import { invalidRequest } from "../errors.ts";
import { int, list, oneOf, str, url } from "../params.ts";
import { customerSubscription } from "./billing-portal.ts";
import { unsupported } from "./checkout-params.ts";

/** `flow_data` of a portal session: a deep link into one action (cancel, switch plan, update card). */
export const flowDataSchema = z.strictObject({
  type: oneOf([
    "payment_method_update",
    "subscription_cancel",
    "subscription_update",
    "subscription_update_confirm",
    "customer_update",
    "subscription_pause",
  ]),
  after_completion: z
    .strictObject({
      type: oneOf(["hosted_confirmation", "portal_homepage", "redirect"]),
      redirect: z.strictObject({ return_url: url() }).optional(),
      hosted_confirmation: z.strictObject({ custom_message: str().optional() }).optional(),
    })
    .optional(),
  subscription_cancel: z.strictObject({ subscription: str(), retention: unsupported() }).optional(),
  subscription_update: z.strictObject({ subscription: str() }).optional(),
  subscription_update_confirm: z
    .strictObject({
      subscription: str(),
      items: list(z.strictObject({ id: str(), price: str().optional(), quantity: int(1).optional() })),
      discounts: unsupported(),
    })
    .optional(),
  subscription_pause: unsupported(),
});

type FlowData = z.output<typeof flowDataSchema>;

/** Checks `flow_data` against the customer and the configuration, and returns the session's `flow`. */
export function portalFlow(
  ctx: SandboxContext,
  data: FlowData,
  customer: Stripe.Customer,
  configuration: Stripe.BillingPortal.Configuration,
): Stripe.BillingPortal.Session.Flow {
  const { features } = configuration;
  const after = data.after_completion ?? { type: "portal_homepage" as const };
  if (after.type === "redirect" && !after.redirect) {
    throw invalidRequest(
      "Missing required param: flow_data[after_completion][redirect].",
      "flow_data[after_completion][redirect]",
      "parameter_missing",
    );
  }
  const flow: Stripe.BillingPortal.Session.Flow = {
    after_completion: {
      type: after.type,
      redirect:
        after.type === "redirect" && after.redirect ? { return_url: after.redirect.return_url } : null,
      hosted_confirmation:
        after.type === "hosted_confirmation"
          ? { custom_message: after.hosted_confirmation?.custom_message ?? null }
          : null,
    },
    customer_update: null,
    subscription_cancel: null,
    subscription_pause: null,
    subscription_update: null,
    subscription_update_confirm: null,
    type: data.type,
  };
  const needs = (enabled: boolean, feature: string) => {
    if (!enabled) {
      throw invalidRequest(
        `The \`${feature}\` feature must be enabled in the portal configuration to use this flow.`,
        "flow_data[type]",
      );
    }
  };
  const missing = (param: string) =>
    invalidRequest(
      `Missing required param: flow_data[${param}].`,
      `flow_data[${param}]`,
      "parameter_missing",
    );
  switch (data.type) {
    case "payment_method_update":
      needs(features.payment_method_update.enabled, "payment_method_update");
      return flow;
    case "subscription_cancel": {
      needs(features.subscription_cancel.enabled, "subscription_cancel");
      if (!data.subscription_cancel) throw missing("subscription_cancel");
      const subscription = live(
        ctx,
        customer,
        data.subscription_cancel.subscription,
        "flow_data[subscription_cancel][subscription]",
      );
      flow.subscription_cancel = { retention: null, subscription: subscription.id };
      return flow;
    }
    case "subscription_update": {
      needs(features.subscription_update.enabled, "subscription_update");
      if (!data.subscription_update) throw missing("subscription_update");
      const subscription = live(
        ctx,
        customer,
        data.subscription_update.subscription,
        "flow_data[subscription_update][subscription]",
      );
      flow.subscription_update = { subscription: subscription.id };
      return flow;
    }
    case "subscription_update_confirm": {
      needs(features.subscription_update.enabled, "subscription_update");
      const confirm = data.subscription_update_confirm;
      if (!confirm) throw missing("subscription_update_confirm");
      const subscription = live(
        ctx,
        customer,
        confirm.subscription,
        "flow_data[subscription_update_confirm][subscription]",
      );
      const allowed = new Set((features.subscription_update.products ?? []).flatMap((p) => p.prices));
      confirm.items.forEach((item, index) => {
        if (!subscription.items.data.some((candidate) => candidate.id === item.id)) {
          throw invalidRequest(
            `No such subscription item: '${item.id}'`,
            `flow_data[subscription_update_confirm][items][${index}][id]`,
            "resource_missing",
          );
        }
        if (item.price && !allowed.has(item.price)) {
          throw invalidRequest(
            `The price ${item.price} is not one of the prices configured for subscription updates.`,
            `flow_data[subscription_update_confirm][items][${index}][price]`,
          );
        }
      });
      flow.subscription_update_confirm = {
        discounts: [],
        items: confirm.items.map((item) => ({
          id: item.id,
          price: item.price ?? null,
          quantity: item.quantity,
        })),
        subscription: subscription.id,
      };
      return flow;
    }
    default:
      throw invalidRequest(
        `The Stapel Stripe sandbox does not model the ${data.type} portal flow.`,
        "flow_data[type]",
      );
  }
}

function live(
  ctx: SandboxContext,
  customer: Stripe.Customer,
  id: string,
  param: string,
): Stripe.Subscription {
  const subscription = customerSubscription(ctx, customer, id, param);
  if (subscription.status === "canceled" || subscription.status === "incomplete_expired") {
    throw invalidRequest(
      `The subscription ${id} has been canceled and cannot be changed in the portal.`,
      param,
    );
  }
  return subscription;
}
