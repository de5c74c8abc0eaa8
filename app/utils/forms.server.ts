import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { z } from "zod";

/**
 * The one form contract (README, "Forms"). Every action:
 *   const submission = await parseSubmission(request, Schema);
 *   if (submission.status !== "success") return invalidSubmission(submission);   // 400, field errors
 *   const outcome = await someModule(...);
 *   if (!outcome.ok) return refuseSubmission(submission, 404 | 409, outcome.message);
 *   return redirect(...) or { result: submission.reply({ resetForm: true }) };
 * and the page passes `actionData?.result` to conform's `useForm({ lastResult })`, showing field
 * errors next to their fields and `form.errors` above the form.
 */

const MAX_FORM_BYTES = 1024 * 1024;

type AnySubmission = Submission<unknown, string[]>;

/** The status an invalid submission answers with: 400, or 413/415 for a body that is not a form. */
const statusOf = new WeakMap<object, 400 | 413 | 415>();

/**
 * Parses the request's form with the route's schema. A body that is not a form (JSON, text/plain,
 * broken multipart, too large) becomes an invalid submission with a form-level message, answered
 * like any other invalid input: the page renders, with its header and data, and says what is wrong.
 * (Thrown from an action, an error would skip the root loader and the page would forget who is
 * signed in.)
 */
export async function parseSubmission<Schema extends z.ZodType>(request: Request, schema: Schema) {
  const formData = await readFormData(request);
  if (formData instanceof FormData) return parseWithZod(formData, { schema });
  const unreadable = parseWithZod(new FormData(), { schema });
  const reply = (): SubmissionResult<string[]> => ({ status: "error", error: { "": [formData.message] } });
  const submission = {
    ...unreadable,
    status: "error",
    error: { "": [formData.message] },
    reply,
  } as typeof unreadable;
  statusOf.set(submission, formData.status);
  return submission;
}

async function readFormData(
  request: Request,
): Promise<FormData | { status: 413 | 415 | 400; message: string }> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(contentType)) {
    return {
      status: 415,
      message:
        "This form could not be read: send it as application/x-www-form-urlencoded or multipart/form-data.",
    };
  }
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_FORM_BYTES) {
    return { status: 413, message: "This form is too large." };
  }
  try {
    return await request.formData();
  } catch {
    return { status: 400, message: "This form could not be read: its body is malformed." };
  }
}

/** Invalid input: 400 with every message, shown next to its field by the page. */
export function invalidSubmission(submission: AnySubmission) {
  return data(
    { result: submission.reply() as SubmissionResult<string[]> },
    { status: statusOf.get(submission) ?? 400 },
  );
}

/**
 * Well-formed input the domain refuses: 404 for something that is not there (or not yours), 409 for
 * a state that does not allow it, 402 for a payment the card refused, 429 when rate limited (with
 * Retry-After in `headers`), 503 when a service it needs is unavailable.
 */
export function refuseSubmission(
  submission: AnySubmission,
  status: 402 | 403 | 404 | 409 | 429 | 503,
  message: string,
  headers?: HeadersInit,
) {
  return data(
    { result: submission.reply({ formErrors: [message] }) as SubmissionResult<string[]> },
    { status, headers },
  );
}

/** "1 minute", "15 minutes": the wait, rounded up to whole minutes, for messages to people. */
function describeWait(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

/** A rate-limited form: 429, "Too many <what>. Try again in 15 minutes.", and Retry-After. */
export function refuseRateLimited(submission: AnySubmission, what: string, retryAfterSeconds: number) {
  return refuseSubmission(
    submission,
    429,
    `Too many ${what}. Try again in ${describeWait(retryAfterSeconds)}.`,
    {
      "Retry-After": String(retryAfterSeconds),
    },
  );
}
