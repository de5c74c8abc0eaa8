/**
 * The library's prompt tool, computed the same way on the server (the page without JavaScript, the
 * exports) and in the browser (live as the buyer types): the prompt's variables, the buyer's checked
 * answers and the filled prompt as the buyer takes it away (fingerprinted). Pure.
 */
import { type Fingerprint, fingerprintText } from "./fingerprint.ts";
import { readValues, type ValueErrors, type VariableValues, valueParam, valuesQuery } from "./values.ts";
import { fillPrompt, type PromptVariable, parsePrompt } from "./variables.ts";

/** Links longer than this are refused by some browsers and servers: the tool offers Copy instead. */
export const MAX_OPEN_URL = 8000;

export type FilledPrompt = {
  variables: PromptVariable[];
  values: VariableValues;
  errors: ValueErrors;
  /** The filled prompt with the buyer's fingerprint (invisible marker and licence line). */
  text: string;
  /** Every variable has a valid answer. */
  complete: boolean;
};

export function fillForBuyer(
  body: string,
  read: (name: string) => string | null | undefined,
  fingerprint: Fingerprint,
): FilledPrompt {
  const parsed = parsePrompt(body);
  // A prompt whose syntax the editor would refuse (saved before the parser existed) is given as it is.
  if (!parsed.ok)
    return {
      variables: [],
      values: {},
      errors: {},
      text: fingerprintText(body, fingerprint),
      complete: true,
    };
  const { values, errors } = readValues(parsed.variables, read);
  return {
    variables: parsed.variables,
    values,
    errors,
    text: fingerprintText(fillPrompt(parsed.segments, values), fingerprint),
    complete: parsed.variables.every((variable) => values[variable.name] !== undefined),
  };
}

/** Reads answers from a URL's query (`v.topic=tea`). Over-long raw values are cut before checking. */
export function readFromQuery(query: URLSearchParams) {
  return (name: string) => query.get(valueParam(name))?.slice(0, 20_000);
}

export type ExportFormat = "md" | "txt" | "json";
export const EXPORT_FORMATS: ExportFormat[] = ["md", "txt", "json"];

export function exportHref(entitlementId: string, format: ExportFormat, values: VariableValues): string {
  const query = valuesQuery(values);
  query.set("format", format);
  return `/library/${entitlementId}/export?${query}`;
}

export function openInLinks(text: string) {
  const encoded = encodeURIComponent(text);
  const links = [
    { name: "ChatGPT", href: `https://chatgpt.com/?q=${encoded}` },
    { name: "Claude", href: `https://claude.ai/new?q=${encoded}` },
  ];
  return links.map((link) => ({ ...link, tooLong: link.href.length > MAX_OPEN_URL }));
}
