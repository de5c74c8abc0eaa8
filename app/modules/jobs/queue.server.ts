import type { Tx } from "~/utils/db.server.ts";

/**
 * Durable jobs live in PostgreSQL (graphile-worker). A job is added inside the caller's Prisma
 * transaction, so it exists exactly when the state change that needs it was committed.
 *
 * Task names: `send-email`; `stripe-event:<event type>` (one task per Stripe event type, see
 * billing/stripe-events.server.ts); `sync-subscription-access` (a past-due subscription's grace
 * period is over); `sync-plan-grants` and `sync-shop-grants` (what a plan covers changed);
 * `stripe-reconcile` (hourly, from the crontab); `backfill-image-widths` (image copies at a width
 * added since they were stored, queued at start-up when some are missing).
 */
export type JobName =
  | "send-email"
  | `stripe-event:${string}`
  | "sync-subscription-access"
  | "sync-plan-grants"
  | "sync-shop-grants"
  | "stripe-reconcile"
  | "backfill-image-widths";

export type EnqueueOptions = {
  /** One job per key: adding the same key again updates the pending job instead of adding one. */
  jobKey: string;
  maxAttempts?: number;
  /** Not before this moment (default: now). */
  runAt?: Date;
  /**
   * `preserve_run_at` (default): a second add keeps the pending job's time, and makes a job that is
   * waiting to retry run now. `replace`: the new runAt wins (a delayed job moved).
   */
  mode?: "preserve_run_at" | "replace";
};

export async function enqueueJob(
  tx: Tx,
  name: JobName,
  payload: Record<string, unknown>,
  options: EnqueueOptions,
): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${name}::text, ${JSON.stringify(payload)}::json, NULL, ${options.runAt ?? null}::timestamptz,
    ${options.maxAttempts ?? 12}::smallint, ${options.jobKey}::text, NULL, NULL,
    ${options.mode ?? "preserve_run_at"}::text)`;
}
