import { Logger, type Runner, run, runMigrations, runOnce, type TaskList } from "graphile-worker";
import { deliverEmailJob } from "~/modules/email/outbox.server.ts";
import type { JobName } from "./queue.server.ts";

const taskList: Record<JobName, TaskList[string]> = {
  "send-email": deliverEmailJob,
};

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
    logger: quietLogger,
  });
}

/** Runs every job that is due right now, then returns: for tests and one-off scripts. */
export async function runDueJobs(connectionString: string): Promise<void> {
  await runOnce({ ...sharedOptions, connectionString, taskList, logger: quietLogger });
}
