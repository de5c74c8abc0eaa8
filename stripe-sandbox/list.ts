import type Stripe from "stripe";
import { invalidRequest } from "./errors.ts";

export interface PageParams {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
}

/** Stripe's cursor pagination over `items`, which must already be in list order (newest first). */
export function paginate<T extends { id: string }>(
  items: readonly T[],
  page: PageParams,
  url: string,
): Stripe.ApiList<T> {
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
