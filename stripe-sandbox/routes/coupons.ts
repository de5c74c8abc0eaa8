import type Stripe from "stripe";
import { z } from "zod";
import { eventRequest, type SandboxContext } from "../context.ts";
import { invalidRequest, resourceMissing } from "../errors.ts";
import { render, renderList } from "../expand.ts";
import { newId, nowSeconds } from "../ids.ts";
import { paginate } from "../list.ts";
import { buildCoupon, buildPromotionCode, refreshCouponValidity } from "../objects/coupon.ts";
import {
  bool,
  createdFilter,
  currency,
  expandParam,
  int,
  list,
  listParams,
  metadata,
  oneOf,
  parseParams,
  str,
} from "../params.ts";
import type { Route } from "../router.ts";

/**
 * Coupons (`/v1/coupons`: create, retrieve, update name/metadata, delete, list) and promotion codes
 * (`/v1/promotion_codes`: create, retrieve, update active/metadata, list), with Stripe's rules on
 * create: percent_off or amount_off + currency, duration once/repeating (with duration_in_months)/
 * forever, max_redemptions, redeem_by and expires_at in the future, one active code per `code`.
 */

const decimal = () =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, { error: "Invalid decimal: {value}" })
    .transform(Number);

const couponSchema = z.strictObject({
  id: str().optional(),
  name: str().optional(),
  percent_off: decimal().optional(),
  amount_off: int(1).optional(),
  currency: currency().optional(),
  currency_options: z.record(z.string(), z.strictObject({ amount_off: int(1) })).optional(),
  duration: oneOf(["once", "repeating", "forever"]).optional(),
  duration_in_months: int(1).optional(),
  max_redemptions: int(1).optional(),
  redeem_by: int(0).optional(),
  applies_to: z.strictObject({ products: list(str()).optional() }).optional(),
  metadata: metadata().optional(),
  expand: expandParam().optional(),
});

const couponUpdateSchema = z.strictObject({
  name: str().optional(),
  metadata: metadata().optional(),
  expand: expandParam().optional(),
});

const promotionSchema = z.strictObject({
  promotion: z.strictObject({ type: oneOf(["coupon"]), coupon: str().optional() }),
  code: str()
    .refine((value) => /^[a-zA-Z0-9_-]{1,500}$/.test(value), {
      error: "Invalid code: may contain only letters, digits, hyphens and underscores",
    })
    .optional(),
  active: bool().optional(),
  customer: str().optional(),
  expires_at: int(0).optional(),
  max_redemptions: int(1).optional(),
  restrictions: z
    .strictObject({
      first_time_transaction: bool().optional(),
      minimum_amount: int(0).optional(),
      minimum_amount_currency: currency().optional(),
      currency_options: z
        .record(z.string(), z.strictObject({ minimum_amount: int(0).optional() }))
        .optional(),
    })
    .optional(),
  metadata: metadata().optional(),
  expand: expandParam().optional(),
});

const promotionUpdateSchema = z.strictObject({
  active: bool().optional(),
  metadata: metadata().optional(),
  restrictions: z
    .strictObject({
      currency_options: z
        .record(z.string(), z.strictObject({ minimum_amount: int(0).optional() }))
        .optional(),
    })
    .optional(),
  expand: expandParam().optional(),
});

const retrieveSchema = z.strictObject({ expand: expandParam().optional() });
const couponListSchema = z.strictObject({ ...listParams, created: createdFilter().optional() });
const promotionListSchema = z.strictObject({
  ...listParams,
  created: createdFilter().optional(),
  active: bool().optional(),
  code: str().optional(),
  coupon: str().optional(),
  customer: str().optional(),
});

function createCoupon(
  ctx: SandboxContext,
  params: z.output<typeof couponSchema>,
  request: Stripe.Event.Request,
): Stripe.Coupon {
  if (params.id && ctx.store.coupons.has(params.id)) {
    throw invalidRequest("Coupon already exists.", "id", "resource_already_exists");
  }
  if (params.percent_off !== undefined && params.amount_off !== undefined) {
    throw invalidRequest(
      "You may only specify one of these parameters: amount_off, percent_off.",
      "percent_off",
    );
  }
  if (params.percent_off === undefined && params.amount_off === undefined) {
    throw invalidRequest(
      "Must provide either `percent_off` or `amount_off`.",
      "percent_off",
      "parameter_missing",
    );
  }
  if (params.percent_off !== undefined && (params.percent_off <= 0 || params.percent_off > 100)) {
    throw invalidRequest("Invalid percent_off: must be greater than 0 and at most 100.", "percent_off");
  }
  if (params.amount_off !== undefined && !params.currency) {
    throw invalidRequest("You must pass currency when passing amount_off.", "currency", "parameter_missing");
  }
  if (params.percent_off !== undefined && params.currency) {
    throw invalidRequest("You may only specify currency with amount_off.", "currency");
  }
  const duration = params.duration ?? "once";
  if (duration === "repeating" && params.duration_in_months === undefined) {
    throw invalidRequest(
      "You must pass duration_in_months when passing duration=repeating.",
      "duration_in_months",
      "parameter_missing",
    );
  }
  if (duration !== "repeating" && params.duration_in_months !== undefined) {
    throw invalidRequest(
      "You can only pass duration_in_months when duration=repeating.",
      "duration_in_months",
    );
  }
  if (params.redeem_by !== undefined && params.redeem_by <= nowSeconds()) {
    throw invalidRequest("Invalid redeem_by: must be in the future.", "redeem_by");
  }
  const products = params.applies_to?.products;
  products?.forEach((product, index) => {
    if (!ctx.store.products.has(product)) {
      throw resourceMissing("product", product, `applies_to[products][${index}]`);
    }
  });
  const coupon = buildCoupon({
    id: params.id,
    name: params.name ?? null,
    percentOff: params.percent_off ?? null,
    amountOff: params.amount_off ?? null,
    currency: params.currency ?? null,
    duration,
    durationInMonths: params.duration_in_months ?? null,
    maxRedemptions: params.max_redemptions ?? null,
    redeemBy: params.redeem_by ?? null,
    appliesTo: products ?? null,
    metadata: params.metadata ?? {},
  });
  if (params.currency_options) {
    coupon.currency_options = Object.fromEntries(
      Object.entries(params.currency_options).map(([code, option]) => [code.toLowerCase(), option]),
    );
  }
  ctx.store.coupons.set(coupon.id, coupon);
  ctx.store.markDirty();
  ctx.emit("coupon.created", coupon, { request });
  return coupon;
}

function findCoupon(ctx: SandboxContext, id: string): Stripe.Coupon {
  const coupon = ctx.store.coupons.get(id);
  if (!coupon) throw resourceMissing("coupon", id);
  refreshCouponValidity(coupon);
  return coupon;
}

function createPromotionCode(
  ctx: SandboxContext,
  params: z.output<typeof promotionSchema>,
  request: Stripe.Event.Request,
): Stripe.PromotionCode {
  const couponId = params.promotion.coupon;
  if (!couponId) {
    throw invalidRequest(
      "Missing required param: promotion[coupon].",
      "promotion[coupon]",
      "parameter_missing",
    );
  }
  const coupon = ctx.store.coupons.get(couponId);
  if (!coupon) throw resourceMissing("coupon", couponId, "promotion[coupon]");
  const code = params.code ?? newId("", 8).toUpperCase();
  const taken = [...ctx.store.promotionCodes.values()].some(
    (promo) => promo.active && promo.code.toUpperCase() === code.toUpperCase(),
  );
  if (taken) {
    throw invalidRequest(`An active promotion code with \`code: ${code}\` already exists.`, "code");
  }
  if (params.customer && !ctx.store.customers.has(params.customer)) {
    throw resourceMissing("customer", params.customer, "customer");
  }
  if (params.expires_at !== undefined) {
    if (params.expires_at <= nowSeconds()) {
      throw invalidRequest("Invalid expires_at: must be in the future.", "expires_at");
    }
    if (coupon.redeem_by !== null && params.expires_at > coupon.redeem_by) {
      throw invalidRequest(
        "The promotion code's expires_at cannot be later than the coupon's redeem_by.",
        "expires_at",
      );
    }
  }
  const restrictions = params.restrictions ?? {};
  if (restrictions.minimum_amount !== undefined && !restrictions.minimum_amount_currency) {
    throw invalidRequest(
      "You must pass minimum_amount_currency when passing minimum_amount.",
      "restrictions[minimum_amount_currency]",
      "parameter_missing",
    );
  }
  const promo = buildPromotionCode({
    code,
    coupon: coupon.id,
    active: params.active ?? true,
    customer: params.customer ?? null,
    expiresAt: params.expires_at ?? null,
    maxRedemptions: params.max_redemptions ?? null,
    metadata: params.metadata ?? {},
    restrictions: {
      first_time_transaction: restrictions.first_time_transaction ?? false,
      minimum_amount: restrictions.minimum_amount ?? null,
      minimum_amount_currency: restrictions.minimum_amount_currency ?? null,
      ...(restrictions.currency_options && {
        currency_options: Object.fromEntries(
          Object.entries(restrictions.currency_options).map(([currencyCode, option]) => [
            currencyCode.toLowerCase(),
            { minimum_amount: option.minimum_amount ?? 0 },
          ]),
        ),
      }),
    },
  });
  ctx.store.promotionCodes.set(promo.id, promo);
  ctx.store.markDirty();
  ctx.emit("promotion_code.created", promo, { request });
  return promo;
}

function findPromotionCode(ctx: SandboxContext, id: string): Stripe.PromotionCode {
  const promo = ctx.store.promotionCodes.get(id);
  if (!promo) throw resourceMissing("promotion_code", id);
  return promo;
}

export const couponRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/v1/coupons",
    handler: (ctx, req) => {
      const params = parseParams(couponSchema, req.input);
      return render(ctx.store, createCoupon(ctx, params, eventRequest(req.info)), params.expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/coupons",
    handler: (ctx, req) => {
      const { expand, ...page } = parseParams(couponListSchema, req.input);
      const coupons = [...ctx.store.coupons.values()].reverse();
      for (const coupon of coupons) refreshCouponValidity(coupon);
      return renderList(ctx.store, paginate(coupons, page, "/v1/coupons"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/coupons/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      return render(ctx.store, findCoupon(ctx, req.params.id ?? ""), expand);
    },
  },
  {
    method: "POST",
    pattern: "/v1/coupons/:id",
    handler: (ctx, req) => {
      const { expand, ...changes } = parseParams(couponUpdateSchema, req.input);
      const coupon = findCoupon(ctx, req.params.id ?? "");
      const previous: Partial<Stripe.Coupon> = {};
      if (changes.name !== undefined) {
        previous.name = coupon.name;
        coupon.name = changes.name;
      }
      if (changes.metadata !== undefined) {
        previous.metadata = coupon.metadata;
        coupon.metadata = { ...coupon.metadata, ...changes.metadata };
      }
      ctx.store.markDirty();
      ctx.emit("coupon.updated", coupon, { previous, request: eventRequest(req.info) });
      return render(ctx.store, coupon, expand);
    },
  },
  {
    method: "DELETE",
    pattern: "/v1/coupons/:id",
    handler: (ctx, req) => {
      const coupon = findCoupon(ctx, req.params.id ?? "");
      // Deleting a coupon stops new redemptions; discounts already applied keep running (as Stripe).
      ctx.store.coupons.delete(coupon.id);
      ctx.store.markDirty();
      ctx.emit("coupon.deleted", coupon, { request: eventRequest(req.info) });
      return { id: coupon.id, object: "coupon", deleted: true } satisfies Stripe.DeletedCoupon;
    },
  },
  {
    method: "POST",
    pattern: "/v1/promotion_codes",
    handler: (ctx, req) => {
      const params = parseParams(promotionSchema, req.input);
      return render(ctx.store, createPromotionCode(ctx, params, eventRequest(req.info)), params.expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/promotion_codes",
    handler: (ctx, req) => {
      const { expand, active, code, coupon, customer, ...page } = parseParams(promotionListSchema, req.input);
      const codes = [...ctx.store.promotionCodes.values()]
        .filter((promo) => active === undefined || promo.active === active)
        .filter((promo) => !code || promo.code.toUpperCase() === code.toUpperCase())
        .filter((promo) => !coupon || promo.promotion.coupon === coupon)
        .filter((promo) => !customer || promo.customer === customer)
        .reverse();
      return renderList(ctx.store, paginate(codes, page, "/v1/promotion_codes"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/promotion_codes/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      return render(ctx.store, findPromotionCode(ctx, req.params.id ?? ""), expand);
    },
  },
  {
    method: "POST",
    pattern: "/v1/promotion_codes/:id",
    handler: (ctx, req) => {
      const { expand, ...changes } = parseParams(promotionUpdateSchema, req.input);
      const promo = findPromotionCode(ctx, req.params.id ?? "");
      const previous: Partial<Stripe.PromotionCode> = {};
      if (changes.active !== undefined && changes.active !== promo.active) {
        if (changes.active) {
          const taken = [...ctx.store.promotionCodes.values()].some(
            (other) =>
              other.id !== promo.id && other.active && other.code.toUpperCase() === promo.code.toUpperCase(),
          );
          if (taken) {
            throw invalidRequest(
              `An active promotion code with \`code: ${promo.code}\` already exists.`,
              "active",
            );
          }
        }
        previous.active = promo.active;
        promo.active = changes.active;
      }
      if (changes.metadata !== undefined) {
        previous.metadata = promo.metadata;
        promo.metadata = { ...promo.metadata, ...changes.metadata };
      }
      if (changes.restrictions?.currency_options) {
        previous.restrictions = { ...promo.restrictions };
        promo.restrictions.currency_options = {
          ...promo.restrictions.currency_options,
          ...Object.fromEntries(
            Object.entries(changes.restrictions.currency_options).map(([code, option]) => [
              code.toLowerCase(),
              { minimum_amount: option.minimum_amount ?? 0 },
            ]),
          ),
        };
      }
      ctx.store.markDirty();
      ctx.emit("promotion_code.updated", promo, { previous, request: eventRequest(req.info) });
      return render(ctx.store, promo, expand);
    },
  },
];
