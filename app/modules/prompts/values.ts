/**
 * The buyer's answers to a prompt's variables, checked the same way in the browser (the live tool)
 * and on the server (the page without JavaScript, the exports). Pure: no imports beyond the parser's
 * types, so the browser bundle uses it as is.
 *
 * An empty answer is allowed (the filled prompt keeps `{{name}}` so the buyer sees what is missing);
 * a wrong one is reported next to its field and left out of the filled prompt. The messages are
 * English; `locales/messages.ts` holds the same sentences (`msg.prompt.*`, `pattern.prompt.*`) so a
 * German page shows them in German: change a sentence here and there together.
 */
import type { PromptVariable } from "./variables.ts";

/** One-line answers; long text answers. URLs carry them (the form works without JavaScript). */
export const MAX_LINE_VALUE = 300;
export const MAX_TEXT_VALUE = 4000;

/** Query parameters of the tool's form and exports: `v.topic=tea`, so no name collides with `format`. */
export const valueParam = (name: string) => `v.${name}`;

export type VariableValues = Record<string, string>;
export type ValueErrors = Record<string, string>;

// The characters the leak-tracing marker is made of: a value carrying them could plant a false trace.
const MARKER_CHARACTERS = /\u200B|\u200C|\u200D|\u2060|\uFEFF/g;
// Control characters other than tab and newline have no place in a prompt.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const NUMBER = /^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/;

function clean(raw: string): string {
  return raw.replace(/\r\n?/g, "\n").replace(MARKER_CHARACTERS, "").replace(CONTROL_CHARACTERS, "");
}

/** Checks one answer; returns the value to fill in, or a message saying what is expected. */
export function checkValue(variable: PromptVariable, raw: string): { value: string } | { error: string } {
  const value = clean(raw);
  const { type } = variable;
  if (value.trim() === "") return { value: "" };
  switch (type.kind) {
    case "line": {
      const line = value.replace(/\n+/g, " ");
      if (line.length > MAX_LINE_VALUE)
        return { error: `At most ${MAX_LINE_VALUE} characters (this has ${line.length}).` };
      return { value: line };
    }
    case "text":
      if (value.length > MAX_TEXT_VALUE)
        return { error: `At most ${MAX_TEXT_VALUE} characters (this has ${value.length}).` };
      return { value };
    case "number": {
      const trimmed = value.trim();
      if (trimmed.length > 30 || !NUMBER.test(trimmed))
        return { error: "Enter a number, such as 300 or 2.5." };
      return { value: trimmed };
    }
    case "enum":
      if (!type.options.includes(value)) return { error: `Choose one of: ${type.options.join(", ")}.` };
      return { value };
  }
}

/**
 * Reads every variable's answer with `read` (a query parameter, a form field, the browser's state)
 * and checks it. `submitted` says whether any answer was given at all.
 */
export function readValues(
  variables: PromptVariable[],
  read: (name: string) => string | null | undefined,
): { values: VariableValues; errors: ValueErrors; submitted: boolean } {
  const values: VariableValues = {};
  const errors: ValueErrors = {};
  let submitted = false;
  for (const variable of variables) {
    const raw = read(variable.name);
    if (typeof raw !== "string") continue;
    submitted = true;
    const checked = checkValue(variable, raw);
    if ("error" in checked) errors[variable.name] = checked.error;
    else if (checked.value !== "") values[variable.name] = checked.value;
  }
  return { values, errors, submitted };
}

/** The query string that carries these answers (for the page's form, the export links). */
export function valuesQuery(values: VariableValues): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== "") query.set(valueParam(name), value);
  return query;
}
