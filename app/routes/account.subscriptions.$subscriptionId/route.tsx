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
import { TableHead } from "~/components/ui/table.tsx";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { PlanChangeQuerySchema, PlanChangeSchema } from "~/modules/portal/forms.ts";
import {
  confirmPlanChange,
  getPlanChangePage,
  type PlanChangeRefusal,
  previewPlanChange,
} from "~/modules/portal/plan-change.server.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import {
  invalidSubmission,
  parseSubmission,
  refuseRateLimited,
  refuseSubmission,
} from "~/utils/forms.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { recordId } from "~/utils/schemas.ts";
import { requireUser } from "~/utils/session.server.ts";

const NOT_FOUND = "You have no such subscription.";
const subscriptionIdParam = recordId();

export const meta: MetaFunction = ({ matches }) => [
  { title: metaTranslator(matches)("planChange.metaTitle") },
];

const refusals: Record<PlanChangeRefusal, { status: 404 | 409 | 503; message: string }> = {
  "not-found": { status: 404, message: NOT_FOUND },
  "not-changeable": {
    status: 409,
    message:
      "This subscription cannot change plan now: resume it if it is cancelling, or settle a failed payment first.",
  },
  "not-offered": {
    status: 409,
    message: "That plan is not one you can change to. Choose one of the plans listed.",
  },
  "preview-expired": { status: 409, message: "The preview is out of date. Preview the change again." },
  "payments-unavailable": {
    status: 503,
    message: "Stripe could not be reached, so nothing was changed. Please try again shortly.",
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const subscriptionId = subscriptionIdParam.safeParse(params.subscriptionId);
  invariantResponse(subscriptionId.success, NOT_FOUND, { status: 404 });
  const page = await getPlanChangePage(user.id, subscriptionId.data);
  invariantResponse(page.ok, NOT_FOUND, { status: 404 });
  const { price } = PlanChangeQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const chosen = price && page.subscription.changeable ? price : undefined;
  const preview = chosen ? await previewPlanChange(user.id, subscriptionId.data, chosen) : null;
  // A refused preview answers with its status, so a bookmarked or edited URL is not a 200.
  const status = preview && !preview.ok ? refusals[preview.refusal].status : 200;
  return data(
    {
      ...page,
      chosen: chosen ?? null,
      preview: preview?.ok ? preview : null,
      previewError: preview && !preview.ok ? refusals[preview.refusal].message : null,
    },
    { status, headers: privateNoStore },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await parseSubmission(request, PlanChangeSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const subscriptionId = subscriptionIdParam.safeParse(params.subscriptionId);
  if (!subscriptionId.success) return refuseSubmission(submission, 404, NOT_FOUND);
  const limit = await consumeRateLimit("subscription-change", user.id);
  if (!limit.ok) return refuseRateLimited(submission, "changes in a short time", limit.retryAfterSeconds);
  const { planPriceId, prorationDate } = submission.value;
  const result = await confirmPlanChange(user.id, subscriptionId.data, planPriceId, prorationDate);
  if (result.ok) return redirect(`/account?changed=${subscriptionId.data}`);
  if (result.refusal === "declined")
    return refuseSubmission(
      submission,
      402,
      `Your card was declined for the difference (${result.message}), so your plan stays as it was. Update your payment method and try again.`,
    );
  const refusal = refusals[result.refusal];
  return refuseSubmission(submission, refusal.status, refusal.message);
}

export default function ChangePlan() {
  const { subscription, choices, chosen, preview, previewError } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form] = useForm<z.input<typeof PlanChangeSchema>>({ lastResult: actionData?.result });
  const navigation = useNavigation();
  const others = choices.filter((choice) => !choice.current);
  const t = useT();
  const localize = useLocalize();
  const format = useFormat();
  return (
    <div className="max-w-2xl space-y-6">
      <p className="text-sm print:hidden">
        <Link to="/account" className="text-brand-700 underline">
          {t("accountNav.subscriptions")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{t("planChange.heading")}</h1>
        <p className="text-sm text-gray-600">
          {t("planChange.now", { plan: subscription.planName, shop: subscription.shopName })}
          {subscription.price && <>, {format.planPrice(subscription.price)}</>}
        </p>
      </div>
      {form.errors && <Notice tone="error">{form.errors.map(localize).join(" ")}</Notice>}
      {previewError && <Notice tone="error">{localize(previewError)}</Notice>}
      {!subscription.changeable ? (
        <Notice>{t("msg.planChange.notChangeable")}</Notice>
      ) : others.length === 0 ? (
        <p className="text-gray-700">{t("planChange.noOther", { shop: subscription.shopName })}</p>
      ) : (
        <Form method="get" className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
          <fieldset className="space-y-2">
            <legend className="font-semibold">{t("planChange.newPlan")}</legend>
            {choices.map((choice) => (
              <label key={choice.planPriceId} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="price"
                  value={choice.planPriceId}
                  disabled={choice.current}
                  defaultChecked={choice.planPriceId === chosen}
                  required
                />
                {choice.planName} · {format.planPrice(choice)}
                {choice.current && <span className="text-gray-500">{t("planChange.current")}</span>}
              </label>
            ))}
          </fieldset>
          <Button variant="secondary">{t("planChange.preview")}</Button>
        </Form>
      )}
      {preview && (
        <section
          aria-labelledby="preview-heading"
          className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200"
        >
          <h2 id="preview-heading" className="text-lg font-semibold">
            {t("planChange.what")}
          </h2>
          <p>
            {t("planChange.target", {
              plan: preview.target.planName,
              price: format.planPrice(preview.target),
            })}
          </p>
          {preview.preview.lines.length > 0 && (
            <table className="w-full text-sm">
              <caption className="sr-only">{t("planChange.lines")}</caption>
              <TableHead
                compact
                columns={[t("planChange.line"), { label: t("planChange.amount"), numeric: true }]}
              />
              <tbody>
                {preview.preview.lines.map((line, index) => (
                  // Lines have no id of their own in a preview; their order is Stripe's.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <tr key={index} className="border-t border-gray-100">
                    <td className="py-1 pr-3">{line.description}</td>
                    <td className="py-1 text-right tabular-nums">
                      {format.money({ amount: line.amount, currency: preview.preview.currency })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="text-base font-semibold">
            {t("planChange.dueNow", {
              amount: format.money({ amount: preview.preview.amountDue, currency: preview.preview.currency }),
            })}
          </p>
          {preview.preview.total < 0 && <p className="text-sm text-gray-700">{t("planChange.credit")}</p>}
          <Form method="post">
            <input type="hidden" name="planPriceId" value={preview.target.planPriceId} />
            <input type="hidden" name="prorationDate" value={preview.prorationDate} />
            <Button disabled={navigation.state !== "idle"}>{t("planChange.confirm")}</Button>
          </Form>
        </section>
      )}
    </div>
  );
}
