import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useFormat, useLocalize, useT } from "~/components/i18n.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { pendingEmailChange } from "~/modules/accounts/email-change.server.ts";
import type { AccountSettingsIntent } from "~/modules/accounts/forms.ts";
import { emailLanguageOf } from "~/modules/accounts/locale.server.ts";
import { type AccountSession, listSessions } from "~/modules/accounts/sessions.server.ts";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "~/modules/i18n/viewer.ts";
import { privateNoStore } from "~/utils/http.ts";
import { getSessionId, requireUser } from "~/utils/session.server.ts";
import { handleSettingsAction } from "./settings.server.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("settings.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [sessions, pending, emailLanguage] = await Promise.all([
    listSessions(user.id, await getSessionId(request)),
    pendingEmailChange(user.id),
    emailLanguageOf(user.id),
  ]);
  return data(
    { email: user.email, hasShop: Boolean(user.shop), sessions, pending, emailLanguage },
    { headers: privateNoStore },
  );
}

export const action = ({ request }: ActionFunctionArgs) => handleSettingsAction(request);

type Reply = { intent: AccountSettingsIntent | null; result: SubmissionResult<string[]>; done?: string };

/** The reply for one of the page's forms: each form shows only what its own button asked for. */
function useReplyFor(intent: AccountSettingsIntent) {
  const reply = useActionData<typeof action>() as Reply | undefined;
  const settled = useNavigation().state === "idle";
  const own = reply && (reply.intent === intent || (reply.intent === null && intent === "change-email"));
  return {
    result: own ? reply.result : undefined,
    done: own && settled ? (reply.done ?? null) : null,
  };
}

export default function AccountSettings() {
  const { email, hasShop, sessions, pending, emailLanguage } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="max-w-2xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold">{t("settings.heading")}</h1>
        <p className="text-sm text-gray-600">{t("account.signedInAs", { email })}</p>
      </div>
      <ChangeEmail pending={pending} />
      <Sessions sessions={sessions} />
      <EmailLanguage current={emailLanguage} />
      <ExportData />
      <DeleteAccount email={email} hasShop={hasShop} />
    </div>
  );
}

const card = "space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200";

function FormErrors({ errors }: { errors?: string[] }) {
  const localize = useLocalize();
  return errors?.length ? <Notice tone="error">{errors.map(localize).join(" ")}</Notice> : null;
}

function ChangeEmail({ pending }: { pending: { newEmail: string; expiresAt: string } | null }) {
  const { result, done } = useReplyFor("change-email");
  const [form, fields] = useForm({ id: "change-email", lastResult: result });
  const busy = useNavigation().formData?.get("intent") === "change-email";
  const t = useT();
  const localize = useLocalize();
  return (
    <section aria-labelledby="email-heading" className={card}>
      <h2 id="email-heading" className="text-lg font-semibold">
        {t("settings.email.heading")}
      </h2>
      <p className="text-sm text-gray-700">{t("settings.email.intro")}</p>
      {done && <Notice tone="success">{localize(done)}</Notice>}
      {!done && pending && <Notice>{t("settings.email.pending", { email: pending.newEmail })}</Notice>}
      <FormErrors errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <Field
          label={t("settings.email.new")}
          meta={fields.newEmail}
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          maxLength={254}
        />
        <Button name="intent" value="change-email" disabled={busy}>
          {t("settings.email.send")}
        </Button>
      </Form>
    </section>
  );
}

function Sessions({ sessions }: { sessions: AccountSession[] }) {
  const { result, done } = useReplyFor("sign-out-others");
  const [form] = useForm({ id: "sign-out-others", lastResult: result });
  const busy = useNavigation().formData?.get("intent") === "sign-out-others";
  const others = sessions.filter((session) => !session.current).length;
  const t = useT();
  const localize = useLocalize();
  const format = useFormat();
  return (
    <section aria-labelledby="sessions-heading" className={card}>
      <h2 id="sessions-heading" className="text-lg font-semibold">
        {t("settings.sessions.heading")}
      </h2>
      {done && <Notice tone="success">{localize(done)}</Notice>}
      <FormErrors errors={form.errors} />
      <ul className="divide-y divide-gray-100 text-sm">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
            <span className="font-medium">
              {session.device ?? t("settings.sessions.unknown")}
              {session.current && (
                <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">
                  {t("settings.sessions.this")}
                </span>
              )}
            </span>
            <span className="text-gray-600">
              {t("settings.sessions.since", { day: format.day(session.createdAt) })}
            </span>
          </li>
        ))}
      </ul>
      <Form method="post" {...getFormProps(form)}>
        <p className="mb-3 text-sm text-gray-700">
          {others === 0
            ? t("settings.sessions.only")
            : others === 1
              ? t("settings.sessions.one")
              : t("settings.sessions.other", { count: others })}
        </p>
        <Button name="intent" value="sign-out-others" variant="secondary" disabled={busy || others === 0}>
          {t("settings.sessions.signOut")}
        </Button>
      </Form>
    </section>
  );
}

/** Which language emails no request of the person causes (refunds, renewals, updates) are written in. */
function EmailLanguage({ current }: { current: Language | null }) {
  const { result, done } = useReplyFor("email-language");
  const [form, fields] = useForm({ id: "email-language", lastResult: result });
  const busy = useNavigation().formData?.get("intent") === "email-language";
  const t = useT();
  return (
    <section aria-labelledby="language-heading" className={card}>
      <h2 id="language-heading" className="text-lg font-semibold">
        {t("settings.language.heading")}
      </h2>
      <p className="text-sm text-gray-700">{t("settings.language.intro")}</p>
      {done && <Notice tone="success">{t("settings.language.saved")}</Notice>}
      <FormErrors errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <fieldset>
          <legend className="mb-2 text-sm font-medium">{t("settings.language.legend")}</legend>
          <div className="flex flex-wrap gap-4">
            {LANGUAGES.map((language) => (
              <label key={language} lang={language} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="language"
                  value={language}
                  defaultChecked={(current ?? "en") === language}
                  required
                />
                {LANGUAGE_NAMES[language]}
              </label>
            ))}
          </div>
        </fieldset>
        <FormErrors errors={fields.language?.errors} />
        <Button name="intent" value="email-language" variant="secondary" disabled={busy}>
          {t("settings.language.save")}
        </Button>
      </Form>
    </section>
  );
}

function ExportData() {
  const t = useT();
  return (
    <section aria-labelledby="export-heading" className={card}>
      <h2 id="export-heading" className="text-lg font-semibold">
        {t("settings.data.heading")}
      </h2>
      <p className="text-sm text-gray-700">{t("settings.data.intro")}</p>
      <a
        href="/account/settings/export"
        download
        className="inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-semibold text-brand-700 ring-1 ring-inset ring-brand-200 hover:bg-brand-50"
      >
        {t("settings.data.download")}
      </a>
    </section>
  );
}

function DeleteAccount({ email, hasShop }: { email: string; hasShop: boolean }) {
  const { result } = useReplyFor("delete-account");
  const [form, fields] = useForm({ id: "delete-account", lastResult: result });
  const busy = useNavigation().formData?.get("intent") === "delete-account";
  const t = useT();
  return (
    <section aria-labelledby="delete-heading" className={`${card} ring-red-200`}>
      <h2 id="delete-heading" className="text-lg font-semibold text-red-800">
        {t("settings.delete.heading")}
      </h2>
      {hasShop ? (
        <p className="text-sm text-gray-700">{t("settings.delete.shop")}</p>
      ) : (
        <div className="space-y-2 text-sm text-gray-700">
          <p>{t("settings.delete.warning")}</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>{t("settings.delete.subscriptions")}</li>
            <li>{t("settings.delete.library")}</li>
            <li>{t("settings.delete.signOut")}</li>
          </ul>
          <p>{t("settings.delete.kept")}</p>
        </div>
      )}
      <FormErrors errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <Field
          label={t("settings.delete.confirm", { email })}
          meta={fields.confirmEmail}
          type="email"
          autoComplete="off"
          required
          maxLength={254}
        />
        <Button name="intent" value="delete-account" variant="danger" disabled={busy}>
          {t("settings.delete.submit")}
        </Button>
      </Form>
    </section>
  );
}
