import type { Submission, SubmissionResult } from "@conform-to/react";
import { invalidSubmission } from "~/utils/forms.server.ts";

/**
 * The form contract's answers (README, "Forms") as JSON Responses, for the upload API's resource
 * routes: the components read `result` exactly as `useForm({ lastResult })` would, field errors
 * next to their fields and `result.error[""]` above them. Resource routes must answer Responses.
 */
type AnySubmission = Submission<unknown, string[]>;

export const noStore = { "Cache-Control": "private, no-store" };

/** Invalid input: 400 (413/415 for a body that is not a form) with every message. */
export function invalidJson(submission: AnySubmission): Response {
  const answer = invalidSubmission(submission);
  return Response.json(answer.data, { status: answer.init?.status ?? 400, headers: noStore });
}

/** Well-formed input the domain refuses, with its status and message above the form. */
export function refusedJson(
  submission: AnySubmission,
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
): Response {
  const result = submission.reply({ formErrors: [message] }) as SubmissionResult<string[]>;
  return Response.json({ result, ...extra }, { status, headers: noStore });
}

/** One field's own refusal (the image that is not an image, a file name), as a 400. */
export function fieldRefusedJson(submission: AnySubmission, field: string, message: string): Response {
  const result = submission.reply({ fieldErrors: { [field]: [message] } }) as SubmissionResult<string[]>;
  return Response.json({ result }, { status: 400, headers: noStore });
}

/** A request that is not a form (the raw-bytes endpoint): a message in words, with its status. */
export function messageJson(status: number, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ message, ...extra }, { status, headers: noStore });
}

/** Both forms: `filename` (ASCII, for old clients) and `filename*` (the real UTF-8 name). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
