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
import { useT } from "~/components/i18n.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { formatPlanPrice } from "~/modules/plans/format.ts";
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
import { formatMoney } from "~/utils/money.ts";
import { recordId } from "~/utils/schemas.ts";
import { requireUser } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Your account · Stapel" }];

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
        done: `Your ${outcome.planName} subscription is cancelled and will not renew. ${
          outcome.accessUntil
            ? `You keep access until ${formatDay(outcome.accessUntil)}.`
            : "You keep access until the current period ends."
        }`,
      };
    case "resumed":
      return {
        result: submission.reply({ resetForm: true }),
        done: `Your ${outcome.planName} subscription continues${
          outcome.renewsOn ? ` and renews on ${formatDay(outcome.renewsOn)}` : ""
        }.`,
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
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("account.title")}</h1>
        <p className="text-sm text-gray-600">{t("account.signedInAs", { email })}</p>
      </div>
      {done && <Notice tone="success">{done}</Notice>}
      {form.errors && <Notice tone="error">{form.errors.join(" ")}</Notice>}
      {changed?.price && !done && (
        <Notice tone="success">
          Your plan is now {changed.plan.name}, {formatPlanPrice(changed.price)}.
        </Notice>
      )}
      <section aria-labelledby="subscriptions-heading" className="space-y-4">
        <h2 id="subscriptions-heading" className="text-lg font-semibold">
          {t("account.subscriptions")}
        </h2>
        {subscriptions.length === 0 ? (
          <p className="text-gray-700">
            You have no subscriptions. Shops with plans show them on their page; a plan gives you everything
            it includes for one price.
          </p>
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
            by{" "}
            <Link to={`/s/${subscription.plan.shop.handle}`} className="underline">
              {subscription.plan.shop.name}
            </Link>
            {subscription.price && <> · {formatPlanPrice(subscription.price)}</>}
          </p>
        </div>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${statusTone(subscription)}`}>
          {subscription.statusLabel}
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
            Change plan
          </Link>
        )}
        <Form method="post" className="contents">
          <input type="hidden" name="subscriptionId" value={subscription.id} />
          {subscription.can.resume && (
            <Button name="intent" value="resume" disabled={busy}>
              Resume subscription
            </Button>
          )}
          {subscription.can.manageBilling && (
            <Button name="intent" value="billing-portal" variant="secondary" disabled={busy}>
              Payment method and invoices
            </Button>
          )}
          {subscription.can.cancel && (
            <Button name="intent" value="cancel" variant="secondary" disabled={busy}>
              Cancel subscription
            </Button>
          )}
        </Form>
      </div>
    </article>
  );
}

function Standing({ subscription }: { subscription: AccountSubscription }) {
  const { standing, price } = subscription;
  const amount = price ? formatMoney(price) : null;
  switch (standing.kind) {
    case "renews":
      return standing.on && amount ? (
        <>
          Next charge {amount} on {formatDay(standing.on)}.
        </>
      ) : (
        <>Renews automatically.</>
      );
    case "trial":
      return (
        <>
          Free trial{standing.until ? ` until ${formatDay(standing.until)}` : ""}
          {amount ? `, then ${amount} per ${price?.interval === "YEAR" ? "year" : "month"}` : ""}.
        </>
      );
    case "ends":
      return (
        <>
          Cancels on {standing.on ? formatDay(standing.on) : "the end of the period"}: you keep access until
          then and will not be charged again.
        </>
      );
    case "past-due":
      return (
        <>
          The last payment failed. Update your payment method: you keep access until{" "}
          {formatDay(standing.accessUntil)}, then it ends unless the payment goes through.
        </>
      );
    case "ended":
      return (
        <>Ended{standing.on ? ` on ${formatDay(standing.on)}` : ""}. Subscribe again from the plan's page.</>
      );
    case "no-access":
      return <>No access while the payment is outstanding. Update your payment method to continue.</>;
  }
}

function statusTone(subscription: AccountSubscription): string {
  if (subscription.standing.kind === "renews" || subscription.standing.kind === "trial")
    return "bg-emerald-50 text-emerald-800";
  if (subscription.standing.kind === "ends") return "bg-amber-50 text-amber-800";
  if (subscription.standing.kind === "ended") return "bg-gray-100 text-gray-700";
  return "bg-red-50 text-red-800";
}
