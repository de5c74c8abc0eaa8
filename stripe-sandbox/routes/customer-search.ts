import type Stripe from "stripe";
import { z } from "zod";
import { invalidRequest } from "../errors.ts";
import { renderList } from "../expand.ts";
import { expandParam, int, parseParams, str } from "../params.ts";
import type { Route } from "../router.ts";

/**
 * `GET /v1/customers/search` for the queries an app writes: clauses `field:'value'` on `email`,
 * `name`, `phone` or `metadata['key']`, joined with AND. Stripe's search is eventually consistent
 * (new customers show up after a short while); here they show up at once.
 */
const CLAUSE = /^(email|name|phone|metadata\['([^']+)'\]):'((?:[^'\\]|\\.)*)'$/;

function matcher(query: string): (customer: Stripe.Customer) => boolean {
  const clauses = query.split(/\s+AND\s+/).map((part) => part.trim());
  const tests = clauses.map((clause) => {
    const match = CLAUSE.exec(clause);
    if (!match) {
      throw invalidRequest(
        `The Stapel Stripe sandbox understands search clauses like email:'a@b.c' or metadata['key']:'value' joined with AND; got: ${clause}`,
        "query",
      );
    }
    const [, field, metaKey, raw] = match;
    const value = (raw ?? "").replace(/\\(.)/g, "$1");
    if (metaKey) return (c: Stripe.Customer) => c.metadata[metaKey] === value;
    const key = field as "email" | "name" | "phone";
    return (c: Stripe.Customer) => (c[key] ?? "").toLowerCase() === value.toLowerCase();
  });
  return (customer) => tests.every((test) => test(customer));
}

const searchSchema = z.strictObject({
  query: str(),
  limit: int(1)
    .refine((value) => value <= 100, { error: "This value must be less than or equal to 100." })
    .optional(),
  page: str().optional(),
  expand: expandParam().optional(),
});

export const customerSearchRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/v1/customers/search",
    handler: (ctx, req) => {
      const { query, limit = 10, page, expand } = parseParams(searchSchema, req.input);
      const found = [...ctx.store.customers.values()].reverse().filter(matcher(query));
      const offset = page ? Number(Buffer.from(page, "base64url").toString("utf8")) || 0 : 0;
      const data = found.slice(offset, offset + limit);
      const hasMore = offset + limit < found.length;
      const list = renderList(
        ctx.store,
        { object: "list", data, has_more: hasMore, url: "/v1/customers/search" },
        expand,
      );
      const result: Stripe.ApiSearchResult<Stripe.Customer> = {
        object: "search_result",
        data: list.data,
        has_more: hasMore,
        next_page: hasMore ? Buffer.from(String(offset + limit)).toString("base64url") : null,
        url: "/v1/customers/search",
      };
      return result;
    },
  },
];
