import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import type { z } from "zod";
import { useLocalize, useT } from "~/components/i18n.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { CheckoutSchema } from "~/modules/checkout/forms.ts";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import type { CodeRefusal } from "~/modules/discounts/redeem.server.ts";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { resolveViewer } from "~/modules/i18n/viewer.server.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import {
  invalidSubmission,
  parseSubmission,
  refuseRateLimited,
  refuseSubmission,
} from "~/utils/forms.server.ts";
import { getSessionUser, safeRedirect } from "~/utils/session.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: metaTranslator(matches)("checkout.metaTitle") },
  { name: "robots", content: "noindex" },
];

// Nothing to show without a submission; a loader that redirected would also run after every
// refused submission and replace its answer.
export const loader = () => null;

/**
 * Buy buttons on listing pages post here. Success is a redirect (to Stripe, to sign-in, or to the
 * library for something already owned); anything else renders this page with the reason.
 */
export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseSubmission(request, CheckoutSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const user = await getSessionUser(request);
  if (!user) {
    throw redirect(`/login?redirectTo=${encodeURIComponent(returnPath(request.headers.get("Referer")))}`);
  }
  const limit = await consumeRateLimit("checkout", user.id);
  if (!limit.ok) return refuseRateLimited(submission, "checkout attempts", limit.retryAfterSeconds);
  const { listingId, ...choice } = submission.value;
  const result = await startCheckout(user, listingId, {
    ...choice,
    acceptLanguage: request.headers.get("Accept-Language"),
    language: resolveViewer(request).language,
  });
  switch (result.kind) {
    case "price-refused":
      // Paying less than the minimum is a wrong amount, shown on the amount; the rest are refusals.
      if (result.refusal === "below-minimum") {
        return data(
          { result: submission.reply({ fieldErrors: { amount: [result.message] } }) },
          { status: 400 },
        );
      }
      return refuseSubmission(submission, result.refusal === "tier-not-found" ? 404 : 409, result.message);
    case "code-refused":
      return refuseSubmission(submission, codeRefusalStatus[result.refusal], result.message);
    case "redirect-to-stripe":
      return redirect(result.url);
    case "already-owned":
      return redirect("/library");
    case "not-for-sale":
      return refuseSubmission(submission, 404, "This listing is not for sale.");
    case "shop-cannot-take-payments":
      return refuseSubmission(
        submission,
        409,
        "This shop cannot take payments right now: its seller has not finished setting up payouts. You have not been charged.",
      );
    case "payments-unavailable":
      return refuseSubmission(
        submission,
        503,
        "Payments are unavailable right now. You have not been charged; please try again shortly.",
      );
  }
}

const codeRefusalStatus = {
  unknown: 404,
  "not-yet-valid": 409,
  expired: 409,
  "used-up": 409,
  "not-for-listing": 409,
  "wrong-currency": 409,
  "below-minimum-charge": 409,
  "not-ready": 503,
} as const satisfies Record<CodeRefusal, 404 | 409 | 503>;

/** Back to the page the Buy button was on, if the Referer names one of ours; else home. */
function returnPath(referer: string | null): string {
  if (!referer) return "/";
  try {
    const url = new URL(referer);
    return safeRedirect(url.pathname + url.search, "/");
  } catch {
    return "/";
  }
}

export default function CheckoutRefused() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof CheckoutSchema>>({ lastResult: actionData?.result });
  const t = useT();
  const localize = useLocalize();
  const messages = [
    ...(form.errors ?? []),
    ...(fields.listingId.errors ?? []),
    ...(fields.tierId.errors ?? []),
    ...(fields.currency.errors ?? []),
    ...(fields.amount.errors ?? []),
    ...(fields.code.errors ?? []),
  ];
  if (!actionData) {
    return (
      <div className="mx-auto max-w-lg space-y-4 text-center">
        <h1 className="text-2xl font-bold">{t("checkout.nothing")}</h1>
        <p className="text-gray-700">{t("checkout.nothingHint")}</p>
        <Link to="/" className="font-semibold text-brand-700 underline">
          {t("checkout.discover")}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg space-y-4 text-center">
      <h1 className="text-2xl font-bold">{t("checkout.failed")}</h1>
      <Notice tone="error">
        {messages.length > 0 ? messages.map(localize).join(" ") : t("msg.somethingMissing")}
      </Notice>
      <p className="text-gray-700">{t("subscribe.notCharged")}</p>
      <Link to="/" className="font-semibold text-brand-700 underline">
        {t("subscribe.backToShop")}
      </Link>
    </div>
  );
}
