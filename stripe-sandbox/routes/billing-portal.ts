import type Stripe from "stripe";
import { z } from "zod";
import { eventRequest, type SandboxContext } from "../context.ts";
import { invalidRequest, resourceMissing } from "../errors.ts";
import { render, renderList } from "../expand.ts";
import { paginate } from "../list.ts";
import { PORTAL_LOCALES } from "../locales.ts";
import { buildConfiguration, buildPortalSession } from "../objects/portal.ts";
import { customerIdOf } from "../objects/subscription.ts";
import {
  bool,
  expandParam,
  list,
  listParams,
  metadata,
  oneOf,
  parseParams,
  str,
  unsettable,
  url,
} from "../params.ts";
import type { Route } from "../router.ts";
import { unsupported } from "./checkout-params.ts";
import { findCustomer } from "./customers.ts";
import { flowDataSchema, portalFlow } from "./portal-flow.ts";
import { findSubscription } from "./subscriptions.ts";

const PRORATION = ["none", "create_prorations", "always_invoice"] as const;

const configurationSchema = z.strictObject({
  features: z.strictObject({
    invoice_history: z.strictObject({ enabled: bool() }).optional(),
    payment_method_update: z
      .strictObject({ enabled: bool(), payment_method_configuration: unsupported() })
      .optional(),
    customer_update: z
      .strictObject({
        enabled: bool(),
        allowed_updates: z
          .union([
            z.literal("").transform(() => []),
            list(oneOf(["address", "email", "name", "phone", "shipping", "tax_id"])),
          ])
          .optional(),
      })
      .optional(),
    subscription_cancel: z
      .strictObject({
        enabled: bool(),
        mode: oneOf(["at_period_end", "immediately"]).optional(),
        proration_behavior: oneOf(["none", "create_prorations"]).optional(),
        cancellation_reason: unsupported(),
      })
      .optional(),
    subscription_update: z
      .strictObject({
        enabled: bool(),
        default_allowed_updates: z
          .union([z.literal("").transform(() => []), list(oneOf(["price", "quantity", "promotion_code"]))])
          .optional(),
        products: list(
          z.strictObject({ product: str(), prices: list(str()), adjustable_quantity: unsupported() }),
        ).optional(),
        proration_behavior: oneOf(PRORATION).optional(),
        billing_cycle_anchor: unsupported(),
        schedule_at_period_end: unsupported(),
        trial_update_behavior: unsupported(),
      })
      .optional(),
    subscription_pause: unsupported(),
  }),
  business_profile: z
    .strictObject({
      headline: unsettable().optional(),
      privacy_policy_url: url().optional(),
      terms_of_service_url: url().optional(),
    })
    .optional(),
  default_return_url: z.union([z.literal("").transform(() => null), url()]).optional(),
  metadata: metadata().optional(),
  name: unsettable().optional(),
  login_page: unsupported(),
  expand: expandParam().optional(),
});

const sessionSchema = z.strictObject({
  customer: str().optional(),
  return_url: url().optional(),
  configuration: str().optional(),
  flow_data: flowDataSchema.optional(),
  locale: oneOf(PORTAL_LOCALES).optional(),
  on_behalf_of: unsupported(),
  customer_account: unsupported(),
  after_expiration: unsupported(),
  expand: expandParam().optional(),
});

function checkProducts(ctx: SandboxContext, products: { product: string; prices: string[] }[]): void {
  products.forEach(({ product, prices }, index) => {
    if (!ctx.store.products.has(product))
      throw resourceMissing("product", product, `features[subscription_update][products][${index}][product]`);
    for (const priceId of prices) {
      const price = ctx.store.prices.get(priceId);
      const param = `features[subscription_update][products][${index}][prices]`;
      if (!price) throw resourceMissing("price", priceId, param);
      if (price.product !== product)
        throw invalidRequest(`The price ${priceId} does not belong to product ${product}.`, param);
      if (price.type !== "recurring")
        throw invalidRequest(`The price ${priceId} is not a recurring price.`, param);
    }
  });
}

/** The default configuration, made on first use (on Stripe it is saved from the Dashboard). */
export function defaultConfiguration(ctx: SandboxContext): Stripe.BillingPortal.Configuration {
  const found = [...ctx.store.portalConfigurations.values()].find((c) => c.is_default);
  if (found) return found;
  const configuration = buildConfiguration({
    isDefault: true,
    features: {
      invoiceHistory: true,
      paymentMethodUpdate: true,
      customerUpdate: { enabled: true, allowedUpdates: ["email", "address"] },
      subscriptionCancel: { enabled: true, mode: "at_period_end" },
    },
  });
  ctx.store.portalConfigurations.set(configuration.id, configuration);
  ctx.emit("billing_portal.configuration.created", configuration);
  return configuration;
}

export const billingPortalRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/v1/billing_portal/configurations",
    handler: (ctx, req) => {
      const { expand, features, business_profile, ...rest } = parseParams(configurationSchema, req.input);
      const update = features.subscription_update;
      checkProducts(ctx, update?.products ?? []);
      if (update?.enabled && !(update.products ?? []).length) {
        throw invalidRequest(
          "You must provide at least one product when subscription updates are enabled.",
          "features[subscription_update][products]",
        );
      }
      const configuration = buildConfiguration({
        isDefault: false,
        headline: business_profile?.headline,
        defaultReturnUrl: rest.default_return_url,
        metadata: rest.metadata,
        name: rest.name,
        features: {
          invoiceHistory: features.invoice_history?.enabled,
          paymentMethodUpdate: features.payment_method_update?.enabled,
          customerUpdate: features.customer_update && {
            enabled: features.customer_update.enabled,
            allowedUpdates: features.customer_update.allowed_updates ?? [],
          },
          subscriptionCancel: features.subscription_cancel && {
            enabled: features.subscription_cancel.enabled,
            mode: features.subscription_cancel.mode,
            prorationBehavior: features.subscription_cancel.proration_behavior,
          },
          subscriptionUpdate: update && {
            enabled: update.enabled,
            defaultAllowedUpdates: update.default_allowed_updates ?? (update.enabled ? ["price"] : []),
            products: update.products,
            prorationBehavior: update.proration_behavior,
          },
        },
      });
      ctx.store.portalConfigurations.set(configuration.id, configuration);
      ctx.store.markDirty();
      ctx.emit("billing_portal.configuration.created", configuration, { request: eventRequest(req.info) });
      return render(ctx.store, configuration, expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/billing_portal/configurations",
    handler: (ctx, req) => {
      const { expand, active, is_default, ...page } = parseParams(
        z.strictObject({ ...listParams, active: bool().optional(), is_default: bool().optional() }),
        req.input,
      );
      const all = [...ctx.store.portalConfigurations.values()]
        .filter(
          (c) =>
            (active === undefined || c.active === active) &&
            (is_default === undefined || c.is_default === is_default),
        )
        .reverse();
      return renderList(ctx.store, paginate(all, page, "/v1/billing_portal/configurations"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/billing_portal/configurations/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(z.strictObject({ expand: expandParam().optional() }), req.input);
      const configuration = ctx.store.portalConfigurations.get(req.params.id ?? "");
      if (!configuration) throw resourceMissing("billing_portal.configuration", req.params.id ?? "");
      return render(ctx.store, configuration, expand);
    },
  },
  {
    method: "POST",
    pattern: "/v1/billing_portal/sessions",
    handler: (ctx, req) => {
      const params = parseParams(sessionSchema, req.input);
      if (!params.customer)
        throw invalidRequest("Missing required param: customer.", "customer", "parameter_missing");
      const customer = findCustomer(ctx, params.customer, "customer");
      let configuration: Stripe.BillingPortal.Configuration;
      if (params.configuration) {
        const found = ctx.store.portalConfigurations.get(params.configuration);
        if (!found)
          throw resourceMissing("billing_portal.configuration", params.configuration, "configuration");
        if (!found.active) throw invalidRequest("The configuration is inactive.", "configuration");
        configuration = found;
      } else {
        configuration = defaultConfiguration(ctx);
      }
      const flow = params.flow_data ? portalFlow(ctx, params.flow_data, customer, configuration) : null;
      const session = buildPortalSession({
        configuration: configuration.id,
        customer: customer.id,
        returnUrl: params.return_url ?? configuration.default_return_url,
        flow,
        locale: params.locale ?? null,
        urlTemplate: `${ctx.publicBaseUrl()}/p/session/{id}`,
      });
      ctx.store.portalSessions.set(session.id, session);
      ctx.store.markDirty();
      ctx.emit("billing_portal.session.created", session, { request: eventRequest(req.info) });
      return render(ctx.store, session, params.expand);
    },
  },
];

/** A subscription the portal may act on: the customer's own, not ended. */
export function customerSubscription(
  ctx: SandboxContext,
  customer: Stripe.Customer,
  id: string,
  param: string,
): Stripe.Subscription {
  const subscription = findSubscription(ctx, id, param);
  if (customerIdOf(subscription) !== customer.id) throw resourceMissing("subscription", id, param);
  return subscription;
}
