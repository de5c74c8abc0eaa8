// The job worker is woken for new jobs, not polling for them: a job queued while it idles starts
// because add_job's NOTIFY "jobs:insert" reaches the worker's LISTEN, here with a worker that would
// not look on its own for an hour. On PGlite (the default) the worker's LISTEN connection hears
// nothing itself; the embedded database's notifications reach it through this thread's listeners
// (server/db/embedded-notifications.ts), wired as server/start.ts wires them. With
// TEST_DATABASE_URL the same test runs on PostgreSQL, whose LISTEN hears it directly.
import type { Runner } from "graphile-worker";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { queueEmail } from "~/modules/email/outbox.server.ts";
import { startJobWorker } from "~/modules/jobs/worker.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { onEmbeddedNotification } from "../../server/db/embedded-notifications.ts";
import { testEnv } from "../support/test-env.ts";

const url = process.env.DATABASE_URL as string;
let runner: Runner | undefined;
beforeAll(() => {
  Object.assign(process.env, testEnv);
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});

/** Whether the worker's LISTEN "jobs:insert" is in place (PGlite: one shared session; PostgreSQL: its backend). */
async function listening(): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ listening: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM pg_listening_channels() AS channel WHERE channel = 'jobs:insert')
      OR EXISTS (
        SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'idle' AND query LIKE 'LISTEN "jobs:insert"%'
      ) AS listening`;
  return row?.listening === true;
}

describe("the job worker", () => {
  it("runs a job queued while it idles at once: woken by the database, not found by polling", async () => {
    const started: string[] = [];
    runner = await startJobWorker(url, {
      // Far longer than this test may take: only a wake-up can start the job.
      pollInterval: 60 * 60_000,
      notifications: (listener) => onEmbeddedNotification(url, listener),
    });
    runner.events.on("job:start", ({ job }) => started.push(job.task_identifier));
    await expect.poll(listening, { timeout: 15_000 }).toBe(true);

    await prisma.$transaction((tx) =>
      queueEmail(tx, {
        to: "buyer@example.com",
        idempotencyKey: "gaps8:wake-up",
        subject: "Woken",
        html: "<p>Woken</p>",
        text: "Woken",
      }),
    );
    await expect
      .poll(
        async () =>
          (await prisma.emailMessage.findFirst({ where: { idempotencyKey: "gaps8:wake-up" } }))?.status,
        {
          timeout: 15_000,
        },
      )
      .toBe("SENT");
    expect(started).toEqual(["send-email"]);
  });
});
