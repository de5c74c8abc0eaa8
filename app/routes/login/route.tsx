import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useT } from "~/components/i18n.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { SignInSchema } from "~/modules/accounts/forms.ts";
import { requestSignInLink } from "~/modules/accounts/magic-link.server.ts";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { resolveViewer } from "~/modules/i18n/viewer.server.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import { clientIp } from "~/utils/client-ip.ts";
import {
  invalidSubmission,
  parseSubmission,
  refuseRateLimited,
  refuseSubmission,
} from "~/utils/forms.server.ts";
import { getSessionUser, homeFor, safeRedirect } from "~/utils/session.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaTranslator(matches)("login.heading")} · Stapel` },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeFor(user)));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await parseSubmission(request, SignInSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const limit = await consumeRateLimit("sign-in-ip", clientIp(context));
  if (!limit.ok) return refuseRateLimited(submission, "sign-in attempts", limit.retryAfterSeconds);
  const { email, redirectTo } = submission.value;
  // No redirectTo: the landing page is chosen at sign-in, when we know whether this is a seller.
  const outcome = await requestSignInLink(
    email,
    safeRedirect(redirectTo, "") || null,
    resolveViewer(request).language,
  );
  if (!outcome.ok) return refuseSubmission(submission, 429, outcome.error);
  return { result: submission.reply({ resetForm: true }), sentTo: email };
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const sentTo = actionData && "sentTo" in actionData ? actionData.sentTo : null;
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
    shouldRevalidate: "onBlur",
  });
  const t = useT();
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">{t("login.title")}</h1>
      <p className="text-gray-700">{t("login.intro")}</p>
      {sentTo && <Notice tone="success">{t("login.sent", { email: sentTo })}</Notice>}
      {form.errors && <Notice tone="error">{form.errors.join(" ")}</Notice>}
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <Field
          label={t("login.email")}
          autoComplete="email"
          errors={fields.email.errors}
          {...getInputProps(fields.email, { type: "email" })}
          id={fields.email.id}
        />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <div aria-hidden="true" className="hidden">
          <label htmlFor="website">Website</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <Button className="w-full">{t("login.submit")}</Button>
      </Form>
    </div>
  );
}
