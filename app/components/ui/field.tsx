import type { InputHTMLAttributes } from "react";
import { useLocalize } from "~/components/i18n.tsx";

/** A form field's id, name and errors, as conform's `fields.<name>` has them. */
type FieldMeta = { id: string; name: string; errors?: string[] };

/**
 * A labelled input with its error announced to assistive technology. `meta={fields.code}` takes the
 * id, name and errors from conform; they can also be given one by one.
 */
export function Field({
  label,
  meta,
  errors = meta?.errors,
  id = meta?.id ?? "",
  name = meta?.name,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  label: string;
  meta?: FieldMeta;
  id?: string;
  errors?: string[];
}) {
  const localize = useLocalize();
  const errorId = `${id}-error`;
  const hasError = Boolean(errors?.length);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={hasError || undefined}
        aria-describedby={hasError ? errorId : undefined}
        className="block w-full rounded-lg border-0 px-3 py-2.5 text-ink ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600 aria-[invalid]:ring-red-500"
        {...input}
      />
      {hasError && (
        <p id={errorId} className="text-sm text-red-700">
          {errors?.map(localize).join(" ")}
        </p>
      )}
    </div>
  );
}
