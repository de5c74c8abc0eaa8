import type Stripe from "stripe";
import { z } from "zod";
import { payInvoiceNow, previewInvoice } from "../billing/invoice-actions.ts";
import { resolveItems } from "../billing/subscription-update.ts";
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
  oneOf,
  parseParams,
  str,
} from "../params.ts";
import type { Route } from "../router.ts";
import { unsupported } from "./checkout-params.ts";
import { findCustomer } from "./customers.ts";
import { findPaymentMethod } from "./payment-methods.ts";
import { findSubscription } from "./subscriptions.ts";

const retrieveSchema = z.strictObject({ expand: expandParam().optional() });
const listSchema = z.strictObject({
  ...listParams,
  created: createdFilter().optional(),
  customer: str().optional(),
  subscription: str().optional(),
  status: oneOf(["draft", "open", "paid", "uncollectible", "void"]).optional(),
  collection_method: oneOf(["charge_automatically", "send_invoice"]).optional(),
});
const paySchema = z.strictObject({
  payment_method: str().optional(),
  off_session: bool().optional(),
  forgive: unsupported(),
  mandate: unsupported(),
  paid_out_of_band: unsupported(),
  source: unsupported(),
  expand: expandParam().optional(),
});
const previewSchema = z.strictObject({
  customer: str().optional(),
  subscription: str().optional(),
  subscription_details: z
    .strictObject({
      items: list(
        z.strictObject({
          id: str().optional(),
          price: str().optional(),
          quantity: int(1).optional(),
          deleted: unsupported(),
          price_data: unsupported(),
        }),
      ).optional(),
      proration_behavior: oneOf(["create_prorations", "none", "always_invoice"]).optional(),
      proration_date: int(0).optional(),
      cancel_at_period_end: unsupported(),
      cancel_now: unsupported(),
      billing_cycle_anchor: unsupported(),
      trial_end: unsupported(),
    })
    .optional(),
  automatic_tax: unsupported(),
  discounts: unsupported(),
  invoice_items: unsupported(),
  schedule: unsupported(),
  schedule_details: unsupported(),
  preview_mode: unsupported(),
  expand: expandParam().optional(),
});

const invoicePaymentListSchema = z.strictObject({
  ...listParams,
  invoice: str().optional(),
  payment: z
    .strictObject({
      type: oneOf(["payment_intent", "payment_record"]),
      payment_intent: str().optional(),
      payment_record: unsupported(),
    })
    .optional(),
  status: oneOf(["canceled", "open", "paid"]).optional(),
});

export function findInvoice(ctx: SandboxContext, id: string, param = "id"): Stripe.Invoice {
  const invoice = ctx.store.invoices.get(id);
  if (!invoice) throw resourceMissing("invoice", id, param);
  return invoice;
}

export const invoiceRoutes: Route[] = [
  {
    // How a charge's PaymentIntent leads to its invoice (the charge itself no longer names it).
    method: "GET",
    pattern: "/v1/invoice_payments",
    handler: (ctx, req) => {
      const { expand, invoice, payment, status, ...page } = parseParams(invoicePaymentListSchema, req.input);
      const payments = [...ctx.store.invoicePayments.values()]
        .filter((p) => (!invoice || p.invoice === invoice) && (!status || p.status === status))
        .filter(
          (p) =>
            !payment ||
            (p.payment.type === payment.type &&
              (!payment.payment_intent || p.payment.payment_intent === payment.payment_intent)),
        )
        .reverse()
        .sort((a, b) => b.created - a.created);
      return renderList(ctx.store, paginate(payments, page, "/v1/invoice_payments"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/invoice_payments/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      const id = req.params.id ?? "";
      const payment = ctx.store.invoicePayments.get(id);
      if (!payment) throw resourceMissing("invoice_payment", id, "id");
      return render(ctx.store, payment, expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/invoices",
    handler: (ctx, req) => {
      const { expand, customer, subscription, status, collection_method, ...page } = parseParams(
        listSchema,
        req.input,
      );
      const invoices = [...ctx.store.invoices.values()]
        .filter((i) => (!customer || i.customer === customer) && (!status || i.status === status))
        .filter((i) => !subscription || i.parent?.subscription_details?.subscription === subscription)
        .filter((i) => !collection_method || i.collection_method === collection_method)
        .reverse()
        .sort((a, b) => b.created - a.created);
      return renderList(ctx.store, paginate(invoices, page, "/v1/invoices"), expand);
    },
  },
  {
    method: "POST",
    pattern: "/v1/invoices/create_preview",
    handler: (ctx, req) => {
      const {
        expand,
        customer,
        subscription: subscriptionId,
        subscription_details,
      } = parseParams(previewSchema, req.input);
      if (!subscriptionId) {
        throw invalidRequest(
          "The Stapel Stripe sandbox previews subscription invoices only: pass `subscription`.",
          "subscription",
          "parameter_missing",
        );
      }
      const subscription = findSubscription(ctx, subscriptionId, "subscription");
      if (customer) {
        findCustomer(ctx, customer, "customer");
        if (customer !== customerIdOf(subscription)) {
          throw invalidRequest(
            `The subscription ${subscription.id} does not belong to customer ${customer}.`,
            "customer",
          );
        }
      }
      const invoice = previewInvoice(ctx, {
        subscription,
        changes: resolveItems(ctx, subscription, subscription_details?.items ?? []),
        behavior: subscription_details?.proration_behavior ?? "create_prorations",
        prorationDate: subscription_details?.proration_date,
      });
      return render(ctx.store, invoice, expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/invoices/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      return render(ctx.store, findInvoice(ctx, req.params.id ?? ""), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/invoices/:id/lines",
    handler: (ctx, req) => {
      const { expand, ...page } = parseParams(z.strictObject(listParams), req.input);
      const invoice = findInvoice(ctx, req.params.id ?? "");
      return renderList(
        ctx.store,
        paginate(invoice.lines.data, page, `/v1/invoices/${invoice.id}/lines`),
        expand,
      );
    },
  },
  {
    method: "POST",
    pattern: "/v1/invoices/:id/pay",
    handler: (ctx, req) => {
      const { expand, payment_method } = parseParams(paySchema, req.input);
      const invoice = findInvoice(ctx, req.params.id ?? "");
      const method = payment_method ? findPaymentMethod(ctx, payment_method, "payment_method") : undefined;
      payInvoiceNow(ctx, invoice, method, eventRequest(req.info));
      return render(ctx.store, invoice, expand);
    },
  },
];
