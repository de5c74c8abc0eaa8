import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { UploadIntentSchema } from "~/modules/media/forms.ts";
import { invalidJson, messageJson, noStore, refusedJson } from "~/modules/media/replies.server.ts";
import { cancelUpload, completeUpload, uploadStatus } from "~/modules/media/uploads.server.ts";
import { parseSubmission } from "~/utils/forms.server.ts";
import { requireSeller } from "~/utils/session.server.ts";

/** Where an upload stands: a client that was interrupted asks this, then continues at `receivedBytes`. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const outcome = await uploadStatus(seller.shop.id, params.uploadId ?? "");
  if (!outcome.ok) return messageJson(404, outcome.message);
  return Response.json({ upload: outcome.upload }, { headers: noStore });
}

const refusalStatus = { "not-found": 404, incomplete: 409, failed: 409 } as const;

/** `intent=complete`: the file becomes a ListingFile, with its SHA-256. `intent=cancel`: forget it. */
export async function action({ request, params }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const submission = await parseSubmission(request, UploadIntentSchema);
  if (submission.status !== "success") return invalidJson(submission);
  const uploadId = params.uploadId ?? "";
  if (submission.value.intent === "cancel") {
    const cancelled = await cancelUpload(seller.shop.id, uploadId);
    if (!cancelled.ok) return refusedJson(submission, 404, cancelled.message);
    return Response.json(
      { result: submission.reply({ resetForm: true }), cancelled: true },
      { headers: noStore },
    );
  }
  const outcome = await completeUpload(seller.shop.id, uploadId);
  if (!outcome.ok) return refusedJson(submission, refusalStatus[outcome.refusal], outcome.message);
  return Response.json(
    { result: submission.reply({ resetForm: true }), file: outcome.file },
    { headers: noStore },
  );
}
