import { EventEmitter } from "node:events";
import {
  Logger,
  type Runner,
  run,
  runMigrations,
  runOnce,
  type TaskList,
  type WorkerEvents,
} from "graphile-worker";
import { stripeReconcileTask } from "~/modules/billing/reconcile.server.ts";
import { stripeEventTasks } from "~/modules/billing/stripe-events.server.ts";
import { syncSubscriptionAccessTask } from "~/modules/billing/subscriptions/access.server.ts";
import {
  syncPlanGrantsTask,
  syncShopGrantsTask,
} from "~/modules/billing/subscriptions/plan-grants.server.ts";
import { deliverEmailJob } from "~/modules/email/outbox.server.ts";
import { backfillImageWidthsTask } from "~/modules/media/image-backfill.server.ts";
import type { JobName } from "./queue.server.ts";

const taskList: Record<JobName, TaskList[string]> = {
  "send-email": deliverEmailJob,
  "sync-subscription-access": syncSubscriptionAccessTask,
  "sync-plan-grants": syncPlanGrantsTask,
  "sync-shop-grants": syncShopGrantsTask,
  "stripe-reconcile": stripeReconcileTask,
  "backfill-image-widths": backfillImageWidthsTask,
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

/**
 * How often an idle worker looks for due jobs. A new job does not wait for it: add_job notifies
 * "jobs:insert" on commit and the worker, LISTENing, starts at once. Polling finds only what no
 * notification announces: a retry after a failure (graphile-worker backs off from seconds to
 * hours), a job added with a later `runAt` (a subscription's grace period ending), a keyed job
 * re-added to run now. Those may start up to this much late; the hourly reconcile is cron, which
 * adds its job itself. Two workers polling every 500 ms were about 230 statements an idle minute.
 */
export const IDLE_POLL_MS = 30_000;

export type JobWorkerOptions = {
  /**
   * Where the database's notifications arrive when the worker's own LISTEN connection cannot hear
   * them: the embedded database hands them to in-process listeners instead
   * (server/db/embedded-notifications.ts). Returns how to stop listening, or false.
   */
  notifications?: (
    listener: (notification: { channel: string; payload: string }) => void,
  ) => (() => void) | false;
  /** How often an idle worker looks for due jobs (IDLE_POLL_MS). */
  pollInterval?: number;
};

export async function startJobWorker(
  connectionString: string,
  options: JobWorkerOptions = {},
): Promise<Runner> {
  const events: WorkerEvents = new EventEmitter();
  // graphile-worker LISTENs on a client of its own and nudges a worker on that client's
  // "notification" events (pg's); a notification heard elsewhere is handed to that client as if it
  // had heard it. If an upgrade changes that, tests/integration/gaps8-job-wakeup.test.ts fails.
  let listening: EventEmitter | null = null;
  events.on("pool:listen:success", ({ client }) => {
    listening = client;
  });
  events.on("pool:listen:release", ({ client }) => {
    if (listening === client) listening = null;
  });
  const forget = options.notifications?.((notification) => {
    if (notification.channel === "jobs:insert")
      listening?.emit("notification", { processId: 0, ...notification });
  });
  const runner = await run({
    ...sharedOptions,
    connectionString,
    concurrency: 2,
    pollInterval: options.pollInterval ?? IDLE_POLL_MS,
    noHandleSignals: true,
    taskList,
    crontab,
    logger: quietLogger,
    events,
  }).catch((error: unknown) => {
    if (forget) forget();
    throw error;
  });
  if (forget) runner.promise.then(forget, forget);
  return runner;
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
