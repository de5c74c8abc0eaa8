import { Form } from "@remix-run/react";
import { useId, useMemo, useState } from "react";
import { CopyButton } from "~/components/copy-button.tsx";
import { useLocalize, useT } from "~/components/i18n.tsx";
import { VariableInput } from "~/components/listing-editor/prompt-filler.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import type { Fingerprint } from "~/modules/prompts/fingerprint.ts";
import { EXPORT_FORMATS, exportHref, fillForBuyer, openInLinks } from "~/modules/prompts/tool.ts";
import { valueParam } from "~/modules/prompts/values.ts";

const exportLabel = { md: "Markdown (.md)", txt: "Text (.txt)", json: "JSON (.json)" } as const;

/**
 * The prompt as a tool: the buyer answers its typed variables and gets the filled prompt to copy,
 * open in ChatGPT or Claude, or export. Live in the browser; without JavaScript the form is a GET
 * to this page, whose loader fills the prompt from the same query (`v.topic=…`), so the answers
 * also survive a reload and can be bookmarked. Every text carries the buyer's fingerprint.
 */
export function PromptTool({
  entitlementId,
  body,
  submitted,
  fingerprint,
}: {
  entitlementId: string;
  body: string;
  /** The answers in the page's URL (as typed, checked again here). */
  submitted: Record<string, string>;
  fingerprint: Fingerprint;
}) {
  const [raw, setRaw] = useState<Record<string, string>>(submitted);
  const idPrefix = useId();
  const filled = useMemo(
    () => fillForBuyer(body, (name) => raw[name], fingerprint),
    [body, raw, fingerprint],
  );
  const hasVariables = filled.variables.length > 0;
  const links = openInLinks(filled.text);
  const t = useT();
  // The checks write English (modules/prompts/values.ts); German pages show their German twins.
  const localize = useLocalize();
  return (
    <section
      aria-labelledby="fill-heading"
      className="space-y-4 rounded-xl bg-white p-5 ring-1 ring-gray-200"
    >
      <div>
        <h2 id="fill-heading" className="font-bold">
          {hasVariables ? t("tool.fill") : t("tool.use")}
        </h2>
        {hasVariables && <p className="mt-1 text-sm text-gray-600">{t("tool.private")}</p>}
      </div>
      {hasVariables && (
        <Form method="get" action={`/library/${entitlementId}`} preventScrollReset className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            {filled.variables.map((variable) => {
              const error = filled.errors[variable.name];
              return (
                <VariableInput
                  key={variable.name}
                  variable={variable}
                  idPrefix={idPrefix}
                  name={valueParam(variable.name)}
                  value={raw[variable.name] ?? ""}
                  error={error && localize(error)}
                  chooseLabel={t("tool.choose")}
                  onChange={(value) => setRaw((current) => ({ ...current, [variable.name]: value }))}
                />
              );
            })}
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {t("tool.fill")}
          </button>
        </Form>
      )}
      {hasVariables && (
        <div className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h3 className="text-sm font-semibold">{t("tool.filled")}</h3>
            <CopyButton text={filled.text} label={t("tool.copy")} />
          </div>
          <pre
            data-testid="filled-prompt"
            className="overflow-x-auto whitespace-pre-wrap rounded-lg bg-gray-50 p-4 font-mono text-sm"
          >
            {filled.text}
          </pre>
          {!filled.complete && (
            <p className="text-sm text-gray-600">{t("tool.unanswered", { example: "{{name}}" })}</p>
          )}
          <p className="text-xs text-gray-600">{t("tool.trace")}</p>
        </div>
      )}
      <div className="flex flex-wrap gap-x-6 gap-y-3 text-sm">
        <div>
          <p className="font-semibold">{t("tool.openIn")}</p>
          <ul className="mt-1 flex flex-wrap gap-3">
            {links.map((link) => (
              <li key={link.name}>
                {link.tooLong ? (
                  <span className="text-gray-600">{t("tool.tooLong", { name: link.name })}</span>
                ) : (
                  <a
                    href={link.href}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                    className="font-semibold text-brand-700 underline"
                  >
                    {t("tool.openInName", { name: link.name })}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <p className="font-semibold">{t("tool.export")}</p>
          <ul className="mt-1 flex flex-wrap gap-3">
            {EXPORT_FORMATS.map((format) => (
              <li key={format}>
                <a
                  href={exportHref(entitlementId, format, filled.values)}
                  download
                  className="font-semibold text-brand-700 underline"
                >
                  {exportLabel[format]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
