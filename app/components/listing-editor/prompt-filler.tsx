import { useId, useMemo, useState } from "react";
import { CopyButton } from "~/components/copy-button.tsx";
import { fillPrompt, type PromptVariable, parsePrompt, variableLabel } from "~/modules/prompts/variables.ts";

const inputClass =
  "block w-full rounded-lg border-0 px-3 py-2 text-ink ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600";

/**
 * One input per variable, of the kind its type asks for. With `name` it also submits in a plain
 * form (the library's prompt tool works without JavaScript); `error` is shown and announced.
 */
export function VariableInput({
  variable,
  value,
  onChange,
  idPrefix,
  name,
  error,
  chooseLabel = "Choose…",
}: {
  variable: PromptVariable;
  value: string;
  onChange: (value: string) => void;
  idPrefix: string;
  name?: string;
  error?: string;
  /** The empty choice of an enum, in the page's language. */
  chooseLabel?: string;
}) {
  const id = `${idPrefix}-${variable.name}`;
  const errorId = `${id}-error`;
  const common = {
    id,
    name,
    className: `${inputClass} aria-[invalid]:ring-red-500`,
    value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
  };
  const label = (
    <label htmlFor={id} className="block text-sm font-medium text-ink">
      {variableLabel(variable.name)}
    </label>
  );
  const message = error ? (
    <p id={errorId} className="text-sm text-red-700">
      {error}
    </p>
  ) : null;
  const { type } = variable;
  if (type.kind === "enum")
    return (
      <div className="space-y-1">
        {label}
        <select {...common} onChange={(event) => onChange(event.target.value)}>
          <option value="">{chooseLabel}</option>
          {type.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        {message}
      </div>
    );
  if (type.kind === "text")
    return (
      <div className="space-y-1">
        {label}
        <textarea {...common} rows={4} onChange={(event) => onChange(event.target.value)} />
        {message}
      </div>
    );
  return (
    <div className="space-y-1">
      {label}
      <input
        {...common}
        type={type.kind === "number" ? "number" : "text"}
        inputMode={type.kind === "number" ? "decimal" : undefined}
        step={type.kind === "number" ? "any" : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {message}
    </div>
  );
}

/**
 * The form a buyer fills to get the prompt with their values, built in the browser from the
 * prompt's typed variables (the same parser the editor validates with). In the editor it is the
 * live preview of that form; in the library it fills the prompt and copies it.
 */
export function PromptFiller({ body, mode }: { body: string; mode: "preview" | "library" }) {
  const parsed = useMemo(() => parsePrompt(body), [body]);
  const [values, setValues] = useState<Record<string, string>>({});
  const idPrefix = useId();
  if (!parsed.ok)
    return (
      <div role="status" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
        <p className="font-medium">The buyer's form appears once the variables are fixed:</p>
        <ul className="mt-1 list-disc pl-5">
          {parsed.errors.map((error) => (
            <li key={`${error.line}:${error.column}:${error.message}`}>{error.message}</li>
          ))}
        </ul>
      </div>
    );
  if (parsed.variables.length === 0)
    return mode === "preview" ? (
      <p className="text-sm text-gray-600">
        No variables: buyers copy the prompt as it is. Add some like {"{{topic}}"} or{" "}
        {"{{tone:enum(formal,casual)}}"}.
      </p>
    ) : null;
  const filled = fillPrompt(parsed.segments, values);
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        {parsed.variables.map((variable) => (
          <VariableInput
            key={variable.name}
            variable={variable}
            idPrefix={idPrefix}
            value={values[variable.name] ?? ""}
            onChange={(value) => setValues((current) => ({ ...current, [variable.name]: value }))}
          />
        ))}
      </div>
      {mode === "library" && (
        <div className="space-y-2">
          <div className="flex items-center justify-between gap-3">
            <h3 className="text-sm font-semibold">Your filled prompt</h3>
            <CopyButton text={filled} label="Copy filled prompt" />
          </div>
          <pre
            data-testid="filled-prompt"
            className="overflow-x-auto whitespace-pre-wrap rounded-lg bg-gray-50 p-4 font-mono text-sm"
          >
            {filled}
          </pre>
        </div>
      )}
    </div>
  );
}
