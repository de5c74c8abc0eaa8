import type Stripe from "stripe";
import { newId, nowSeconds } from "../ids.ts";

type Features = Stripe.BillingPortal.Configuration.Features;

export interface ConfigurationFields {
  features: {
    invoiceHistory?: boolean;
    paymentMethodUpdate?: boolean;
    customerUpdate?: {
      enabled: boolean;
      allowedUpdates: Features["customer_update"]["allowed_updates"][number][];
    };
    subscriptionCancel?: {
      enabled: boolean;
      mode?: Features["subscription_cancel"]["mode"];
      prorationBehavior?: Features["subscription_cancel"]["proration_behavior"];
    };
    subscriptionUpdate?: {
      enabled: boolean;
      defaultAllowedUpdates?: Features["subscription_update"]["default_allowed_updates"][number][];
      products?: { product: string; prices: string[] }[];
      prorationBehavior?: Features["subscription_update"]["proration_behavior"];
    };
  };
  headline?: string | null;
  defaultReturnUrl?: string | null;
  metadata?: Stripe.Metadata;
  name?: string | null;
  isDefault: boolean;
}

/** A portal configuration; features not given are off, with Stripe's defaults for their settings. */
export function buildConfiguration(fields: ConfigurationFields): Stripe.BillingPortal.Configuration {
  const created = nowSeconds();
  const { features } = fields;
  return {
    id: newId("bpc_1"),
    object: "billing_portal.configuration",
    active: true,
    application: null,
    business_profile: {
      headline: fields.headline ?? null,
      privacy_policy_url: null,
      terms_of_service_url: null,
    },
    created,
    default_return_url: fields.defaultReturnUrl ?? null,
    features: {
      customer_update: {
        allowed_updates: features.customerUpdate?.allowedUpdates ?? [],
        enabled: features.customerUpdate?.enabled ?? false,
      },
      invoice_history: { enabled: features.invoiceHistory ?? false },
      payment_method_update: {
        enabled: features.paymentMethodUpdate ?? false,
        payment_method_configuration: null,
      },
      subscription_cancel: {
        cancellation_reason: { enabled: false, feedback_options: null, options: [] },
        enabled: features.subscriptionCancel?.enabled ?? false,
        mode: features.subscriptionCancel?.mode ?? "at_period_end",
        proration_behavior: features.subscriptionCancel?.prorationBehavior ?? "none",
      },
      subscription_pause: { duration: { interval_options: [], type: "indefinite" }, enabled: false },
      subscription_update: {
        billing_cycle_anchor: null,
        default_allowed_updates: features.subscriptionUpdate?.defaultAllowedUpdates ?? [],
        enabled: features.subscriptionUpdate?.enabled ?? false,
        products: (features.subscriptionUpdate?.products ?? []).map((p) => ({
          adjustable_quantity: { enabled: false, maximum: null, minimum: 1 },
          prices: p.prices,
          product: p.product,
        })),
        proration_behavior: features.subscriptionUpdate?.prorationBehavior ?? "none",
        schedule_at_period_end: { conditions: [] },
        trial_update_behavior: "end_trial",
      },
    },
    is_default: fields.isDefault,
    livemode: false,
    login_page: { enabled: false, url: null },
    metadata: fields.metadata ?? {},
    name: fields.name ?? null,
    updated: created,
  };
}

export interface SessionFields {
  configuration: string;
  customer: string;
  returnUrl: string | null;
  flow: Stripe.BillingPortal.Session.Flow | null;
  locale: Stripe.BillingPortal.Session.Locale | null;
  /** Where the hosted portal lives; `{id}` is replaced by the session id. */
  urlTemplate: string;
}

export function buildPortalSession(fields: SessionFields): Stripe.BillingPortal.Session {
  const id = newId("bps_1");
  return {
    id,
    object: "billing_portal.session",
    configuration: fields.configuration,
    created: nowSeconds(),
    customer: fields.customer,
    customer_account: null,
    flow: fields.flow,
    livemode: false,
    locale: fields.locale,
    on_behalf_of: null,
    return_url: fields.returnUrl,
    url: fields.urlTemplate.replace("{id}", id),
  };
}
