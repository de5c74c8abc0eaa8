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
