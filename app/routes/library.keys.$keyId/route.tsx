import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import type { z } from "zod";
import { useLocalize, useT } from "~/components/i18n.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { freeLicenseDevice } from "~/modules/licensing/library-keys.server.ts";
import { FreeDeviceSchema } from "~/modules/licensing/manage-forms.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import {
  invalidSubmission,
  parseSubmission,
  refuseRateLimited,
  refuseSubmission,
} from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { recordId } from "~/utils/schemas.ts";
import { requireUser } from "~/utils/session.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: metaTranslator(matches)("freeDevice.metaTitle") },
  { name: "robots", content: "noindex" },
];

// Nothing to show without a submission (as /subscribe): a redirecting loader would replace refusals.
export const loader = () => data(null, { headers: privateNoStore });

/**
 * "Free this device" in the library posts here: deletes one activation of the buyer's own key and
 * goes back to the library item, which then lists one device fewer. A refusal renders this page.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await parseSubmission(request, FreeDeviceSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const limit = await consumeRateLimit("license-deactivate", user.id);
  if (!limit.ok) return refuseRateLimited(submission, "devices freed", limit.retryAfterSeconds);
  const keyId = recordId().safeParse(params.keyId);
  // Another buyer's key or activation, a made-up one and a malformed one all read the same.
  const freed = keyId.success
    ? await freeLicenseDevice(user.id, keyId.data, submission.value.activationId)
    : null;
  if (!freed?.ok)
    return refuseSubmission(
      submission,
      404,
      freed?.message ?? "This device is not activated with your key (it may be freed already).",
    );
  const itemId = submission.value.entitlementId ?? freed.entitlementId;
  return redirect(itemId ? `/library/${itemId}?device=freed` : "/library");
}

export default function FreeDevice() {
  const t = useT();
  const localize = useLocalize();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof FreeDeviceSchema>>({ lastResult: actionData?.result });
  const messages = [
    ...(form.errors ?? []),
    ...(fields.activationId.errors ?? []),
    ...(fields.entitlementId.errors ?? []),
    ...(fields.intent.errors ?? []),
  ].map(localize);
  return (
    <div className="mx-auto max-w-lg space-y-4 text-center">
      <h1 className="text-2xl font-bold">{actionData ? t("freeDevice.failed") : t("freeDevice.nothing")}</h1>
      {actionData ? (
        <Notice tone="error">{messages.length > 0 ? messages.join(" ") : t("freeDevice.missing")}</Notice>
      ) : (
        <p className="text-gray-700">{t("freeDevice.how")}</p>
      )}
      <Link to="/library" className="font-semibold text-brand-700 underline">
        {t("freeDevice.library")}
      </Link>
    </div>
  );
}
