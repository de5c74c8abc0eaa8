import { type FieldMetadata, getTextareaProps } from "@conform-to/react";
import { useLocalize } from "~/components/i18n.tsx";
import { Notice } from "~/components/ui/notice.tsx";

const textareaClass =
  "block w-full rounded-lg border-0 px-3 py-2.5 text-ink ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600 aria-[invalid]:ring-red-500";

/** A labelled textarea with its hint and errors announced (conform's meta). */
export function TextAreaField({
  field,
  label,
  hint,
  rows = 4,
  maxLength,
  required,
  mono = false,
}: {
  field: FieldMetadata<string | undefined>;
  label: string;
  hint?: string;
  rows?: number;
  maxLength?: number;
  required?: boolean;
  mono?: boolean;
}) {
  const localize = useLocalize();
  const hintId = `${field.id}-hint`;
  const props = getTextareaProps(field);
  const describedBy =
    [hint ? hintId : null, props["aria-describedby"]].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-xs text-gray-600">
          {hint}
        </p>
      )}
      <textarea
        rows={rows}
        maxLength={maxLength}
        className={`${textareaClass} ${mono ? "font-mono text-sm" : ""}`}
        {...props}
        required={required}
        aria-describedby={describedBy}
      />
      {field.errors?.length ? (
        <p id={field.errorId} className="text-sm text-red-700">
          {field.errors.map(localize).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormErrors({ errors }: { errors?: string[] }) {
  const localize = useLocalize();
  return errors?.length ? <Notice tone="error">{errors.map(localize).join(" ")}</Notice> : null;
}
