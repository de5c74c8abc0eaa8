import { type FieldMetadata, getTextareaProps } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { Markdown } from "~/components/markdown.tsx";

/**
 * A markdown textarea with a "Preview" button. The preview is rendered by the server through the
 * same `renderMarkdown` the storefront uses, so what the seller sees is exactly what buyers get
 * (raw HTML shown as text, unsafe links dropped).
 */
export function MarkdownField({
  field,
  label,
  hint,
  rows = 8,
}: {
  field: FieldMetadata<string | undefined>;
  label: string;
  hint?: string;
  rows?: number;
}) {
  const preview = useFetcher<{ html: string }>();
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {hint && <p className="text-xs text-gray-600">{hint}</p>}
      <textarea
        rows={rows}
        className="block w-full rounded-lg border-0 px-3 py-2.5 font-mono text-sm text-ink ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600"
        {...getTextareaProps(field)}
      />
      {field.errors?.length ? (
        <p id={field.errorId} className="text-sm text-red-700">
          {field.errors.join(" ")}
        </p>
      ) : null}
      <button
        type="button"
        className="text-sm font-medium text-brand-700 underline"
        onClick={(event) => {
          const textarea = event.currentTarget.form?.elements.namedItem(field.name);
          const markdown = textarea instanceof HTMLTextAreaElement ? textarea.value : "";
          preview.submit({ markdown }, { method: "post", action: "/dashboard/listings/preview" });
        }}
      >
        {preview.state === "idle" ? "Preview" : "Rendering…"}
      </button>
      {preview.data && (
        <div className="rounded-lg bg-gray-50 p-4 ring-1 ring-gray-200" aria-live="polite">
          {preview.data.html ? (
            <Markdown html={preview.data.html} />
          ) : (
            <p className="text-sm text-gray-600">Nothing to preview.</p>
          )}
        </div>
      )}
    </div>
  );
}
