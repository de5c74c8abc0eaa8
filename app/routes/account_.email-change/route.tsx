import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { useLocalize, useT } from "~/components/i18n.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import {
  confirmEmailChange,
  findUsableEmailChange,
  maskEmail,
} from "~/modules/accounts/email-change.server.ts";
import { ConfirmEmailChangeSchema } from "~/modules/accounts/forms.ts";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { getSessionId, getSessionUser } from "~/utils/session.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: metaTranslator(matches)("emailChange.metaTitle") },
  { name: "robots", content: "noindex" },
];

// The link from the email to the new address. It works in any browser, signed in or not: holding
// the token is the proof. Opening it only shows a button, so mail scanners cannot use it up.
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = ConfirmEmailChangeSchema.safeParse({
    token: new URL(request.url).searchParams.get("token"),
  });
  const pending = parsed.success ? await findUsableEmailChange(parsed.data.token) : null;
  return data(
    {
      token: parsed.success ? parsed.data.token : "",
      pending: pending && { newEmail: pending.newEmail, currentEmail: maskEmail(pending.currentEmail) },
    },
    // An unusable link is not a page: 404 for a token that is no link, 410 for one used or expired.
    { status: pending ? 200 : parsed.success ? 410 : 404, headers: privateNoStore },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseSubmission(request, ConfirmEmailChangeSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const outcome = await confirmEmailChange(submission.value.token, await getSessionId(request));
  if (!outcome.ok) {
    const status = { unusable: 409, taken: 409, "payments-unavailable": 503 } as const;
    return refuseSubmission(submission, status[outcome.refusal], outcome.message);
  }
  const viewer = await getSessionUser(request);
  return data(
    {
      result: submission.reply(),
      moved: { newEmail: outcome.newEmail, signedIn: viewer?.id === outcome.userId },
    },
    { headers: privateNoStore },
  );
}

type Moved = { newEmail: string; signedIn: boolean };

export default function ConfirmEmailChange() {
  const t = useT();
  const localize = useLocalize();
  const { token, pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof ConfirmEmailChangeSchema>>({
    lastResult: actionData?.result,
  });
  const moved = actionData && "moved" in actionData ? (actionData.moved as Moved) : null;
  if (moved) {
    return (
      <div className="mx-auto max-w-md space-y-4 text-center">
        <h1 className="text-2xl font-bold">{t("emailChange.moved", { email: moved.newEmail })}</h1>
        <Notice tone="success">
          {t(moved.signedIn ? "emailChange.movedBodyHere" : "emailChange.movedBody", {
            email: moved.newEmail,
          })}
        </Notice>
        <Link
          to={moved.signedIn ? "/account/settings" : "/login"}
          className="font-semibold text-brand-700 underline"
        >
          {moved.signedIn ? t("emailChange.backToSettings") : t("emailChange.signIn")}
        </Link>
      </div>
    );
  }
  const problems = [...(form.errors ?? []), ...(fields.token.errors ?? [])].map(localize);
  if (!pending || problems.length > 0) {
    return (
      <div className="mx-auto max-w-md space-y-4 text-center">
        <h1 className="text-2xl font-bold">{t("emailChange.dead")}</h1>
        {problems.length > 0 && <Notice tone="error">{problems.join(" ")}</Notice>}
        <p className="text-gray-700">{t("emailChange.deadBody")}</p>
        <Link to="/account/settings" className="font-semibold text-brand-700 underline">
          {t("emailChange.settings")}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-bold">{t("emailChange.confirm", { email: pending.newEmail })}</h1>
      <p className="text-gray-700">
        {t("emailChange.confirmBody", { current: pending.currentEmail, email: pending.newEmail })}
      </p>
      <Form method="post" id={form.id}>
        <input type="hidden" name="token" value={token} />
        <Button>{t("emailChange.use", { email: pending.newEmail })}</Button>
      </Form>
    </div>
  );
}
