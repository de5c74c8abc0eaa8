import { type ActionFunctionArgs, data } from "@remix-run/node";
import { MarkdownPreviewSchema } from "~/modules/listings/forms.ts";
import { renderMarkdown } from "~/modules/markdown/render.server.ts";
import { invalidSubmission, parseSubmission } from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireSeller } from "~/utils/session.server.ts";

/**
 * The editor's markdown preview: the seller's text through the storefront's own renderMarkdown.
 * Changes nothing; an action (POST) only because descriptions are too long for a URL.
 */
export async function action({ request }: ActionFunctionArgs) {
  await requireSeller(request);
  const submission = await parseSubmission(request, MarkdownPreviewSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  return data({ html: renderMarkdown(submission.value.markdown) }, { headers: privateNoStore });
}

export async function loader() {
  throw new Response("Use the Preview button in the listing editor.", { status: 405 });
}
