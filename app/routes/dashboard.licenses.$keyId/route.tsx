import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/ui/notice.tsx";
import {
  disableLicenseKey,
  enableLicenseKey,
  getShopLicenseKey,
  type KeyActionOutcome,
  type KeyRefusal,
  removeKeyActivation,
  resetLicenseKeyUses,
  rotateLicenseKey,
} from "~/modules/licensing/manage.server.ts";
import { LicenseKeyActionSchema } from "~/modules/licensing/manage-forms.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { recordId } from "~/utils/schemas.ts";
import { requireSeller } from "~/utils/session.server.ts";
import { KeyActions } from "./key-actions.tsx";
import { KeySummary } from "./key-summary.tsx";

const NOT_FOUND = "Your shop has no such licence key.";

export const meta: MetaFunction = () => [{ title: "Licence key · Stapel" }];

const refusalStatus = { "not-found": 404, revoked: 409 } as const satisfies Record<KeyRefusal, number>;

async function findKey(request: Request, keyId: string | undefined) {
  const seller = await requireSeller(request);
  const id = recordId().safeParse(keyId);
  // A malformed id, a missing one and another shop's all answer the same 404.
  const key = id.success ? await getShopLicenseKey(seller.shop.id, id.data) : null;
  return { seller, key };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { key } = await findKey(request, params.keyId);
  invariantResponse(key, NOT_FOUND, { status: 404 });
  return data({ key }, { headers: privateNoStore });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { seller, key } = await findKey(request, params.keyId);
  const submission = await parseSubmission(request, LicenseKeyActionSchema);
  if (!key) return refuseSubmission(submission, 404, NOT_FOUND);
  if (submission.status !== "success") return invalidSubmission(submission);
  const value = submission.value;
  const shopId = seller.shop.id;
  let outcome: KeyActionOutcome;
  switch (value.intent) {
    case "disable":
      outcome = await disableLicenseKey(shopId, key.id);
      break;
    case "enable":
      outcome = await enableLicenseKey(shopId, key.id);
      break;
    case "rotate":
      outcome = await rotateLicenseKey(shopId, key.id);
      break;
    case "reset-uses":
      outcome = await resetLicenseKeyUses(shopId, key.id);
      break;
    case "remove-activation":
      outcome = await removeKeyActivation(shopId, key.id, value.activationId);
      break;
  }
  if (!outcome.ok) return refuseSubmission(submission, refusalStatus[outcome.refusal], outcome.message);
  return { result: submission.reply({ resetForm: true }), done: outcome.message };
}

export default function LicenseKeyPage() {
  const { key } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <article aria-labelledby="key-heading" className="min-w-0 space-y-6">
      <p className="text-sm">
        <Link to="/dashboard/licenses" className="text-brand-700 underline">
          ← All licence keys
        </Link>
      </p>
      {actionData && "done" in actionData && <Notice tone="success">{actionData.done}</Notice>}
      <KeySummary license={key} />
      <KeyActions license={key} lastResult={actionData?.result} />
    </article>
  );
}
