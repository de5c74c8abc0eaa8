import { z } from "zod";
import { resourceMissing } from "../errors.ts";
import { render, renderList } from "../expand.ts";
import { paginate } from "../list.ts";
import { createdFilter, expandParam, list, listParams, parseParams, str } from "../params.ts";
import type { Route } from "../router.ts";

const listSchema = z.strictObject({
  ...listParams,
  created: createdFilter().optional(),
  type: str().optional(),
  types: list(str()).optional(),
  delivery_success: z.enum(["true", "false"]).optional(),
});

/** `type` may use a trailing wildcard, as in Stripe: `charge.*`. */
function typeMatches(pattern: string, type: string): boolean {
  return pattern.endsWith(".*") ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}

export const eventRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/v1/events",
    handler: (ctx, req) => {
      const { expand, type, types, delivery_success, ...page } = parseParams(listSchema, req.input);
      const events = ctx.store.events
        .filter((event) => !type || typeMatches(type, event.type))
        .filter((event) => !types || types.some((pattern) => typeMatches(pattern, event.type)))
        .filter(
          (event) =>
            delivery_success === undefined ||
            (event.pending_webhooks === 0) === (delivery_success === "true"),
        )
        .reverse();
      return renderList(ctx.store, paginate(events, page, "/v1/events"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/events/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(z.strictObject({ expand: expandParam().optional() }), req.input);
      const id = req.params.id ?? "";
      const event = ctx.store.events.find((candidate) => candidate.id === id);
      if (!event) throw resourceMissing("event", id);
      return render(ctx.store, event, expand);
    },
  },
];
