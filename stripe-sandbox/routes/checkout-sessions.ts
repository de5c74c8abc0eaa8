import { z } from "zod";
import { createSession } from "../checkout-create.ts";
import { expireIfDue, expireSession } from "../checkout-flow.ts";
import { eventRequest, type SandboxContext } from "../context.ts";
import { invalidRequest, resourceMissing } from "../errors.ts";
import { render, renderList } from "../expand.ts";
import { paginate } from "../list.ts";
import { createdFilter, expandParam, listParams, oneOf, parseParams, str } from "../params.ts";
import type { Route } from "../router.ts";
import type { SessionRecord } from "../store.ts";
import { createSchema } from "./checkout-params.ts";

const retrieveSchema = z.strictObject({ expand: expandParam().optional() });
const listSchema = z.strictObject({
  ...listParams,
  created: createdFilter().optional(),
  customer: str().optional(),
  payment_intent: str().optional(),
  subscription: str().optional(),
  status: oneOf(["open", "complete", "expired"]).optional(),
});

export function findSession(ctx: SandboxContext, id: string): SessionRecord {
  const record = ctx.store.sessions.get(id);
  if (!record) throw resourceMissing("checkout.session", id);
  expireIfDue(ctx, record);
  return record;
}

export const checkoutSessionRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/v1/checkout/sessions",
    handler: (ctx, req) => {
      const params = parseParams(createSchema, req.input);
      return render(ctx.store, createSession(ctx, params).session, params.expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/checkout/sessions",
    handler: (ctx, req) => {
      const { expand, customer, payment_intent, subscription, status, ...page } = parseParams(
        listSchema,
        req.input,
      );
      const sessions = [...ctx.store.sessions.values()]
        .map((record) => {
          expireIfDue(ctx, record);
          return record.session;
        })
        .filter(
          (s) =>
            (!customer || s.customer === customer) &&
            (!payment_intent || s.payment_intent === payment_intent),
        )
        .filter((s) => (!subscription || s.subscription === subscription) && (!status || s.status === status))
        .reverse();
      return renderList(ctx.store, paginate(sessions, page, "/v1/checkout/sessions"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/checkout/sessions/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      return render(ctx.store, findSession(ctx, req.params.id ?? "").session, expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/checkout/sessions/:id/line_items",
    handler: (ctx, req) => {
      const { expand, ...page } = parseParams(z.strictObject(listParams), req.input);
      const record = findSession(ctx, req.params.id ?? "");
      const url = `/v1/checkout/sessions/${record.session.id}/line_items`;
      return renderList(ctx.store, paginate(record.lineItems, page, url), expand);
    },
  },
  {
    method: "POST",
    pattern: "/v1/checkout/sessions/:id/expire",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      const record = findSession(ctx, req.params.id ?? "");
      if (record.session.status !== "open") {
        throw invalidRequest(
          `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${record.session.status}".`,
          "session",
        );
      }
      expireSession(ctx, record, eventRequest(req.info));
      return render(ctx.store, record.session, expand);
    },
  },
];
