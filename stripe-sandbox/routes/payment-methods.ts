import type Stripe from "stripe";
import { z } from "zod";
import { nowFor } from "../billing/time.ts";
import { eventRequest, type SandboxContext } from "../context.ts";
import { ApiError, invalidRequest, resourceMissing } from "../errors.ts";
import { render, renderList } from "../expand.ts";
import { paginate } from "../list.ts";
import { buildPaymentMethod } from "../objects/payment-method.ts";
import { expandParam, listParams, oneOf, parseParams, str } from "../params.ts";
import type { Route } from "../router.ts";
import { lookupTestCard } from "../test-cards.ts";
import { findCustomer } from "./customers.ts";

/** Stripe's ready-made test PaymentMethods, each standing for a test card number. */
const MAGIC_METHODS: Record<string, string> = {
  pm_card_visa: "4242424242424242",
  pm_card_visa_debit: "4000056655665556",
  pm_card_mastercard: "5555555555554444",
  pm_card_chargeDeclined: "4000000000000002",
  pm_card_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_chargeCustomerFail: "4000000000000341",
  pm_card_createDispute: "4000000000000259",
  pm_card_authenticationRequired: "4000002760003184",
};

export function findPaymentMethod(ctx: SandboxContext, id: string, param = "id"): Stripe.PaymentMethod {
  const method = ctx.store.paymentMethods.get(id);
  if (!method) throw resourceMissing("payment_method", id, param);
  return method;
}

/**
 * Attaches a card to a customer (`payment_method.attached`). A card that declines every charge cannot
 * be saved; Stripe's 4000 0000 0000 0341 can (its charges fail later).
 */
export function attachCard(
  ctx: SandboxContext,
  customer: Stripe.Customer,
  card: ReturnType<typeof lookupTestCard> & object,
  holder: { email: string | null; name: string | null },
  request?: Stripe.Event.Request,
): Stripe.PaymentMethod {
  if (card.decline) throw new ApiError(402, "card_error", card.decline.message, card.decline.code);
  const now = nowFor(ctx, customer.id);
  const method = buildPaymentMethod({
    card: { ...card, expMonth: 12, expYear: new Date().getUTCFullYear() + 3 },
    customer: customer.id,
    email: holder.email,
    name: holder.name,
    created: now,
  });
  ctx.store.paymentMethods.set(method.id, method);
  ctx.store.markDirty();
  ctx.emit("payment_method.attached", method, { request, created: now });
  return method;
}

const listSchema = z.strictObject({
  ...listParams,
  customer: str().optional(),
  type: oneOf(["card"]).optional(),
});

export const paymentMethodRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/v1/payment_methods/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(z.strictObject({ expand: expandParam().optional() }), req.input);
      return render(ctx.store, findPaymentMethod(ctx, req.params.id ?? ""), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/payment_methods",
    handler: (ctx, req) => {
      const { expand, customer, type: _type, ...page } = parseParams(listSchema, req.input);
      const methods = [...ctx.store.paymentMethods.values()]
        .filter((m) => !customer || m.customer === customer)
        .reverse();
      return renderList(ctx.store, paginate(methods, page, "/v1/payment_methods"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/customers/:id/payment_methods",
    handler: (ctx, req) => {
      const customer = findCustomer(ctx, req.params.id ?? "");
      const { expand, customer: _c, type: _t, ...page } = parseParams(listSchema, req.input);
      const methods = [...ctx.store.paymentMethods.values()]
        .filter((m) => m.customer === customer.id)
        .reverse();
      return renderList(
        ctx.store,
        paginate(methods, page, `/v1/customers/${customer.id}/payment_methods`),
        expand,
      );
    },
  },
  {
    method: "POST",
    pattern: "/v1/payment_methods/:id/attach",
    handler: (ctx, req) => {
      const { customer: customerId, expand } = parseParams(
        z.strictObject({ customer: str(), expand: expandParam().optional() }),
        req.input,
      );
      const customer = findCustomer(ctx, customerId, "customer");
      const id = req.params.id ?? "";
      const magic = MAGIC_METHODS[id];
      const request = eventRequest(req.info);
      if (magic) {
        const card = lookupTestCard(magic);
        if (!card) throw resourceMissing("payment_method", id);
        return render(
          ctx.store,
          attachCard(ctx, customer, card, { email: customer.email, name: customer.name ?? null }, request),
          expand,
        );
      }
      const method = findPaymentMethod(ctx, id);
      if (method.customer && method.customer !== customer.id) {
        throw invalidRequest(
          "The payment method you provided has already been attached to a customer.",
          "payment_method",
        );
      }
      if (!method.customer) {
        method.customer = customer.id;
        ctx.store.markDirty();
        ctx.emit("payment_method.attached", method, { request, created: nowFor(ctx, customer.id) });
      }
      return render(ctx.store, method, expand);
    },
  },
  {
    method: "POST",
    pattern: "/v1/payment_methods/:id/detach",
    handler: (ctx, req) => {
      const { expand } = parseParams(z.strictObject({ expand: expandParam().optional() }), req.input);
      const method = findPaymentMethod(ctx, req.params.id ?? "");
      if (!method.customer) {
        throw invalidRequest(
          "The payment method you provided is not attached to a customer so detachment is impossible.",
          "payment_method",
        );
      }
      const previous = { customer: method.customer };
      const now = nowFor(ctx, String(method.customer));
      method.customer = null;
      ctx.store.markDirty();
      ctx.emit("payment_method.detached", method, {
        previous,
        request: eventRequest(req.info),
        created: now,
      });
      return render(ctx.store, method, expand);
    },
  },
];
