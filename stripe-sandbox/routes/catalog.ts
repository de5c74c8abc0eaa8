import type Stripe from "stripe";
import { z } from "zod";
import { eventRequest, type SandboxContext } from "../context.ts";
import { invalidRequest, resourceMissing } from "../errors.ts";
import { render, renderList } from "../expand.ts";
import { paginate } from "../list.ts";
import { buildPrice, buildProduct } from "../objects/catalog.ts";
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
  url,
} from "../params.ts";
import type { Route } from "../router.ts";

/**
 * Products and prices: enough for subscription-mode Checkout with `line_items[][price]` and for a
 * catalogue kept in sync (update a product; archive or un-archive a price, which is all Stripe lets
 * change on a price besides its nickname, lookup key and metadata).
 */

const productSchema = z.strictObject({
  name: str(),
  description: str().optional(),
  metadata: metadata().optional(),
  images: list(url()).optional(),
  active: bool().optional(),
  id: str().optional(),
  expand: expandParam().optional(),
});

const priceSchema = z.strictObject({
  currency: currency(),
  unit_amount: int(0).optional(),
  product: str().optional(),
  product_data: z
    .strictObject({ name: str(), metadata: metadata().optional(), active: bool().optional() })
    .optional(),
  recurring: z
    .strictObject({ interval: oneOf(["day", "week", "month", "year"]), interval_count: int(1).optional() })
    .optional(),
  nickname: str().optional(),
  lookup_key: str().optional(),
  metadata: metadata().optional(),
  active: bool().optional(),
  tax_behavior: oneOf(["exclusive", "inclusive", "unspecified"]).optional(),
  expand: expandParam().optional(),
});

const retrieveSchema = z.strictObject({ expand: expandParam().optional() });
const productListSchema = z.strictObject({
  ...listParams,
  created: createdFilter().optional(),
  active: bool().optional(),
});
const priceListSchema = z.strictObject({
  ...listParams,
  created: createdFilter().optional(),
  active: bool().optional(),
  product: str().optional(),
  type: oneOf(["one_time", "recurring"]).optional(),
  currency: currency().optional(),
  lookup_keys: list(str()).optional(),
});

function createProduct(
  ctx: SandboxContext,
  params: z.output<typeof productSchema>,
  request: Stripe.Event.Request,
): Stripe.Product {
  if (params.id && ctx.store.products.has(params.id)) {
    throw invalidRequest(`Product already exists.`, "id", "resource_already_exists");
  }
  const product = buildProduct(params);
  if (params.id) product.id = params.id;
  ctx.store.products.set(product.id, product);
  ctx.store.markDirty();
  ctx.emit("product.created", product, { request });
  return product;
}

function createPrice(
  ctx: SandboxContext,
  params: z.output<typeof priceSchema>,
  request: Stripe.Event.Request,
): Stripe.Price {
  if (params.unit_amount === undefined)
    throw invalidRequest("Missing required param: unit_amount.", "unit_amount", "parameter_missing");
  if (params.product && params.product_data) {
    throw invalidRequest(
      "You may only specify one of these parameters: product, product_data.",
      "product_data",
    );
  }
  let productId: string;
  if (params.product) {
    if (!ctx.store.products.has(params.product)) throw resourceMissing("product", params.product, "product");
    productId = params.product;
  } else if (params.product_data) {
    productId = createProduct(ctx, { ...params.product_data }, request).id;
  } else {
    throw invalidRequest("Missing required param: product.", "product", "parameter_missing");
  }
  if (
    params.lookup_key &&
    [...ctx.store.prices.values()].some((price) => price.lookup_key === params.lookup_key)
  ) {
    throw invalidRequest(
      `A price (\`lookup_key\`: ${params.lookup_key}) already uses that lookup key.`,
      "lookup_key",
    );
  }
  const price = buildPrice({
    currency: params.currency,
    unitAmount: params.unit_amount,
    product: productId,
    recurring: params.recurring && {
      interval: params.recurring.interval,
      intervalCount: params.recurring.interval_count ?? 1,
    },
    metadata: params.metadata,
    nickname: params.nickname,
    lookupKey: params.lookup_key,
    active: params.active,
  });
  if (params.tax_behavior) price.tax_behavior = params.tax_behavior;
  ctx.store.prices.set(price.id, price);
  ctx.store.markDirty();
  ctx.emit("price.created", price, { request });
  return price;
}

export const catalogRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/v1/products",
    handler: (ctx, req) => {
      const params = parseParams(productSchema, req.input);
      return render(ctx.store, createProduct(ctx, params, eventRequest(req.info)), params.expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/products",
    handler: (ctx, req) => {
      const { expand, active, ...page } = parseParams(productListSchema, req.input);
      const products = [...ctx.store.products.values()]
        .filter((p) => active === undefined || p.active === active)
        .reverse();
      return renderList(ctx.store, paginate(products, page, "/v1/products"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/products/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      const product = ctx.store.products.get(req.params.id ?? "");
      if (!product) throw resourceMissing("product", req.params.id ?? "");
      return render(ctx.store, product, expand);
    },
  },
  {
    method: "POST",
    pattern: "/v1/prices",
    handler: (ctx, req) => {
      const params = parseParams(priceSchema, req.input);
      return render(ctx.store, createPrice(ctx, params, eventRequest(req.info)), params.expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/prices",
    handler: (ctx, req) => {
      const {
        expand,
        active,
        product,
        type,
        currency: code,
        lookup_keys,
        ...page
      } = parseParams(priceListSchema, req.input);
      const prices = [...ctx.store.prices.values()]
        .filter((p) => (active === undefined || p.active === active) && (!product || p.product === product))
        .filter((p) => (!type || p.type === type) && (!code || p.currency === code))
        .filter((p) => !lookup_keys || (p.lookup_key !== null && lookup_keys.includes(p.lookup_key)))
        .reverse();
      return renderList(ctx.store, paginate(prices, page, "/v1/prices"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/prices/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      const price = ctx.store.prices.get(req.params.id ?? "");
      if (!price) throw resourceMissing("price", req.params.id ?? "");
      return render(ctx.store, price, expand);
    },
  },
];
