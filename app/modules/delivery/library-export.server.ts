import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { type Fingerprint, licenceLine } from "~/modules/prompts/fingerprint.ts";
import { type ExportFormat, type FilledPrompt, fillForBuyer } from "~/modules/prompts/tool.ts";
import { describeType, variableLabel } from "~/modules/prompts/variables.ts";
import { env } from "~/utils/env.server.ts";
import { ensureBuyerCode } from "./fingerprint.server.ts";

/**
 * The prompt tool's server side: the buyer's fingerprint for an entitlement, and the export files.
 * Call only after the entitlement check (`getLibraryItem`): both read and hand over paid content.
 */

export async function buyerFingerprint(
  entitlementId: string,
  buyerName: string | null,
): Promise<Fingerprint> {
  const code = await ensureBuyerCode(entitlementId);
  return { code, licenceLine: licenceLine(buyerName, code) };
}

type ExportItem = {
  listing: { title: string; slug: string; currentVersion: number; shop: { name: string } };
};

/** A fence longer than any run of backticks in the text, so the prompt cannot close it. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

export function exportFile(
  item: ExportItem,
  filled: FilledPrompt,
  fingerprint: Fingerprint,
  format: ExportFormat,
  now = new Date(),
  /**
   * The page's language: the Markdown's headings and byline, which a person reads. The JSON's keys,
   * the file names and the ISO dates stay the same in every language (programs read them).
   */
  language: Language = "en",
): { body: string; contentType: string; fileName: string } {
  const t = translator(language);
  const { listing } = item;
  const fileName = `${listing.slug}.${format}`;
  if (format === "json") {
    const document = {
      listing: {
        title: listing.title,
        shop: listing.shop.name,
        url: `${env().APP_URL}/p/${listing.slug}`,
      },
      version: listing.currentVersion,
      exportedAt: now.toISOString(),
      variables: filled.variables.map((variable) => ({
        name: variable.name,
        label: variableLabel(variable.name),
        type: variable.type.kind === "enum" ? describeType(variable.type) : variable.type.kind,
        value: filled.values[variable.name] ?? null,
      })),
      prompt: filled.text,
      licence: fingerprint.licenceLine,
    };
    return {
      body: `${JSON.stringify(document, null, 2)}\n`,
      contentType: "application/json; charset=utf-8",
      fileName,
    };
  }
  if (format === "txt")
    return { body: `${filled.text}\n`, contentType: "text/plain; charset=utf-8", fileName };
  const fence = fenceFor(filled.text);
  const answered = filled.variables.filter((variable) => filled.values[variable.name] !== undefined);
  const body = [
    `# ${listing.title}`,
    "",
    t("export.by", {
      shop: listing.shop.name,
      version: listing.currentVersion,
      day: now.toISOString().slice(0, 10),
    }),
    "",
    ...(answered.length > 0
      ? [
          `## ${t("export.answers")}`,
          "",
          ...answered.map(
            (variable) =>
              `- **${variableLabel(variable.name)}**: ${(filled.values[variable.name] ?? "").replace(/\n/g, " ")}`,
          ),
          "",
        ]
      : []),
    `## ${t("export.prompt")}`,
    "",
    fence,
    filled.text,
    fence,
    "",
    `_${fingerprint.licenceLine}_`,
    "",
  ].join("\n");
  return { body, contentType: "text/markdown; charset=utf-8", fileName };
}

/** `attachment` with a safe ASCII name and the exact one in `filename*` (RFC 6266). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export { fillForBuyer };
