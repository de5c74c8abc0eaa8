import type { ReactNode, SelectHTMLAttributes } from "react";

/** A form field's id, name and errors, as conform's `fields.<name>` has them. */
type FieldMeta = { id: string; name: string; errors?: string[] };

type Option<Value extends string> = { value: Value; label: ReactNode };

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {errors.join(" ")}
    </p>
  );
}

/**
 * One choice of a few, as radio buttons in a fieldset whose legend names the question. Controlled
 * (`value` + `onChange`) when the form shows other fields depending on the answer.
 */
export function RadioChoices<Value extends string>({
  legend,
  meta,
  options,
  value,
  onChange,
  inline = false,
  children,
}: {
  legend: string;
  meta: FieldMeta;
  options: readonly Option<Value>[];
  value: Value;
  onChange: (value: Value) => void;
  /** Side by side (short labels) rather than one under another. */
  inline?: boolean;
  /** Shown under the choices, inside the fieldset (fields that depend on the answer). */
  children?: ReactNode;
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={meta.errors?.length ? `${meta.id}-error` : undefined}>
      <legend className="text-sm font-medium text-ink">{legend}</legend>
      <div className={inline ? "flex gap-4" : "space-y-2"}>
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={meta.name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {children}
      <FieldErrors id={`${meta.id}-error`} errors={meta.errors} />
    </fieldset>
  );
}

/** Any number of choices, as checkboxes in a fieldset; `empty` says so when there are none. */
export function CheckboxChoices({
  legend,
  meta,
  options,
  defaultChecked = [],
  empty,
}: {
  legend: string;
  meta: FieldMeta;
  options: readonly Option<string>[];
  defaultChecked?: readonly string[];
  empty?: string;
}) {
  return (
    <fieldset aria-describedby={meta.errors?.length ? `${meta.id}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {options.length === 0 && empty && <p className="text-sm text-gray-600">{empty}</p>}
      {options.map((option) => (
        <label key={option.value} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name={meta.name}
            value={option.value}
            defaultChecked={defaultChecked.includes(option.value)}
            className="mt-0.5"
          />
          {option.label}
        </label>
      ))}
      <FieldErrors id={`${meta.id}-error`} errors={meta.errors} />
    </fieldset>
  );
}

/** A labelled select with its error announced, like `Field` for inputs. */
export function SelectField({
  label,
  meta,
  options,
  ...select
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> & {
  label: string;
  meta: FieldMeta;
  options: readonly (Option<string> | string)[];
}) {
  const errorId = `${meta.id}-error`;
  const hasError = Boolean(meta.errors?.length);
  return (
    <div className="space-y-1">
      <label htmlFor={meta.id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <select
        id={meta.id}
        name={meta.name}
        aria-invalid={hasError || undefined}
        aria-describedby={hasError ? errorId : undefined}
        className="block w-full rounded-lg px-3 py-2.5 ring-1 ring-gray-300 aria-[invalid]:ring-red-500"
        {...select}
      >
        {options.map((option) =>
          typeof option === "string" ? (
            <option key={option}>{option}</option>
          ) : (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ),
        )}
      </select>
      <FieldErrors id={errorId} errors={meta.errors} />
    </div>
  );
}
