import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { invalidRequest } from "../errors.ts";
import { nowSeconds } from "../ids.ts";
import { customerIdOf, periodEnd } from "../objects/subscription.ts";
import { runDue } from "./scheduler.ts";

const DAY = 24 * 60 * 60;

/** The subscriptions whose customers belong to the clock. */
export function subscriptionsOnClock(ctx: SandboxContext, clockId: string): Stripe.Subscription[] {
  return [...ctx.store.subscriptions.values()].filter(
    (subscription) => ctx.store.customers.get(customerIdOf(subscription))?.test_clock === clockId,
  );
}

/**
 * Stripe's limit: a clock may move at most two intervals of its shortest subscription ahead (two
 * years without subscriptions).
 */
export function latestAllowedTime(ctx: SandboxContext, clock: Stripe.TestHelpers.TestClock): number {
  let limit = periodEnd(periodEnd(clock.frozen_time, { interval: "year" } as Stripe.Price.Recurring), {
    interval: "year",
  } as Stripe.Price.Recurring);
  for (const subscription of subscriptionsOnClock(ctx, clock.id)) {
    if (subscription.status === "canceled" || subscription.status === "incomplete_expired") continue;
    const recurring = subscription.items.data[0]?.price.recurring ?? null;
    limit = Math.min(limit, periodEnd(periodEnd(clock.frozen_time, recurring), recurring));
  }
  return limit;
}

/**
 * Starts advancing: the clock answers `advancing` (`test_helpers.test_clock.advancing`), then, after
 * the API answer has gone out, everything due runs in time order with the clock's frozen time set
 * to each step, and the clock becomes `ready` (`test_helpers.test_clock.ready`).
 */
export function startAdvance(
  ctx: SandboxContext,
  clock: Stripe.TestHelpers.TestClock,
  target: number,
  request?: Stripe.Event.Request,
): void {
  if (clock.status === "advancing") {
    throw invalidRequest(
      "The test clock is already advancing. Wait until its status is `ready`.",
      "test_clock",
    );
  }
  if (target <= clock.frozen_time) {
    throw invalidRequest(
      "The frozen_time must be after the test clock's current frozen_time.",
      "frozen_time",
    );
  }
  const limit = latestAllowedTime(ctx, clock);
  if (target > limit) {
    throw invalidRequest(
      `Cannot advance the test clock to ${target}: it may advance at most two intervals of its shortest subscription (until ${limit}), or two years without subscriptions.`,
      "frozen_time",
    );
  }
  Object.assign(clock, {
    status: "advancing",
    status_details: { advancing: { target_frozen_time: target } },
  } satisfies Partial<Stripe.TestHelpers.TestClock>);
  ctx.store.markDirty();
  ctx.emit("test_helpers.test_clock.advancing", clock, { request, created: clock.frozen_time });
  setImmediate(() => finishAdvance(ctx, clock.id, target));
}

/** Finishes an advance; also used at start-up for a clock that was advancing when the sandbox stopped. */
export function finishAdvance(ctx: SandboxContext, clockId: string, target: number): void {
  const clock = ctx.store.testClocks.get(clockId);
  if (!clock) return;
  try {
    runDue(
      ctx,
      () => subscriptionsOnClock(ctx, clockId),
      target,
      (at) => {
        clock.frozen_time = at;
      },
    );
    Object.assign(clock, { frozen_time: target, status: "ready", status_details: {} });
    ctx.emit("test_helpers.test_clock.ready", clock, { created: target });
  } catch (error) {
    Object.assign(clock, { status: "internal_failure", status_details: {} });
    ctx.emit("test_helpers.test_clock.internal_failure", clock, { created: clock.frozen_time });
    process.stderr.write(
      `[stripe-sandbox] test clock ${clockId} failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
  ctx.store.markDirty();
  try {
    ctx.store.flush();
  } catch (error) {
    process.stderr.write(`[stripe-sandbox] could not write state: ${String(error)}\n`);
  }
}

/** Targets offered on the clock page: a day, a week, a month, or just past the next renewal. */
export function quickTargets(
  ctx: SandboxContext,
  clock: Stripe.TestHelpers.TestClock,
): { label: string; at: number }[] {
  const now = clock.frozen_time;
  const targets = [
    { label: "1 day", at: now + DAY },
    { label: "1 week", at: now + 7 * DAY },
    {
      label: "1 month",
      at: periodEnd(now, { interval: "month", interval_count: 1 } as Stripe.Price.Recurring),
    },
  ];
  const ends = subscriptionsOnClock(ctx, clock.id)
    .filter((s) => ["active", "trialing", "past_due", "unpaid"].includes(s.status))
    .map((s) => s.items.data[0]?.current_period_end ?? Number.POSITIVE_INFINITY);
  const nextEnd = Math.min(...ends);
  // An hour past the period end, so the renewal invoice has been finalized and charged.
  if (Number.isFinite(nextEnd) && nextEnd > now)
    targets.push({ label: "next renewal (+1 hour)", at: nextEnd + 3600 });
  const limit = latestAllowedTime(ctx, clock);
  return targets.filter((target) => target.at <= limit);
}

export function deletesAfter(created = nowSeconds()): number {
  return created + 7 * DAY;
}
