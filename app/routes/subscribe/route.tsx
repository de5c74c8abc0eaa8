import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import type { z } from "zod";
import { useLocalize, useT } from "~/components/i18n.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { SubscribeSchema } from "~/modules/plans/forms.ts";
import { planPathForPrice, startSubscriptionCheckout } from "~/modules/plans/subscribe.server.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import {
  invalidSubmission,
  parseSubmission,
  refuseRateLimited,
  refuseSubmission,
} from "~/utils/forms.server.ts";
import { getSessionUser } from "~/utils/session.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: metaTranslator(matches)("subscribe.metaTitle") },
  { name: "robots", content: "noindex" },
];

// Nothing to show without a submission (as /checkout): a redirecting loader would replace refusals.
export const loader = () => null;

/**
 * Subscribe buttons on plan pages post here. Success is a redirect to Stripe Checkout (or to sign
 * in, then back to the plan); a refusal renders this page with the reason.
 */
export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseSubmission(request, SubscribeSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const user = await getSessionUser(request);
  if (!user) {
    // Back to the plan's page after signing in (the home page for a price we do not know).
    const back = (await planPathForPrice(submission.value.planPriceId)) ?? "/";
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  // One budget with one-off checkouts: both open Stripe Checkout Sessions.
  const limit = await consumeRateLimit("checkout", user.id);
  if (!limit.ok) return refuseRateLimited(submission, "checkout attempts", limit.retryAfterSeconds);
  const result = await startSubscriptionCheckout(user, submission.value.planPriceId, submission.value.code);
  switch (result.kind) {
    case "redirect-to-stripe":
      return redirect(result.url);
    case "not-found":
      return refuseSubmission(submission, 404, "This plan does not exist.");
    case "plan-archived":
      return refuseSubmission(submission, 409, "This plan no longer takes new subscribers.");
    case "price-retired":
      return refuseSubmission(
        submission,
        409,
        "This price is no longer offered. Open the plan again to see its current price.",
      );
    case "already-subscribed":
      return refuseSubmission(
        submission,
        409,
        "You already subscribe to this plan. Manage your subscription in your account.",
      );
    case "code-refused":
      // A code this shop does not have answers 404 (another shop's code reads as a missing one).
      return refuseSubmission(
        submission,
        result.refusal === "unknown" || result.refusal === "not-for-plan" ? 404 : 409,
        result.message,
      );
    case "payments-unavailable":
      return refuseSubmission(
        submission,
        503,
        "Payments are unavailable right now. You have not been charged; please try again shortly.",
      );
  }
}

export default function SubscribeRefused() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof SubscribeSchema>>({ lastResult: actionData?.result });
  const t = useT();
  const localize = useLocalize();
  const messages = [
    ...(form.errors ?? []),
    ...(fields.planPriceId.errors ?? []),
    ...(fields.code.errors ?? []),
  ];
  if (!actionData) {
    return (
      <div className="mx-auto max-w-lg space-y-4 text-center">
        <h1 className="text-2xl font-bold">{t("subscribe.nothing")}</h1>
        <p className="text-gray-700">{t("subscribe.nothingHint")}</p>
        <Link to="/" className="font-semibold text-brand-700 underline">
          {t("subscribe.discover")}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg space-y-4 text-center">
      <h1 className="text-2xl font-bold">{t("subscribe.failed")}</h1>
      <Notice tone="error">
        {messages.length > 0 ? messages.map(localize).join(" ") : t("msg.somethingMissing")}
      </Notice>
      <p className="text-gray-700">{t("subscribe.notCharged")}</p>
      <p className="flex justify-center gap-6">
        <Link to="/account" className="font-semibold text-brand-700 underline">
          {t("subscribe.yourSubscriptions")}
        </Link>
        <Link to="/" className="font-semibold text-brand-700 underline">
          {t("subscribe.backToShop")}
        </Link>
      </p>
    </div>
  );
}
