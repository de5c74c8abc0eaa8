import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Stripe } from "~/integrations/stripe.server.ts";
import { enqueueJob, type JobName } from "~/modules/jobs/queue.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { objectProblem, stripeEventHandlers } from "./stripe-event-handlers.server.ts";
import {
  type HandlerOutcome,
  ignored,
  isDataException,
  type StripeEventIgnoreReason,
} from "./stripe-event-outcomes.ts";
import { type ReceivedEvent, sanitiseText } from "./stripe-event-payload.ts";

export type ProcessOutcome =
  /** Stored and its job enqueued (or, for a redelivery of an unsettled event, nudged to run now). */
  | { kind: "queued" }
  /** Handled or ignored before: acknowledged without running again. */
  | { kind: "duplicate" }
  /** Can never be processed: stored as IGNORED with the reason, to be acknowledged. */
  | { kind: "ignored"; reason: StripeEventIgnoreReason }
  /** Could not be stored (the database is away): Stripe should retry. */
  | { kind: "failed"; error: unknown };

/** Error text for the lastError column, which must not hold what PostgreSQL cannot store either. */
const errorText = (error: unknown) =>
  sanitiseText(String(error instanceof Error ? error.message : error)).slice(0, 2000);

export const stripeEventTask = (type: string): JobName => `stripe-event:${type}`;
const jobKeyOf = (eventId: string) => `stripe-event:${eventId}`;
/** Storing an event waits its turn on a busy embedded database rather than failing the delivery. */
const INGEST_TRANSACTION = { maxWait: 10_000, timeout: 10_000 } as const;
/** About three days of graphile-worker's exponential backoff, like Stripe's own retries. */
const MAX_ATTEMPTS = 25;

/**
 * The webhook's whole job: stores the event (conflict-safe on its id) and, in the same
 * transaction, enqueues the job that handles it; then the endpoint answers at once. An event that
 * can never be processed (a type Stapel does not act on, an object of the wrong shape) is stored
 * as IGNORED with its reason and gets no job. A redelivery of an event that is not settled yet adds
 * the job again under the same key, which makes a job waiting for its next retry run now.
 */
export async function processStripeEvent(event: ReceivedEvent): Promise<ProcessOutcome> {
  const handler = stripeEventHandlers[event.type as Stripe.Event.Type];
  const malformed = handler ? objectProblem(handler, event.object) : null;
  const problem: { reason: StripeEventIgnoreReason; detail: string } | null = !handler
    ? { reason: "UNSUPPORTED_TYPE", detail: `Stapel does not act on ${event.type}` }
    : malformed
      ? { reason: "MALFORMED_OBJECT", detail: malformed }
      : null;
  try {
    return await prisma.$transaction(async (tx) => {
      const record = await tx.stripeEvent.upsert({
        where: { id: event.id },
        create: {
          id: event.id,
          type: event.type,
          payload: event.payload,
          payloadSanitised: event.sanitised,
          attempts: 1,
          ...(problem && {
            status: "IGNORED",
            ignoreReason: problem.reason,
            lastError: sanitiseText(problem.detail),
          }),
        },
        update: { attempts: { increment: 1 } },
        select: { status: true, attempts: true },
      });
      if (problem && record.status === "IGNORED" && record.attempts === 1)
        return { kind: "ignored", reason: problem.reason } as const;
      if (record.status !== "RECEIVED") return { kind: "duplicate" } as const;
      await enqueueJob(
        tx,
        stripeEventTask(event.type),
        { eventId: event.id },
        { jobKey: jobKeyOf(event.id), maxAttempts: MAX_ATTEMPTS },
      );
      return { kind: "queued" } as const;
    }, INGEST_TRANSACTION);
  } catch (error) {
    return { kind: "failed", error };
  }
}

export type JobResult = "handled" | "ignored" | "settled-before";

/**
 * Runs one stored event's handler (the job of `stripe-event:<type>`). Marks the event HANDLED only
 * after the handler succeeded, or IGNORED when it can never succeed. Any other failure is recorded
 * in lastError and rethrown: the queue retries with backoff. Handlers are idempotent, so a job that
 * ran but died before marking the event simply runs again.
 */
export async function handleStoredStripeEvent(eventId: string): Promise<JobResult> {
  const record = await prisma.stripeEvent.findUnique({
    where: { id: eventId },
    select: { type: true, status: true, payload: true },
  });
  if (record?.status !== "RECEIVED") return "settled-before";
  const payload = record.payload as { created?: unknown; data?: { object?: unknown } };
  const handler = stripeEventHandlers[record.type as Stripe.Event.Type];

  let outcome: HandlerOutcome;
  try {
    outcome = handler
      ? await handler.handle(payload.data?.object, {
          id: eventId,
          created: typeof payload.created === "number" ? payload.created : 0,
        })
      : ignored("UNSUPPORTED_TYPE", `Stapel does not act on ${record.type}`);
  } catch (error) {
    if (!isDataException(error)) {
      await prisma.stripeEvent
        .update({ where: { id: eventId }, data: { lastError: errorText(error) } })
        .catch(() => {}); // the database may be what failed; the retry is what matters
      throw error;
    }
    outcome = ignored("INVALID_DATA", errorText(error));
  }
  if (outcome.kind === "ignored") {
    await prisma.stripeEvent.updateMany({
      where: { id: eventId, status: "RECEIVED" },
      data: { status: "IGNORED", ignoreReason: outcome.reason, lastError: sanitiseText(outcome.detail) },
    });
    return "ignored";
  }
  await prisma.stripeEvent.updateMany({
    where: { id: eventId, status: "RECEIVED" },
    data: { status: "HANDLED", handledAt: new Date(), lastError: null },
  });
  return "handled";
}

const EventJobPayload = z.object({ eventId: z.string() });

/** One graphile-worker task per event type Stapel handles. */
export const stripeEventTasks: Record<string, Task> = Object.fromEntries(
  Object.keys(stripeEventHandlers).map((type) => [
    stripeEventTask(type),
    async (payload: unknown) => {
      await handleStoredStripeEvent(EventJobPayload.parse(payload).eventId);
    },
  ]),
);
