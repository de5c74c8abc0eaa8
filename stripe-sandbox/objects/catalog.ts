import Stripe from "stripe";
import { newId, nowSeconds } from "../ids.ts";

export interface ProductFields {
  name: string;
  description?: string | null;
  metadata?: Stripe.Metadata;
  images?: string[];
  active?: boolean;
}

export function buildProduct(fields: ProductFields): Stripe.Product {
  const created = nowSeconds();
  return {
    id: newId("prod_", 14),
    object: "product",
    active: fields.active ?? true,
    created,
    default_price: null,
    description: fields.description ?? null,
    images: fields.images ?? [],
    livemode: false,
    marketing_features: [],
    metadata: fields.metadata ?? {},
    name: fields.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: "service",
    unit_label: null,
    updated: created,
    url: null,
  };
}

export interface PriceFields {
  currency: string;
  unitAmount: number;
  product: string;
  recurring?: { interval: Stripe.Price.Recurring.Interval; intervalCount: number } | null;
  metadata?: Stripe.Metadata;
  nickname?: string | null;
  lookupKey?: string | null;
  active?: boolean;
}

export function buildPrice(fields: PriceFields): Stripe.Price {
  return {
    id: newId("price_1"),
    object: "price",
    active: fields.active ?? true,
    billing_scheme: "per_unit",
    created: nowSeconds(),
    currency: fields.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: fields.lookupKey ?? null,
    metadata: fields.metadata ?? {},
    nickname: fields.nickname ?? null,
    product: fields.product,
    recurring: fields.recurring
      ? {
          interval: fields.recurring.interval,
          interval_count: fields.recurring.intervalCount,
          meter: null,
          trial_period_days: null,
          usage_type: "licensed",
        }
      : null,
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: fields.recurring ? "recurring" : "one_time",
    unit_amount: fields.unitAmount,
    unit_amount_decimal: Stripe.Decimal.from(String(fields.unitAmount)),
  };
}

/** The legacy Plan view of a recurring Price, which subscription items still carry. */
export function planFromPrice(price: Stripe.Price): Stripe.Plan {
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: "per_unit",
    created: price.created,
    currency: price.currency,
    interval: price.recurring?.interval ?? "month",
    interval_count: price.recurring?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === "string" ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
}
