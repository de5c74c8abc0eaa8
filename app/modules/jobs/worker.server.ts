import { Logger, type Runner, run, runMigrations, runOnce, type TaskList } from "graphile-worker";
import { stripeReconcileTask } from "~/modules/billing/reconcile.server.ts";
import { stripeEventTasks } from "~/modules/billing/stripe-events.server.ts";
import { syncSubscriptionAccessTask } from "~/modules/billing/subscriptions/access.server.ts";
import {
  syncPlanGrantsTask,
  syncShopGrantsTask,
} from "~/modules/billing/subscriptions/plan-grants.server.ts";
import { deliverEmailJob } from "~/modules/email/outbox.server.ts";
import type { JobName } from "./queue.server.ts";

const taskList: Record<JobName, TaskList[string]> = {
  "send-email": deliverEmailJob,
  "sync-subscription-access": syncSubscriptionAccessTask,
  "sync-plan-grants": syncPlanGrantsTask,
  "sync-shop-grants": syncShopGrantsTask,
  "stripe-reconcile": stripeReconcileTask,
  ...stripeEventTasks,
};

/**
 * Hourly: compare with Stripe and repair what lost webhooks left behind. graphile-worker schedules
 * each run once across all workers (the identifier), skips missed runs after downtime (no backfill)
 * and does not retry a failed run (the next hour is the retry).
 */
const crontab = "17 * * * * stripe-reconcile ?id=stripe-reconcile&max=1";

// Named prepared statements live in a database session; on the embedded database every pool
// connection shares one session, so two workers' "complete_job" statements would collide.
const sharedOptions = { noPreparedStatements: true } as const;

const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.warn(`[jobs] ${message}`);
});

/** Creates or upgrades graphile-worker's own schema (graphile_worker.*). */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger });
}

export async function startJobWorker(connectionString: string): Promise<Runner> {
  return run({
    ...sharedOptions,
    connectionString,
    concurrency: 2,
    pollInterval: 500,
    noHandleSignals: true,
    taskList,
    crontab,
    logger: quietLogger,
  });
}

/**
 * Runs every job that is due right now (jobs added meanwhile included), then returns: for tests and
 * one-off scripts. `only` limits it to some tasks (`stripe-event:` matches every event task).
 */
export async function runDueJobs(connectionString: string, options: { only?: string[] } = {}): Promise<void> {
  const only = options.only;
  const tasks = only
    ? Object.fromEntries(
        Object.entries(taskList).filter(([name]) =>
          only.some((wanted) => (wanted.endsWith(":") ? name.startsWith(wanted) : name === wanted)),
        ),
      )
    : taskList;
  await runOnce({ ...sharedOptions, connectionString, taskList: tasks, logger: quietLogger });
}
