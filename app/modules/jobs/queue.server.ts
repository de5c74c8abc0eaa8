import { Logger, type Runner, type TaskList, run, runMigrations, runOnce } from "graphile-worker";
import type { Tx } from "~/utils/db.server.ts";

/**
 * Durable jobs live in PostgreSQL (graphile-worker). A job is added inside the caller's Prisma
 * transaction, so it exists exactly when the state change that needs it was committed.
 */
export type JobName = "send-email";

export async function enqueueJob(
  tx: Tx,
  name: JobName,
  payload: Record<string, unknown>,
  options: { jobKey: string; maxAttempts?: number },
): Promise<void> {
  // job_key_mode 'preserve_run_at' makes a second add of the same key a harmless no-op update.
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${name}::text, ${JSON.stringify(payload)}::json, NULL, NULL, ${options.maxAttempts ?? 12}::smallint,
    ${options.jobKey}::text, NULL, NULL, 'preserve_run_at')`;
}

export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger });
}

async function taskList(): Promise<TaskList> {
  const { deliverEmailJob } = await import("~/modules/email/outbox.server.ts");
  return { "send-email": deliverEmailJob };
}

export async function startJobWorker(connectionString: string): Promise<Runner> {
  return run({
    connectionString,
    concurrency: 2,
    pollInterval: 500,
    noHandleSignals: true,
    taskList: await taskList(),
    logger: quietLogger,
  });
}

/** Runs every job that is due right now, then returns: for tests and one-off scripts. */
export async function runDueJobs(connectionString: string): Promise<void> {
  await runOnce({ connectionString, taskList: await taskList(), logger: quietLogger });
}

const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.warn(`[jobs] ${message}`);
});
