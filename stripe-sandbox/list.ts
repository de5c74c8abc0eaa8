import type Stripe from "stripe";
import { invalidRequest } from "./errors.ts";

export interface PageParams {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
  /** Keeps items whose `created` is in range (list endpoints that take `created`). */
  created?: { eq?: number; gt?: number; gte?: number; lt?: number; lte?: number };
}

function inRange(created: number | undefined, range: NonNullable<PageParams["created"]>): boolean {
  if (created === undefined) return true;
  const { eq, gt, gte, lt, lte } = range;
  return (
    (eq === undefined || created === eq) &&
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte)
  );
}

/** Stripe's cursor pagination over `items`, which must already be in list order (newest first). */
export function paginate<T extends { id: string }>(
  all: readonly T[],
  page: PageParams,
  url: string,
): Stripe.ApiList<T> {
  const range = page.created;
  const items = range ? all.filter((item) => inRange((item as { created?: number }).created, range)) : all;
  const limit = page.limit ?? 10;
  let start = 0;
  let end = items.length;
  if (page.starting_after) {
    const index = items.findIndex((item) => item.id === page.starting_after);
    if (index === -1)
      throw invalidRequest(`No such object: '${page.starting_after}'`, "starting_after", "resource_missing");
    start = index + 1;
  } else if (page.ending_before) {
    const index = items.findIndex((item) => item.id === page.ending_before);
    if (index === -1)
      throw invalidRequest(`No such object: '${page.ending_before}'`, "ending_before", "resource_missing");
    end = index;
    start = Math.max(0, end - limit);
  }
  const data = items.slice(start, Math.min(end, start + limit));
  const hasMore = page.ending_before ? start > 0 : start + limit < end;
  return { object: "list", data, has_more: hasMore, url };
}
