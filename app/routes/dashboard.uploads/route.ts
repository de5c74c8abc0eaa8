import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { CreateUploadSchema, UploadListQuery } from "~/modules/media/forms.ts";
import { fieldRefusedJson, invalidJson, noStore, refusedJson } from "~/modules/media/replies.server.ts";
import { createUpload, listOpenUploads } from "~/modules/media/uploads.server.ts";
import { parseSubmission } from "~/utils/forms.server.ts";
import { requireSeller } from "~/utils/session.server.ts";

/**
 * The seller's upload API (JSON, used by the FileUploadField component). GET: unfinished uploads
 * (`?listingId=`), so a page can resume one after a reload. POST: start an upload (a form with
 * listingId, fileName and sizeBytes); its bytes then go to /dashboard/uploads/:uploadId/bytes.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const query = UploadListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(
    { uploads: await listOpenUploads(seller.shop.id, query.listingId) },
    { headers: noStore },
  );
}

const refusalStatus = { "not-found": 404, "too-many": 409 } as const;

export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const submission = await parseSubmission(request, CreateUploadSchema);
  if (submission.status !== "success") return invalidJson(submission);
  const outcome = await createUpload(seller.shop.id, submission.value);
  if (!outcome.ok) {
    if (outcome.refusal === "bad-name") return fieldRefusedJson(submission, "fileName", outcome.message);
    return refusedJson(submission, refusalStatus[outcome.refusal], outcome.message);
  }
  return Response.json(
    { result: submission.reply({ resetForm: true }), upload: outcome.upload },
    { status: 201, headers: noStore },
  );
}
