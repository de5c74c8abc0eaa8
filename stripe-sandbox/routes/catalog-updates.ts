import type Stripe from "stripe";
import { z } from "zod";
import { eventRequest, type SandboxContext } from "../context.ts";
import { previousAttributes } from "../diff.ts";
import { invalidRequest, resourceMissing } from "../errors.ts";
import { render } from "../expand.ts";
import { nowSeconds } from "../ids.ts";
import { bool, expandParam, list, parseParams, str, unsettable, url } from "../params.ts";
import type { Route } from "../router.ts";
import { snapshot } from "../store.ts";
import { mergeMetadata } from "./customers.ts";

/**
 * Updating the catalogue kept in sync with sellers' plans: a product, or a price (archive or
 * un-archive, which is all Stripe lets change on a price besides its nickname, lookup key and
 * metadata), with `product.updated` / `price.updated` holding only the changed keys.
 */

const productUpdateSchema = z.strictObject({
  name: str().optional(),
  description: unsettable().optional(),
  metadata: z.union([z.literal(""), z.record(z.string(), z.string())]).optional(),
  images: list(url()).optional(),
  active: bool().optional(),
  expand: expandParam().optional(),
});

const priceUpdateSchema = z.strictObject({
  active: bool().optional(),
  nickname: unsettable().optional(),
  lookup_key: unsettable().optional(),
  transfer_lookup_key: bool().optional(),
  metadata: z.union([z.literal(""), z.record(z.string(), z.string())]).optional(),
  expand: expandParam().optional(),
});

function updateProduct(
  ctx: SandboxContext,
  id: string,
  params: z.output<typeof productUpdateSchema>,
  request: Stripe.Event.Request,
): Stripe.Product {
  const product = ctx.store.products.get(id);
  if (!product) throw resourceMissing("product", id);
  const before = snapshot(product);
  if (params.name !== undefined) product.name = params.name;
  if (params.description !== undefined) product.description = params.description;
  if (params.images !== undefined) product.images = params.images;
  if (params.active !== undefined) product.active = params.active;
  product.metadata = mergeMetadata(product.metadata, params.metadata);
  const previous = previousAttributes(before, product);
  if (previous) {
    product.updated = nowSeconds();
    ctx.store.markDirty();
    ctx.emit("product.updated", product, { previous, request });
  }
  return product;
}

function updatePrice(
  ctx: SandboxContext,
  id: string,
  params: z.output<typeof priceUpdateSchema>,
  request: Stripe.Event.Request,
): Stripe.Price {
  const price = ctx.store.prices.get(id);
  if (!price) throw resourceMissing("price", id);
  if (params.lookup_key) {
    const holder = [...ctx.store.prices.values()].find(
      (other) => other.id !== price.id && other.lookup_key === params.lookup_key,
    );
    if (holder && !params.transfer_lookup_key) {
      throw invalidRequest(`A price (\`${holder.id}\`) already uses that lookup key.`, "lookup_key");
    }
    if (holder) holder.lookup_key = null;
  }
  // Compared as JSON: unit_amount_decimal is a Decimal object, which serialises to its string.
  const asJson = (value: Stripe.Price) => JSON.parse(JSON.stringify(value)) as Stripe.Price;
  const before = asJson(price);
  if (params.active !== undefined) price.active = params.active;
  if (params.nickname !== undefined) price.nickname = params.nickname;
  if (params.lookup_key !== undefined) price.lookup_key = params.lookup_key;
  price.metadata = mergeMetadata(price.metadata, params.metadata);
  const previous = previousAttributes(before, asJson(price));
  if (previous) {
    ctx.store.markDirty();
    ctx.emit("price.updated", price, { previous, request });
  }
  return price;
}

export const catalogUpdateRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/v1/products/:id",
    handler: (ctx, req) => {
      const params = parseParams(productUpdateSchema, req.input);
      const product = updateProduct(ctx, req.params.id ?? "", params, eventRequest(req.info));
      return render(ctx.store, product, params.expand);
    },
  },
  {
    method: "POST",
    pattern: "/v1/prices/:id",
    handler: (ctx, req) => {
      const params = parseParams(priceUpdateSchema, req.input);
      return render(
        ctx.store,
        updatePrice(ctx, req.params.id ?? "", params, eventRequest(req.info)),
        params.expand,
      );
    },
  },
];
