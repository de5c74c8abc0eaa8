import type Stripe from "stripe";
import type { SandboxContext } from "../context.ts";
import { currentPeriod } from "../objects/subscription.ts";
import { retryPayment } from "./collection.ts";
import { announceTrialEnd, finalizeDraft, renewSubscription } from "./renewal.ts";
import { endSubscription, stateOf, updateSubscription } from "./subscription-state.ts";

const DAY = 24 * 60 * 60;

/** Something due for a subscription at a time; `rank` orders things due at the same second. */
interface Due {
  at: number;
  rank: number;
  run: (now: number) => void;
}

const LIVE = new Set(["active", "trialing", "past_due", "unpaid"]);

/** The next thing Stripe would do to this subscription by itself, if anything. */
export function nextDue(ctx: SandboxContext, subscription: Stripe.Subscription): Due | undefined {
  if (!LIVE.has(subscription.status)) return undefined;
  const state = stateOf(ctx, subscription.id);
  const candidates: Due[] = [];
  if (subscription.status === "trialing" && subscription.trial_end !== null && !state.trialWillEndSent) {
    const at = Math.max(subscription.trial_start ?? subscription.created, subscription.trial_end - 3 * DAY);
    candidates.push({ at, rank: 0, run: (now) => announceTrialEnd(ctx, subscription, now) });
  }
  if (state.draftInvoice) {
    candidates.push({
      at: state.draftInvoice.finalizeAt,
      rank: 1,
      run: (now) => finalizeDraft(ctx, subscription, now),
    });
  }
  const retryAt = state.dunning ? ctx.store.invoices.get(state.dunning.invoice)?.next_payment_attempt : null;
  if (retryAt) candidates.push({ at: retryAt, rank: 2, run: (now) => retryPayment(ctx, subscription, now) });
  const resumesAt = subscription.pause_collection?.resumes_at;
  if (resumesAt) {
    candidates.push({
      at: resumesAt,
      rank: 3,
      run: (now) =>
        updateSubscription(ctx, subscription, now, (s) => {
          s.pause_collection = null;
        }),
    });
  }
  const period = currentPeriod(subscription);
  if (subscription.cancel_at !== null && subscription.cancel_at < period.end) {
    const cancelAt = subscription.cancel_at;
    candidates.push({
      at: cancelAt,
      rank: 4,
      run: (now) => endSubscription(ctx, subscription, now, "cancellation_requested"),
    });
  }
  candidates.push({ at: period.end, rank: 5, run: (now) => renewSubscription(ctx, subscription, now) });
  return candidates.sort((a, b) => a.at - b.at || a.rank - b.rank)[0];
}

/**
 * Runs, in time order, everything due up to `until` for the given subscriptions. `setTime` is told
 * each step's time first (a test clock moves its frozen time there, so new objects and events carry
 * it). Returns the number of steps run.
 */
export function runDue(
  ctx: SandboxContext,
  subscriptions: () => Stripe.Subscription[],
  until: number,
  setTime: (at: number) => void = () => {},
): number {
  let steps = 0;
  for (; steps < 10_000; steps++) {
    let next: Due | undefined;
    for (const subscription of subscriptions()) {
      const due = nextDue(ctx, subscription);
      if (
        due &&
        due.at <= until &&
        (!next || due.at < next.at || (due.at === next.at && due.rank < next.rank))
      ) {
        next = due;
      }
    }
    if (!next) break;
    setTime(next.at);
    next.run(next.at);
    ctx.settle();
  }
  return steps;
}
