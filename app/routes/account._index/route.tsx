import { useForm } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { useFormat, useLocalize, useT } from "~/components/i18n.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { metaTranslator, translator } from "~/modules/i18n/translate.ts";
import { resolveViewer } from "~/modules/i18n/viewer.server.ts";
import { DATE_LOCALE } from "~/modules/i18n/viewer.ts";
import { SubscriptionActionSchema } from "~/modules/portal/forms.ts";
import {
  type AccountSubscription,
  listAccountSubscriptions,
  openBillingPortal,
  type SubscriptionActionOutcome,
  setSubscriptionCancellation,
} from "~/modules/portal/subscriptions.server.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import { formatDay } from "~/utils/dates.ts";
import {
  invalidSubmission,
  parseSubmission,
  refuseRateLimited,
  refuseSubmission,
} from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { recordId } from "~/utils/schemas.ts";
import { requireUser } from "~/utils/session.server.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("subs.metaTitle") }];

const changedParam = recordId().optional().catch(undefined);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const subscriptions = await listAccountSubscriptions(user.id);
  // Back from a plan change: the notice reads the plan the subscription is on now.
  const changedId = changedParam.parse(new URL(request.url).searchParams.get("changed") ?? undefined);
  const changed = subscriptions.find((subscription) => subscription.id === changedId) ?? null;
  return data({ email: user.email, subscriptions, changed }, { headers: privateNoStore });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await parseSubmission(request, SubscriptionActionSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const limit = await consumeRateLimit("subscription-change", user.id);
  if (!limit.ok) return refuseRateLimited(submission, "changes in a short time", limit.retryAfterSeconds);
  const { intent, subscriptionId } = submission.value;
  const language = resolveViewer(request).language;
  const t = translator(language);
  const day = (date: Date) => formatDay(date, DATE_LOCALE[language]);
  const outcome: SubscriptionActionOutcome =
    intent === "billing-portal"
      ? await openBillingPortal(user.id, subscriptionId)
      : await setSubscriptionCancellation(user.id, subscriptionId, intent === "cancel");
  switch (outcome.kind) {
    case "billing-portal":
      return redirect(outcome.url);
    case "cancelled":
      return {
        result: submission.reply({ resetForm: true }),
        done: `${t("subs.cancelled", { plan: outcome.planName })} ${
          outcome.accessUntil
            ? t("subs.keepUntil", { day: day(outcome.accessUntil) })
            : t("subs.keepUntilPeriod")
        }`,
      };
    case "resumed":
      return {
        result: submission.reply({ resetForm: true }),
        done: outcome.renewsOn
          ? t("subs.continuesRenews", { plan: outcome.planName, day: day(outcome.renewsOn) })
          : t("subs.continues", { plan: outcome.planName }),
      };
    case "not-found":
      return refuseSubmission(submission, 404, "You have no such subscription.");
    case "ended":
      return refuseSubmission(
        submission,
        409,
        "This subscription has ended: there is nothing left to change.",
      );
    case "payments-unavailable":
      return refuseSubmission(
        submission,
        503,
        "Stripe could not be reached, so nothing was changed. Please try again shortly.",
      );
  }
}

export default function Account() {
  const { email, subscriptions, changed } = useLoaderData<typeof loader>();
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [form] = useForm<z.input<typeof SubscriptionActionSchema>>({ lastResult: actionData?.result });
  // The action answers before the page's data is reloaded: the notice waits for the new state.
  const settled = useNavigation().state === "idle";
  const done = settled && actionData && "done" in actionData ? actionData.done : null;
  const format = useFormat();
  const localize = useLocalize();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("account.title")}</h1>
        <p className="text-sm text-gray-600">{t("account.signedInAs", { email })}</p>
      </div>
      {done && <Notice tone="success">{done}</Notice>}
      {form.errors && <Notice tone="error">{form.errors.map(localize).join(" ")}</Notice>}
      {changed?.price && !done && (
        <Notice tone="success">
          {t("subs.changed", { plan: changed.plan.name, price: format.planPrice(changed.price) })}
        </Notice>
      )}
      <section aria-labelledby="subscriptions-heading" className="space-y-4">
        <h2 id="subscriptions-heading" className="text-lg font-semibold">
          {t("account.subscriptions")}
        </h2>
        {subscriptions.length === 0 ? (
          <p className="text-gray-700">{t("subs.none")}</p>
        ) : (
          <ul className="space-y-4">
            {subscriptions.map((subscription) => (
              <li key={subscription.id}>
                <SubscriptionCard subscription={subscription} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function SubscriptionCard({ subscription }: { subscription: AccountSubscription }) {
  const headingId = `subscription-${subscription.id}`;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("subscriptionId") === subscription.id;
  const t = useT();
  const format = useFormat();
  const localize = useLocalize();
  return (
    <article
      aria-labelledby={headingId}
      className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 id={headingId} className="text-lg font-semibold">
            {subscription.plan.name}
          </h3>
          <p className="text-sm text-gray-600">
            {t("subs.by")}{" "}
            <Link to={`/s/${subscription.plan.shop.handle}`} className="underline">
              {subscription.plan.shop.name}
            </Link>
            {subscription.price && <> · {format.planPrice(subscription.price)}</>}
          </p>
        </div>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${statusTone(subscription)}`}>
          {localize(subscription.statusLabel)}
        </span>
      </div>
      <p className="text-sm text-gray-800">
        <Standing subscription={subscription} />
      </p>
      <div className="flex flex-wrap gap-2">
        {subscription.can.change && (
          <Link
            to={`/account/subscriptions/${subscription.id}`}
            className="inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-semibold text-brand-700 ring-1 ring-inset ring-brand-200 hover:bg-brand-50"
          >
            {t("subs.change")}
          </Link>
        )}
        <Form method="post" className="contents">
          <input type="hidden" name="subscriptionId" value={subscription.id} />
          {subscription.can.resume && (
            <Button name="intent" value="resume" disabled={busy}>
              {t("subs.resume")}
            </Button>
          )}
          {subscription.can.manageBilling && (
            <Button name="intent" value="billing-portal" variant="secondary" disabled={busy}>
              {t("subs.billing")}
            </Button>
          )}
          {subscription.can.cancel && (
            <Button name="intent" value="cancel" variant="secondary" disabled={busy}>
              {t("subs.cancel")}
            </Button>
          )}
        </Form>
      </div>
    </article>
  );
}

function Standing({ subscription }: { subscription: AccountSubscription }) {
  const { standing, price } = subscription;
  const t = useT();
  const format = useFormat();
  const amount = price ? format.money(price) : null;
  switch (standing.kind) {
    case "renews":
      return standing.on && amount
        ? t("subs.nextCharge", { amount, day: format.day(standing.on) })
        : t("subs.renews");
    case "trial":
      return (
        <>
          {standing.until ? t("subs.trialUntil", { day: format.day(standing.until) }) : t("subs.trial")}
          {amount ? t(price?.interval === "YEAR" ? "subs.thenYear" : "subs.thenMonth", { amount }) : ""}.
        </>
      );
    case "ends":
      return <>{t("subs.cancels", { day: standing.on ? format.day(standing.on) : t("subs.periodEnd") })}</>;
    case "past-due":
      return <>{t("subs.pastDue", { day: format.day(standing.accessUntil) })}</>;
    case "ended":
      return (
        <>
          {standing.on ? t("subs.endedOn", { day: format.day(standing.on) }) : t("subs.ended")}{" "}
          {t("subs.subscribeAgain")}
        </>
      );
    case "no-access":
      return <>{t("subs.noAccess")}</>;
  }
}

function statusTone(subscription: AccountSubscription): string {
  if (subscription.standing.kind === "renews" || subscription.standing.kind === "trial")
    return "bg-emerald-50 text-emerald-800";
  if (subscription.standing.kind === "ends") return "bg-amber-50 text-amber-800";
  if (subscription.standing.kind === "ended") return "bg-gray-100 text-gray-700";
  return "bg-red-50 text-red-800";
}
