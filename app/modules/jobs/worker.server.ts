import { Logger, type Runner, run, runMigrations, runOnce, type TaskList } from "graphile-worker";
import { deliverEmailJob } from "~/modules/email/outbox.server.ts";
import type { JobName } from "./queue.server.ts";

const taskList: Record<JobName, TaskList[string]> = {
  "send-email": deliverEmailJob,
};

const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.warn(`[jobs] ${message}`);
});

/** Creates or upgrades graphile-worker's own schema (graphile_worker.*). */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger });
}

export async function startJobWorker(connectionString: string): Promise<Runner> {
  return run({
    connectionString,
    concurrency: 2,
    pollInterval: 500,
    noHandleSignals: true,
    taskList,
    logger: quietLogger,
  });
}

/** Runs every job that is due right now, then returns: for tests and one-off scripts. */
export async function runDueJobs(connectionString: string): Promise<void> {
  await runOnce({ connectionString, taskList, logger: quietLogger });
}
