import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { useLocalize, useT } from "~/components/i18n.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { VerifySignInSchema } from "~/modules/accounts/forms.ts";
import { consumeSignInToken, findUsableSignInToken } from "~/modules/accounts/magic-link.server.ts";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { createUserSession, homeFor, safeRedirect } from "~/utils/session.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: metaTranslator(matches)("verify.metaTitle") },
  { name: "robots", content: "noindex" },
];

// Opening the link only shows a button: mail scanners that prefetch links must not use it up.
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = VerifySignInSchema.safeParse({ token: new URL(request.url).searchParams.get("token") });
  const pending = parsed.success ? await findUsableSignInToken(parsed.data.token) : null;
  return data(
    { token: parsed.success ? parsed.data.token : "", email: pending?.email ?? null },
    { headers: privateNoStore },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseSubmission(request, VerifySignInSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const signedIn = await consumeSignInToken(submission.value.token);
  if (!signedIn) {
    return refuseSubmission(submission, 409, "This sign-in link has expired or was already used.");
  }
  return createUserSession(
    request,
    signedIn.user.id,
    safeRedirect(signedIn.redirectTo, homeFor(signedIn.user)),
  );
}

export default function VerifySignIn() {
  const { token, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof VerifySignInSchema>>({ lastResult: actionData?.result });
  const problems = [...(form.errors ?? []), ...(fields.token.errors ?? [])];
  const t = useT();
  const localize = useLocalize();
  if (!email || problems.length > 0) {
    return (
      <div className="mx-auto max-w-md space-y-4 text-center">
        <h1 className="text-2xl font-bold">{t("verify.broken")}</h1>
        {problems.length > 0 && <Notice tone="error">{problems.map(localize).join(" ")}</Notice>}
        <p className="text-gray-700">{t("verify.rule")}</p>
        <Link to="/login" className="font-semibold text-brand-700 underline">
          {t("verify.newLink")}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-bold">{t("verify.confirm", { email })}</h1>
      <Form method="post" id={form.id}>
        <input type="hidden" name="token" value={token} />
        <Button>{t("verify.signIn")}</Button>
      </Form>
    </div>
  );
}
