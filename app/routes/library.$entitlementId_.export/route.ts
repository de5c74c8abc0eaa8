import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLibraryItem } from "~/modules/delivery/entitlements.server.ts";
import {
  attachmentHeader,
  buyerFingerprint,
  exportFile,
  fillForBuyer,
} from "~/modules/delivery/library-export.server.ts";
import { localizeMessage, translator } from "~/modules/i18n/messages.server.ts";
import { resolveViewer } from "~/modules/i18n/viewer.server.ts";
import { EXPORT_FORMATS, type ExportFormat, readFromQuery } from "~/modules/prompts/tool.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { recordId } from "~/utils/schemas.ts";
import { requireUser } from "~/utils/session.server.ts";

/**
 * The prompt tool's exports: `?format=md|txt|json` and the buyer's answers (`v.topic=tea`), as a
 * download. Checked like the library page: someone else's, a revoked or a made-up item is 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const entitlementId = recordId().safeParse(params.entitlementId);
  const item = entitlementId.success ? await getLibraryItem(user.id, entitlementId.data) : null;
  invariantResponse(item, "This item is not in your library.", { status: 404 });
  invariantResponse(
    item.listing.type === "PROMPT" && item.listing.content,
    "This item has no prompt to export.",
    { status: 404 },
  );
  const query = new URL(request.url).searchParams;
  const format = query.get("format") ?? "md";
  invariantResponse(
    (EXPORT_FORMATS as string[]).includes(format),
    `Unknown format "${format.slice(0, 20)}": choose md, txt or json.`,
    { status: 400, headers: privateNoStore },
  );
  const fingerprint = await buyerFingerprint(item.id, user.name);
  const filled = fillForBuyer(item.listing.content.body, readFromQuery(query), fingerprint);
  const problems = Object.entries(filled.errors);
  const language = resolveViewer(request).language;
  invariantResponse(
    problems.length === 0,
    translator(language)("tool.exportFix", {
      problems: problems.map(([name, error]) => `${name}: ${localizeMessage(language, error)}`).join(" "),
    }),
    { status: 400, headers: privateNoStore },
  );
  const file = exportFile(item, filled, fingerprint, format as ExportFormat, new Date(), language);
  return new Response(file.body, {
    headers: {
      ...privateNoStore,
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentHeader(file.fileName),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
