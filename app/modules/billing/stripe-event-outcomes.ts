import type { StripeEventIgnoreReason } from "~/generated/prisma/client.ts";

export type { StripeEventIgnoreReason };

/** What a handler did with an event. Only an exception means "try again later". */
export type HandlerOutcome =
  | { kind: "handled" }
  | { kind: "ignored"; reason: StripeEventIgnoreReason; detail: string };

export const handled: HandlerOutcome = { kind: "handled" };

export const ignored = (reason: StripeEventIgnoreReason, detail: string): HandlerOutcome => ({
  kind: "ignored",
  reason,
  detail,
});

/**
 * PostgreSQL refused a value itself (SQLSTATE class 22, "data exception": out of range, invalid
 * text, untranslatable character): the same event fails the same way on every retry. Anything else
 * (connection lost, timeouts, Stripe unreachable, a bug) may pass on a retry, so it is not this.
 */
export function isDataException(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)
    ?.meta?.driverAdapterError?.cause;
  return typeof cause?.originalCode === "string" && cause.originalCode.startsWith("22");
}
