import type Stripe from "stripe";
import { z } from "zod";
import { deletesAfter, startAdvance } from "../billing/clock-runner.ts";
import { eventRequest, type SandboxContext } from "../context.ts";
import { resourceMissing } from "../errors.ts";
import { render, renderList } from "../expand.ts";
import { newId, nowSeconds } from "../ids.ts";
import { paginate } from "../list.ts";
import { customerIdOf } from "../objects/subscription.ts";
import { expandParam, int, listParams, parseParams, str } from "../params.ts";
import type { Route } from "../router.ts";

/** `/v1/test_helpers/test_clocks`: simulated time for customers created on a clock. */

const createSchema = z.strictObject({
  frozen_time: int(0),
  name: str().optional(),
  expand: expandParam().optional(),
});
const advanceSchema = z.strictObject({ frozen_time: int(0), expand: expandParam().optional() });
const retrieveSchema = z.strictObject({ expand: expandParam().optional() });

export function findClock(ctx: SandboxContext, id: string, param = "id"): Stripe.TestHelpers.TestClock {
  const clock = ctx.store.testClocks.get(id);
  if (!clock) throw resourceMissing("test_helpers.test_clock", id, param);
  return clock;
}

export function createClock(
  ctx: SandboxContext,
  frozenTime: number,
  name: string | null,
  request?: Stripe.Event.Request,
): Stripe.TestHelpers.TestClock {
  const created = nowSeconds();
  const clock: Stripe.TestHelpers.TestClock = {
    id: newId("clock_1"),
    object: "test_helpers.test_clock",
    created,
    deletes_after: deletesAfter(created),
    frozen_time: frozenTime,
    livemode: false,
    name,
    status: "ready",
    status_details: {},
  };
  ctx.store.testClocks.set(clock.id, clock);
  ctx.store.markDirty();
  ctx.emit("test_helpers.test_clock.created", clock, { request });
  return clock;
}

/** Deleting a clock deletes the objects on it: its customers and their subscriptions and invoices. */
function deleteClock(
  ctx: SandboxContext,
  clock: Stripe.TestHelpers.TestClock,
  request: Stripe.Event.Request,
): void {
  const { store } = ctx;
  const customers = new Set(
    [...store.customers.values()].filter((c) => c.test_clock === clock.id).map((c) => c.id),
  );
  for (const [id, subscription] of store.subscriptions) {
    if (customers.has(customerIdOf(subscription))) {
      store.subscriptions.delete(id);
      store.subscriptionStates.delete(id);
    }
  }
  for (const [id, invoice] of store.invoices)
    if (customers.has(String(invoice.customer))) store.invoices.delete(id);
  for (const id of customers) store.customers.delete(id);
  store.testClocks.delete(clock.id);
  store.markDirty();
  ctx.emit("test_helpers.test_clock.deleted", clock, { request });
}

export const testClockRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/v1/test_helpers/test_clocks",
    handler: (ctx, req) => {
      const { frozen_time, name, expand } = parseParams(createSchema, req.input);
      return render(ctx.store, createClock(ctx, frozen_time, name ?? null, eventRequest(req.info)), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/test_helpers/test_clocks",
    handler: (ctx, req) => {
      const { expand, ...page } = parseParams(z.strictObject(listParams), req.input);
      const clocks = [...ctx.store.testClocks.values()].reverse();
      return renderList(ctx.store, paginate(clocks, page, "/v1/test_helpers/test_clocks"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/test_helpers/test_clocks/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      return render(ctx.store, findClock(ctx, req.params.id ?? ""), expand);
    },
  },
  {
    method: "DELETE",
    pattern: "/v1/test_helpers/test_clocks/:id",
    handler: (ctx, req) => {
      parseParams(z.strictObject({}), req.input);
      const clock = findClock(ctx, req.params.id ?? "");
      deleteClock(ctx, clock, eventRequest(req.info));
      return {
        id: clock.id,
        object: "test_helpers.test_clock",
        deleted: true,
      } satisfies Stripe.TestHelpers.DeletedTestClock;
    },
  },
  {
    method: "POST",
    pattern: "/v1/test_helpers/test_clocks/:id/advance",
    handler: (ctx, req) => {
      const { frozen_time, expand } = parseParams(advanceSchema, req.input);
      const clock = findClock(ctx, req.params.id ?? "");
      startAdvance(ctx, clock, frozen_time, eventRequest(req.info));
      return render(ctx.store, clock, expand);
    },
  },
];

/** Validates `test_clock` on customer creation and returns the clock. */
export function clockForNewCustomer(
  ctx: SandboxContext,
  id: string | undefined,
): Stripe.TestHelpers.TestClock | undefined {
  return id ? findClock(ctx, id, "test_clock") : undefined;
}
