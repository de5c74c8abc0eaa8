import type Stripe from "stripe";
import { z } from "zod";
import { eventRequest, type SandboxContext } from "../context.ts";
import { previousAttributes } from "../diff.ts";
import { invalidRequest, resourceMissing } from "../errors.ts";
import { render, renderList } from "../expand.ts";
import { paginate } from "../list.ts";
import { buildCustomer } from "../objects/customer.ts";
import {
  createdFilter,
  email,
  expandParam,
  listParams,
  metadata,
  parseParams,
  str,
  unsettable,
} from "../params.ts";
import type { Route } from "../router.ts";
import { snapshot } from "../store.ts";
import { clockForNewCustomer } from "./test-clocks.ts";

const createSchema = z.strictObject({
  email: email().optional(),
  name: str().optional(),
  description: str().optional(),
  phone: str().optional(),
  metadata: metadata().optional(),
  test_clock: str().optional(),
  expand: expandParam().optional(),
});

const updateSchema = z.strictObject({
  email: unsettable()
    .refine((value) => value === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), {
      error: "Invalid email address: {value}",
    })
    .optional(),
  name: unsettable().optional(),
  description: unsettable().optional(),
  phone: unsettable().optional(),
  metadata: z.union([z.literal(""), z.record(z.string(), z.string())]).optional(),
  invoice_settings: z.strictObject({ default_payment_method: unsettable().optional() }).optional(),
  expand: expandParam().optional(),
});

const retrieveSchema = z.strictObject({ expand: expandParam().optional() });
const listSchema = z.strictObject({
  ...listParams,
  created: createdFilter().optional(),
  email: str().optional(),
});

export function findCustomer(ctx: SandboxContext, id: string, param = "id"): Stripe.Customer {
  const customer = ctx.store.customers.get(id);
  if (!customer) throw resourceMissing("customer", id, param);
  return customer;
}

/** Creates a customer and emits `customer.created`. Shared with the hosted checkout. */
export function createCustomer(
  ctx: SandboxContext,
  fields: Parameters<typeof buildCustomer>[0],
  request?: Stripe.Event.Request,
): Stripe.Customer {
  const customer = buildCustomer(fields);
  ctx.store.customers.set(customer.id, customer);
  ctx.store.markDirty();
  ctx.emit("customer.created", customer, { request, created: customer.created });
  return customer;
}

/** Applies Stripe's metadata update rules: `key=""` removes a key, `metadata=""` removes all. */
export function mergeMetadata(
  current: Stripe.Metadata,
  update: "" | Record<string, string> | undefined,
): Stripe.Metadata {
  if (update === undefined) return current;
  if (update === "") return {};
  const next = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === "") delete next[key];
    else next[key] = value;
  }
  return next;
}

export const customerRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/v1/customers",
    handler: (ctx, req) => {
      const { expand, test_clock, ...fields } = parseParams(createSchema, req.input);
      const clock = clockForNewCustomer(ctx, test_clock);
      return render(ctx.store, createCustomer(ctx, { ...fields, clock }, eventRequest(req.info)), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/customers",
    handler: (ctx, req) => {
      const { expand, email: byEmail, ...page } = parseParams(listSchema, req.input);
      const all = [...ctx.store.customers.values()].reverse().filter((c) => !byEmail || c.email === byEmail);
      return renderList(ctx.store, paginate(all, page, "/v1/customers"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/customers/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      return render(ctx.store, findCustomer(ctx, req.params.id ?? ""), expand);
    },
  },
  {
    method: "POST",
    pattern: "/v1/customers/:id",
    handler: (ctx, req) => {
      const customer = findCustomer(ctx, req.params.id ?? "");
      const { expand, metadata: meta, invoice_settings, ...fields } = parseParams(updateSchema, req.input);
      const before = snapshot(customer);
      const defaultMethod = invoice_settings?.default_payment_method;
      if (defaultMethod) {
        const method = ctx.store.paymentMethods.get(defaultMethod);
        if (method?.customer !== customer.id) {
          throw invalidRequest(
            `No such PaymentMethod: '${defaultMethod}'; It's possible this PaymentMethod exists on one of your connected accounts, in which case you should retry this request on that connected account.`,
            "invoice_settings[default_payment_method]",
            "resource_missing",
          );
        }
      }
      if (defaultMethod !== undefined) customer.invoice_settings.default_payment_method = defaultMethod;
      for (const key of ["email", "name", "description", "phone"] as const) {
        const value = fields[key];
        if (value !== undefined) customer[key] = value;
      }
      customer.metadata = mergeMetadata(customer.metadata, meta);
      const previous = previousAttributes(before, customer);
      if (previous) {
        ctx.store.markDirty();
        ctx.emit("customer.updated", customer, {
          previous,
          request: eventRequest(req.info),
        });
      }
      return render(ctx.store, customer, expand);
    },
  },
];
