import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { pendingEmailChange } from "~/modules/accounts/email-change.server.ts";
import type { AccountSettingsIntent } from "~/modules/accounts/forms.ts";
import { type AccountSession, listSessions } from "~/modules/accounts/sessions.server.ts";
import { formatDay } from "~/utils/dates.ts";
import { privateNoStore } from "~/utils/http.ts";
import { getSessionId, requireUser } from "~/utils/session.server.ts";
import { handleSettingsAction } from "./settings.server.ts";

export const meta: MetaFunction = () => [{ title: "Settings · Your account · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [sessions, pending] = await Promise.all([
    listSessions(user.id, await getSessionId(request)),
    pendingEmailChange(user.id),
  ]);
  return data(
    { email: user.email, hasShop: Boolean(user.shop), sessions, pending },
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
  const { email, hasShop, sessions, pending } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-2xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Settings</h1>
        <p className="text-sm text-gray-600">Signed in as {email}</p>
      </div>
      <ChangeEmail pending={pending} />
      <Sessions sessions={sessions} />
      <ExportData />
      <DeleteAccount email={email} hasShop={hasShop} />
    </div>
  );
}

const card = "space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200";

function FormErrors({ errors }: { errors?: string[] }) {
  return errors?.length ? <Notice tone="error">{errors.join(" ")}</Notice> : null;
}

function ChangeEmail({ pending }: { pending: { newEmail: string; expiresAt: string } | null }) {
  const { result, done } = useReplyFor("change-email");
  const [form, fields] = useForm({ id: "change-email", lastResult: result });
  const busy = useNavigation().formData?.get("intent") === "change-email";
  return (
    <section aria-labelledby="email-heading" className={card}>
      <h2 id="email-heading" className="text-lg font-semibold">
        Email address
      </h2>
      <p className="text-sm text-gray-700">
        You sign in with this address and receive receipts there. To change it, enter the new one: we email it
        a link, and your account moves when you follow it (within an hour). Your current address gets a
        notice.
      </p>
      {done && <Notice tone="success">{done}</Notice>}
      {!done && pending && (
        <Notice>
          A link was sent to {pending.newEmail}. Follow it to move your account there; asking again sends a
          new link.
        </Notice>
      )}
      <FormErrors errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <Field
          label="New email address"
          meta={fields.newEmail}
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          maxLength={254}
        />
        <Button name="intent" value="change-email" disabled={busy}>
          Send confirmation link
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
  return (
    <section aria-labelledby="sessions-heading" className={card}>
      <h2 id="sessions-heading" className="text-lg font-semibold">
        Where you're signed in
      </h2>
      {done && <Notice tone="success">{done}</Notice>}
      <FormErrors errors={form.errors} />
      <ul className="divide-y divide-gray-100 text-sm">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
            <span className="font-medium">
              {session.device ?? "Unknown browser"}
              {session.current && (
                <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">
                  This device
                </span>
              )}
            </span>
            <span className="text-gray-600">Signed in {formatDay(session.createdAt)}</span>
          </li>
        ))}
      </ul>
      <Form method="post" {...getFormProps(form)}>
        <p className="mb-3 text-sm text-gray-700">
          {others === 0
            ? "You are signed in on this device only."
            : `Signs out ${others === 1 ? "the other session at its" : `the ${others} other sessions at their`} next page load, and withdraws a pending email change. This device stays signed in.`}
        </p>
        <Button name="intent" value="sign-out-others" variant="secondary" disabled={busy || others === 0}>
          Sign out everywhere else
        </Button>
      </Form>
    </section>
  );
}

function ExportData() {
  return (
    <section aria-labelledby="export-heading" className={card}>
      <h2 id="export-heading" className="text-lg font-semibold">
        Your data
      </h2>
      <p className="text-sm text-gray-700">
        Download everything Stapel keeps about your account as one JSON file: your profile, orders with their
        items and refunds, your library's entitlements, licence keys with their activations, subscriptions,
        invoices, reviews, downloads and sign-in sessions. Five downloads an hour.
      </p>
      <a
        href="/account/settings/export"
        download
        className="inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-semibold text-brand-700 ring-1 ring-inset ring-brand-200 hover:bg-brand-50"
      >
        Download my data (JSON)
      </a>
    </section>
  );
}

function DeleteAccount({ email, hasShop }: { email: string; hasShop: boolean }) {
  const { result } = useReplyFor("delete-account");
  const [form, fields] = useForm({ id: "delete-account", lastResult: result });
  const busy = useNavigation().formData?.get("intent") === "delete-account";
  return (
    <section aria-labelledby="delete-heading" className={`${card} ring-red-200`}>
      <h2 id="delete-heading" className="text-lg font-semibold text-red-800">
        Delete your account
      </h2>
      {hasShop ? (
        <p className="text-sm text-gray-700">
          Your account runs a shop. Close your shop first: its buyers, listings and payouts depend on it, and
          this page does not delete shops. Write to support to close it; then you can delete your account
          here.
        </p>
      ) : (
        <div className="space-y-2 text-sm text-gray-700">
          <p>This cannot be undone. Deleting your account:</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>cancels your subscriptions at once, with no further charges;</li>
            <li>ends your access to your library and disables your licence keys;</li>
            <li>signs you out everywhere and removes your email address and name.</li>
          </ul>
          <p>
            Orders are kept, without your email address, because the law requires sellers' sales records. Your
            reviews stay, shown as by "Deleted user". Signing in with this address later starts a new, empty
            account. Download your data first if you want a copy.
          </p>
        </div>
      )}
      <FormErrors errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <Field
          label={`Type ${email} to confirm`}
          meta={fields.confirmEmail}
          type="email"
          autoComplete="off"
          required
          maxLength={254}
        />
        <Button name="intent" value="delete-account" variant="danger" disabled={busy}>
          Delete my account
        </Button>
      </Form>
    </section>
  );
}
