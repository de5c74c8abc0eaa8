import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import type { z } from "zod";
import { useLocalize, useT } from "~/components/i18n.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { claimFreeListing } from "~/modules/checkout/claim.server.ts";
import { ClaimSchema } from "~/modules/checkout/forms.ts";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import {
  invalidSubmission,
  parseSubmission,
  refuseRateLimited,
  refuseSubmission,
} from "~/utils/forms.server.ts";
import { getSessionUser, safeRedirect } from "~/utils/session.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: metaTranslator(matches)("claim.metaTitle") },
  { name: "robots", content: "noindex" },
];

// Like /checkout: nothing to show without a submission.
export const loader = () => null;

/**
 * The Claim button of a free listing posts here: signed in, the buyer gets the listing in their
 * library (an entitlement and a receipt, no Checkout); signed out, they sign in first and come back.
 */
export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseSubmission(request, ClaimSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const user = await getSessionUser(request);
  if (!user) {
    throw redirect(`/login?redirectTo=${encodeURIComponent(returnPath(request.headers.get("Referer")))}`);
  }
  // Claims share checkout's limit: each one writes rows and queues an email.
  const limit = await consumeRateLimit("checkout", user.id);
  if (!limit.ok) return refuseRateLimited(submission, "attempts", limit.retryAfterSeconds);
  const result = await claimFreeListing(user, submission.value.listingId);
  switch (result.kind) {
    case "claimed":
      return redirect(`/library/${result.entitlementId}?claimed=1`);
    case "already-owned":
      return redirect(result.entitlementId ? `/library/${result.entitlementId}` : "/library");
    case "not-free":
      return refuseSubmission(submission, 409, "This listing is not free: buy it from its page.");
    case "not-found":
      return refuseSubmission(submission, 404, "This listing does not exist or is no longer available.");
  }
}

function returnPath(referer: string | null): string {
  if (!referer) return "/";
  try {
    const url = new URL(referer);
    return safeRedirect(url.pathname + url.search, "/");
  } catch {
    return "/";
  }
}

export default function ClaimRefused() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof ClaimSchema>>({ lastResult: actionData?.result });
  const t = useT();
  const localize = useLocalize();
  const messages = [...(form.errors ?? []), ...(fields.listingId.errors ?? [])];
  return (
    <div className="mx-auto max-w-lg space-y-4 text-center">
      <h1 className="text-2xl font-bold">{t(actionData ? "claim.failed" : "claim.nothing")}</h1>
      {actionData ? (
        <Notice tone="error">
          {messages.length > 0 ? messages.map(localize).join(" ") : t("msg.somethingMissing")}
        </Notice>
      ) : (
        <p className="text-gray-700">{t("claim.nothingHint")}</p>
      )}
      <Link to="/" className="font-semibold text-brand-700 underline">
        {t("checkout.discover")}
      </Link>
    </div>
  );
}
