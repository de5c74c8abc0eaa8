import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CopyButton } from "~/components/copy-button.tsx";
import { useFormat, useLocalize, useT } from "~/components/i18n.tsx";
import { Markdown } from "~/components/markdown.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { getLibraryItem } from "~/modules/delivery/entitlements.server.ts";
import { libraryChanges, markSeen } from "~/modules/delivery/library-changes.server.ts";
import { buyerFingerprint } from "~/modules/delivery/library-export.server.ts";
import { libraryFiles } from "~/modules/delivery/library-files.server.ts";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { libraryLicenseKey } from "~/modules/licensing/library-keys.server.ts";
import { libraryDetails } from "~/modules/listings/library.server.ts";
import { licenceForEntitlement } from "~/modules/pricing/licence.server.ts";
import { fingerprintText } from "~/modules/prompts/fingerprint.ts";
import { fillForBuyer, readFromQuery } from "~/modules/prompts/tool.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { recordId } from "~/utils/schemas.ts";
import { requireUser } from "~/utils/session.server.ts";
import { ChangesSection } from "./changes-section.tsx";
import { FilesSection } from "./files-section.tsx";
import { LicenseSection } from "./license-section.tsx";
import { PromptTool } from "./prompt-tool.tsx";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [
    { title: data ? t("item.metaTitle", { title: data.item.listing.title }) : t("item.metaTitleBare") },
  ];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const entitlementId = recordId().safeParse(params.entitlementId);
  const item = entitlementId.success ? await getLibraryItem(user.id, entitlementId.data) : null;
  // Someone else's id, a revoked one and a made-up one all look the same: not found.
  invariantResponse(item, "This item is not in your library.", { status: 404 });
  // Only after the entitlement check above: the details include paid content.
  const [details, licence, files, licenseKey, changes, fingerprint] = await Promise.all([
    libraryDetails(item.listing.id),
    licenceForEntitlement(item.id),
    libraryFiles(user.id, { id: item.id, listingId: item.listing.id }),
    libraryLicenseKey(user.id, item.id),
    libraryChanges(item.listing.id, item.seenVersion, item.listing.currentVersion),
    buyerFingerprint(item.id, user.name),
  ]);
  const { content, type } = item.listing;
  const read = readFromQuery(new URL(request.url).searchParams);
  // The prompt tool (prompts only): the answers in the URL, checked and filled on the server too,
  // so the page works without JavaScript. Other types show their text as it is, fingerprinted.
  let promptTool = null;
  if (content && type === "PROMPT") {
    const filled = fillForBuyer(content.body, read, fingerprint);
    const submitted: Record<string, string> = {};
    for (const variable of filled.variables) {
      const value = read(variable.name);
      if (typeof value === "string") submitted[variable.name] = value;
    }
    promptTool = { body: content.body, submitted, filled: filled.text, errors: filled.errors };
  }
  const paidText = content?.body ? fingerprintText(content.body, fingerprint) : null;
  return data(
    {
      item,
      files,
      details,
      licence,
      licenseKey,
      changes,
      fingerprint,
      promptTool,
      paidText,
    },
    { headers: privateNoStore },
  );
}

const MarkSeenSchema = z.object({
  intent: z.literal("mark-seen", { error: "Unknown action." }),
  version: z.coerce
    .number({ error: "version must be a number" })
    .int("version must be a whole number")
    .min(1, "version must be 1 or more")
    .max(1_000_000, "version is too large"),
});

/** "Mark as seen": the buyer has read what changed, up to the version the page showed them. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const entitlementId = recordId().safeParse(params.entitlementId);
  const submission = await parseSubmission(request, MarkSeenSchema);
  if (!entitlementId.success) return refuseSubmission(submission, 404, "This item is not in your library.");
  if (submission.status !== "success") return invalidSubmission(submission);
  const found = await markSeen(user.id, entitlementId.data, submission.value.version);
  if (!found) return refuseSubmission(submission, 404, "This item is not in your library.");
  return data({ result: submission.reply(), seen: true as const }, { headers: privateNoStore });
}

export default function LibraryItem() {
  const { item, files, details, licence, licenseKey, changes, fingerprint, promptTool, paidText } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { listing } = item;
  const t = useT();
  const format = useFormat();
  const localize = useLocalize();
  return (
    <article className="space-y-6">
      <p>
        <Link to="/library" className="text-sm font-semibold text-brand-700 underline">
          {t("item.back")}
        </Link>
      </p>
      <header>
        <p className="text-sm text-brand-700">
          {t(`type.${listing.type}`)} · {listing.aiModels.join(", ")} ·{" "}
          {t("item.by", { shop: listing.shop.name })}
        </p>
        <h1 className="text-2xl font-bold">{listing.title}</h1>
        {details.latestVersion && (
          <p className="mt-1 text-sm text-gray-600">
            {t("item.version", {
              number: details.latestVersion.number,
              day: format.day(details.latestVersion.publishedAt),
            })}
          </p>
        )}
      </header>
      {actionData && "seen" in actionData && !changes && <Notice tone="success">{t("item.seen")}</Notice>}
      {actionData && !("seen" in actionData) && actionData.result.error?.[""] && (
        <Notice tone="error">{actionData.result.error[""].map(localize).join(" ")}</Notice>
      )}
      {changes && <ChangesSection changes={changes} />}
      {!changes && details.latestVersion?.changelogHtml && details.latestVersion.number > 1 && (
        <section aria-labelledby="changelog-heading" className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
          <h2 id="changelog-heading" className="font-bold">
            {t("item.whatChanged", { number: details.latestVersion.number })}
          </h2>
          <Markdown html={details.latestVersion.changelogHtml} className="mt-2 text-sm" />
        </section>
      )}
      {licence && (
        <section
          aria-labelledby="licence-terms-heading"
          className="rounded-xl bg-white p-5 ring-1 ring-gray-200"
        >
          <h2 id="licence-terms-heading" className="font-bold">
            {t("item.licence")}
            {licence.tierName ? `: ${licence.tierName}` : ""}
          </h2>
          <Markdown html={licence.licenseHtml} className="mt-2 text-sm" />
        </section>
      )}
      {details.templateUrl && (
        <section aria-labelledby="template-heading" className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
          <h2 id="template-heading" className="font-bold">
            {t("item.template")}
          </h2>
          <p className="mt-2">
            <a
              href={details.templateUrl}
              target="_blank"
              rel="noopener noreferrer nofollow"
              className="font-semibold text-brand-700 underline"
              data-testid="template-url"
            >
              {t("item.duplicate")}
            </a>
          </p>
          {details.compatibleApps.length > 0 && (
            <p className="mt-1 text-sm text-gray-600">
              {t("item.worksWith", { apps: details.compatibleApps.join(", ") })}
            </p>
          )}
        </section>
      )}
      {(details.agentPlatform || details.requiredTools.length > 0) && (
        <section aria-labelledby="agent-heading" className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
          <h2 id="agent-heading" className="font-bold">
            {t("item.runsOn", { platform: details.agentPlatform ?? t("item.yourPlatform") })}
          </h2>
          {details.requiredTools.length > 0 && (
            <p className="mt-1 text-sm text-gray-700">
              {t("item.youNeed", { tools: details.requiredTools.join(", ") })}
            </p>
          )}
        </section>
      )}
      {details.guideHtml && (
        <section aria-labelledby="guide-heading" className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
          <h2 id="guide-heading" className="font-bold">
            {t(listing.type === "AGENT" ? "item.setupGuide" : "item.contains")}
          </h2>
          <Markdown html={details.guideHtml} className="mt-2" />
        </section>
      )}
      {paidText && (
        <section aria-labelledby="content-heading" className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
          <div className="flex items-center justify-between gap-3">
            <h2 id="content-heading" className="font-bold">
              {t(`item.yours.${listing.type}`)}
            </h2>
            <CopyButton text={paidText} label={t("item.copy")} />
          </div>
          <pre
            data-testid="paid-content"
            className="mt-3 overflow-x-auto whitespace-pre-wrap rounded-lg bg-gray-50 p-4 font-mono text-sm"
          >
            {paidText}
          </pre>
          {details.instructionsHtml && <Markdown html={details.instructionsHtml} className="mt-3 text-sm" />}
          {details.modelNotes && (
            <p className="mt-2 text-xs text-gray-600">
              {t("item.testedWith", { notes: details.modelNotes })}
            </p>
          )}
        </section>
      )}
      {promptTool && (
        <PromptTool
          entitlementId={item.id}
          body={promptTool.body}
          submitted={promptTool.submitted}
          fingerprint={fingerprint}
        />
      )}
      <FilesSection files={files} />
      <LicenseSection license={licenseKey} />
    </article>
  );
}
