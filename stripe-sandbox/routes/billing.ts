import { z } from "zod";
import { resourceMissing } from "../errors.ts";
import { render } from "../expand.ts";
import { expandParam, parseParams } from "../params.ts";
import type { Route } from "../router.ts";

/** Read-only subscriptions and invoices, as created by subscription-mode Checkout. */
const retrieveSchema = z.strictObject({ expand: expandParam().optional() });

export const billingRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/v1/subscriptions/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      const subscription = ctx.store.subscriptions.get(req.params.id ?? "");
      if (!subscription) throw resourceMissing("subscription", req.params.id ?? "");
      return render(ctx.store, subscription, expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/invoices/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      const invoice = ctx.store.invoices.get(req.params.id ?? "");
      if (!invoice) throw resourceMissing("invoice", req.params.id ?? "");
      return render(ctx.store, invoice, expand);
    },
  },
];
