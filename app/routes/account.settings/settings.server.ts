import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { deleteAccount } from "~/modules/accounts/delete-account.server.ts";
import { requestEmailChange } from "~/modules/accounts/email-change.server.ts";
import { type AccountSettingsIntent, AccountSettingsSchema } from "~/modules/accounts/forms.ts";
import { rememberLanguage } from "~/modules/accounts/locale.server.ts";
import { signOutOtherSessions } from "~/modules/accounts/sessions.server.ts";
import { resolveViewer } from "~/modules/i18n/viewer.server.ts";
import { LANGUAGE_NAMES } from "~/modules/i18n/viewer.ts";
import {
  invalidSubmission,
  parseSubmission,
  refuseRateLimited,
  refuseSubmission,
} from "~/utils/forms.server.ts";
import { destroyUserSession, getSessionId, requireUser } from "~/utils/session.server.ts";

type Replied = ReturnType<typeof invalidSubmission>;
type Payload = { intent: AccountSettingsIntent | null; result: SubmissionResult<string[]>; done?: string };

const INTENTS: readonly string[] = ["change-email", "sign-out-others", "email-language", "delete-account"];

/** Names the form a reply belongs to, so the page shows it next to that form only. */
function forIntent(intent: AccountSettingsIntent | null, reply: Replied) {
  return data<Payload>({ ...reply.data, intent }, reply.init ?? undefined);
}

/**
 * The settings page's four forms: change email, sign out everywhere else, the language for emails,
 * delete the account. Each
 * acts on the signed-in account only (no form names an account), answers per the form contract, and
 * says what happened in words.
 */
export async function handleSettingsAction(request: Request) {
  const user = await requireUser(request);
  const submission = await parseSubmission(request, AccountSettingsSchema);
  const asked = submission.payload.intent;
  const intent =
    typeof asked === "string" && INTENTS.includes(asked) ? (asked as AccountSettingsIntent) : null;
  if (submission.status !== "success") return forIntent(intent, invalidSubmission(submission));
  const value = submission.value;

  switch (value.intent) {
    case "change-email": {
      const outcome = await requestEmailChange(user.id, value.newEmail, resolveViewer(request).language);
      if (outcome.ok) {
        return data<Payload>({
          intent: value.intent,
          result: submission.reply({ resetForm: true }),
          done: `We sent a link to ${outcome.newEmail}. Follow it within an hour to move your account there; until then nothing changes.`,
        });
      }
      if (outcome.refusal === "rate-limited")
        return forIntent(
          value.intent,
          refuseRateLimited(submission, "email change requests", outcome.retryAfterSeconds),
        );
      const status = outcome.refusal === "not-found" ? 404 : 409;
      return forIntent(value.intent, refuseSubmission(submission, status, outcome.message));
    }
    case "sign-out-others": {
      const sessionId = await getSessionId(request);
      if (!sessionId)
        return forIntent(value.intent, refuseSubmission(submission, 409, "Sign in again first."));
      const ended = await signOutOtherSessions(user.id, sessionId);
      return data<Payload>({
        intent: value.intent,
        result: submission.reply(),
        done:
          ended === 0
            ? "There were no other sessions: you are signed in on this device only."
            : `Signed out ${ended === 1 ? "1 other session" : `${ended} other sessions`}. This device stays signed in.`,
      });
    }
    case "email-language": {
      await rememberLanguage(user.id, value.language);
      return data<Payload>({
        intent: value.intent,
        result: submission.reply(),
        done: `Saved: emails to you will be in ${LANGUAGE_NAMES[value.language]}.`,
      });
    }
    case "delete-account": {
      const outcome = await deleteAccount(user.id, value.confirmEmail);
      if (outcome.ok) return destroyUserSession(request, "/account/deleted");
      if (outcome.refusal === "mismatch")
        return forIntent(
          value.intent,
          data(
            { result: submission.reply({ fieldErrors: { confirmEmail: [outcome.message] } }) },
            { status: 400 },
          ),
        );
      const status = { "not-found": 404, seller: 409, "payments-unavailable": 503 } as const;
      return forIntent(value.intent, refuseSubmission(submission, status[outcome.refusal], outcome.message));
    }
  }
}
