import { Form } from "@remix-run/react";
import { useFormat, useT } from "~/components/i18n.tsx";
import { Markdown } from "~/components/markdown.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import type { DiffPart, LibraryChanges } from "~/modules/delivery/library-changes.server.ts";

/** The module names other changed parts in English; these are their dictionary keys. */
const PART_KEYS = {
  "How to use it": "changes.part.instructions",
  "The model notes": "changes.part.modelNotes",
  "The template link": "changes.part.templateUrl",
  "The guide": "changes.part.guide",
  "The files": "changes.part.files",
  "The bundle's items": "changes.part.bundle",
} as const;
const isPart = (name: string): name is keyof typeof PART_KEYS => name in PART_KEYS;

function DiffLine({ part }: { part: DiffPart }) {
  const t = useT();
  if (part.kind === "skipped")
    return (
      <div className="px-3 py-1 text-xs text-gray-600 italic">
        {t(part.lines === 1 ? "changes.skipped.one" : "changes.skipped.other", { count: part.lines })}
      </div>
    );
  const text = part.text.replace(/\n$/, "");
  if (part.kind === "added")
    return (
      <ins className="block bg-emerald-50 px-3 py-0.5 text-emerald-900 no-underline">
        <span className="font-sans text-xs font-semibold">{t("changes.added")}</span>
        {text}
      </ins>
    );
  if (part.kind === "removed")
    return (
      <del className="block bg-red-50 px-3 py-0.5 text-red-900">
        <span className="font-sans text-xs font-semibold no-underline">{t("changes.removed")}</span>
        {text}
      </del>
    );
  return <div className="px-3 py-0.5 text-gray-700">{text}</div>;
}

/**
 * "What changed since you last looked": the changelogs of the newer versions and the prompt's line
 * diff (added and removed lines say so in words, not only in colour), with a button that records
 * that the buyer has seen them.
 */
export function ChangesSection({ changes }: { changes: LibraryChanges }) {
  const t = useT();
  const format = useFormat();
  return (
    <section
      aria-labelledby="changes-heading"
      className="space-y-4 rounded-xl bg-amber-50 p-5 ring-1 ring-amber-200"
    >
      <div>
        <h2 id="changes-heading" className="font-bold">
          {t("changes.heading")}
        </h2>
        <p className="mt-1 text-sm text-gray-700">
          {changes.fromVersion > 0
            ? t("changes.since", { from: changes.fromVersion, to: changes.toVersion })
            : t("changes.unnumbered", { to: changes.toVersion })}
        </p>
      </div>
      <ol className="space-y-3">
        {changes.changelogs.map((version) => (
          <li key={version.number}>
            <h3 className="text-sm font-semibold">
              {t("changes.version", { number: version.number, day: format.day(version.publishedAt) })}
            </h3>
            {version.changelogHtml ? (
              <Markdown html={version.changelogHtml} className="mt-1 text-sm" />
            ) : (
              <p className="mt-1 text-sm text-gray-600">{t("changes.noNotes")}</p>
            )}
          </li>
        ))}
      </ol>
      {changes.otherChanges.length > 0 && (
        <p className="text-sm">
          {t("changes.also", {
            list: changes.otherChanges.map((name) => (isPart(name) ? t(PART_KEYS[name]) : name)).join(", "),
          })}
        </p>
      )}
      {changes.promptDiff && (
        <div>
          <h3 className="text-sm font-semibold">
            {t("changes.prompt", { from: changes.fromVersion, to: changes.toVersion })}
          </h3>
          <div
            data-testid="prompt-diff"
            className="mt-2 overflow-x-auto whitespace-pre-wrap rounded-lg bg-white py-2 font-mono text-sm ring-1 ring-gray-200"
          >
            {changes.promptDiff.map((part, index) => (
              // Parts have no identity of their own; their order is the diff.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <DiffLine key={index} part={part} />
            ))}
          </div>
        </div>
      )}
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="mark-seen" />
        <input type="hidden" name="version" value={changes.toVersion} />
        <button type="submit" className={buttonClass("secondary")}>
          {t("changes.markSeen")}
        </button>
      </Form>
    </section>
  );
}
