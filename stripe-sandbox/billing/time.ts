import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { nowSeconds } from "../ids.ts";

/** The test clock a customer belongs to, if any. */
export function clockOfCustomer(
  ctx: SandboxContext,
  customerId: string | null | undefined,
): Stripe.TestHelpers.TestClock | undefined {
  const customer = customerId ? ctx.store.customers.get(customerId) : undefined;
  const clockId = typeof customer?.test_clock === "string" ? customer.test_clock : customer?.test_clock?.id;
  return clockId ? ctx.store.testClocks.get(clockId) : undefined;
}

/** "Now" for a customer: its test clock's frozen time, or the real time. */
export function nowFor(ctx: SandboxContext, customerId: string | null | undefined): number {
  return clockOfCustomer(ctx, customerId)?.frozen_time ?? nowSeconds();
}
