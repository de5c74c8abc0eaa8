/**
 * The prompt variable syntax, parsed the same way in the seller's editor (validation, the live
 * preview of the buyer's form), on the server (saving) and in the buyer's library (the form that
 * fills the prompt). Pure: no imports, no I/O, so the browser bundle can use it as is.
 *
 *   {{topic}}                     a one-line text field
 *   {{source:text}}               a multi-line text field
 *   {{length:number}}             a number
 *   {{tone:enum(formal,casual)}}  one of the options
 *   \{{                           a literal "{{" (prompts sometimes contain templating of their own)
 *
 * A variable may appear many times; repeats without a type refer to the typed one, and two
 * different types for one name are an error. Errors name the line and column (1-based) where the
 * problem starts and say what was expected, because the seller has to find it in a long text.
 */

export type VariableType =
  | { kind: "line" }
  | { kind: "text" }
  | { kind: "number" }
  | { kind: "enum"; options: string[] };

export type PromptVariable = {
  name: string;
  type: VariableType;
  /** Where it first appears. */
  line: number;
  column: number;
};

export type PromptSegment = { literal: string } | { variable: string };

export type PromptSyntaxError = { line: number; column: number; message: string };

export type ParsedPrompt =
  | { ok: true; variables: PromptVariable[]; segments: PromptSegment[] }
  | { ok: false; errors: PromptSyntaxError[] };

export const MAX_VARIABLES = 50;
export const MAX_ENUM_OPTIONS = 30;
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const TYPE_NAMES = "text, number or enum(…)";

export function describeType(type: VariableType): string {
  return type.kind === "enum"
    ? `enum(${type.options.join(",")})`
    : type.kind === "line"
      ? "a one-line text"
      : type.kind;
}

function sameType(a: VariableType, b: VariableType): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "enum" && b.kind === "enum")
    return (
      a.options.length === b.options.length && a.options.every((option, index) => option === b.options[index])
    );
  return true;
}

/** Line and column (1-based) of an offset in `source`. */
function position(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (source[index] === "\n") {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

type Declaration = { name: string; type: VariableType | null };

/** The inside of one `{{…}}`; `offset` is where that inside starts in the source. */
function parseDeclaration(
  inner: string,
  offset: number,
  source: string,
): { ok: true; declaration: Declaration } | { ok: false; error: PromptSyntaxError } {
  const fail = (at: number, message: string) => {
    const where = position(source, at);
    return {
      ok: false as const,
      error: { ...where, message: `Line ${where.line}, column ${where.column}: ${message}` },
    };
  };
  const leading = inner.length - inner.trimStart().length;
  const trimmed = inner.trim();
  if (trimmed === "") return fail(offset, "empty {{ }}: expected a variable name, such as {{topic}}");
  const colon = trimmed.indexOf(":");
  const name = (colon === -1 ? trimmed : trimmed.slice(0, colon)).trim();
  const nameAt = offset + leading;
  if (!NAME.test(name)) {
    return fail(
      nameAt,
      name === ""
        ? "expected a variable name before the colon, such as {{tone:enum(formal,casual)}}"
        : `"${name}" is not a valid variable name: expected a letter followed by letters, digits or _ (at most 40)`,
    );
  }
  if (colon === -1) return { ok: true, declaration: { name, type: null } };
  const typeText = trimmed.slice(colon + 1).trim();
  const typeAt =
    offset +
    leading +
    colon +
    1 +
    (trimmed.slice(colon + 1).length - trimmed.slice(colon + 1).trimStart().length);
  if (typeText === "text") return { ok: true, declaration: { name, type: { kind: "text" } } };
  if (typeText === "number") return { ok: true, declaration: { name, type: { kind: "number" } } };
  if (typeText === "") return fail(typeAt, `expected a type after "${name}:": ${TYPE_NAMES}`);
  const enumMatch = /^enum\s*\(([\s\S]*)\)$/.exec(typeText);
  if (!enumMatch) {
    if (/^enum\b/.test(typeText))
      return fail(typeAt, "enum needs its options in parentheses: expected enum(option1,option2)");
    const typeName = /^[^\s(]*/.exec(typeText)?.[0] || typeText;
    return fail(typeAt, `unknown type "${typeName}": expected ${TYPE_NAMES}`);
  }
  const list = (enumMatch[1] ?? "").trim();
  if (list === "")
    return fail(typeAt, "enum() has no options: expected at least one, such as enum(formal,casual)");
  const options = list.split(",").map((option) => option.trim());
  if (options.some((option) => option === ""))
    return fail(typeAt, `enum(${list}) has an empty option: expected options separated by single commas`);
  if (options.length > MAX_ENUM_OPTIONS)
    return fail(typeAt, `enum has ${options.length} options: at most ${MAX_ENUM_OPTIONS}`);
  const duplicate = options.find((option, index) => options.indexOf(option) !== index);
  if (duplicate) return fail(typeAt, `enum lists "${duplicate}" twice: expected each option once`);
  return { ok: true, declaration: { name, type: { kind: "enum", options } } };
}

export function parsePrompt(source: string): ParsedPrompt {
  const errors: PromptSyntaxError[] = [];
  const segments: PromptSegment[] = [];
  const declared = new Map<
    string,
    { type: VariableType | null; line: number; column: number; typedAt?: { line: number; column: number } }
  >();
  const order: string[] = [];
  let literal = "";
  let index = 0;
  while (index < source.length) {
    if (source.startsWith("\\{{", index)) {
      literal += "{{";
      index += 3;
      continue;
    }
    if (!source.startsWith("{{", index)) {
      literal += source[index];
      index++;
      continue;
    }
    const open = index;
    const innerStart = open + 2;
    const close = source.indexOf("}}", innerStart);
    const lineEnd = source.indexOf("\n", innerStart);
    const reopen = source.indexOf("{{", innerStart);
    if (close === -1 || (lineEnd !== -1 && lineEnd < close) || (reopen !== -1 && reopen < close)) {
      const where = position(source, open);
      errors.push({
        ...where,
        message: `Line ${where.line}, column ${where.column}: "{{" is not closed: expected "}}" on the same line (write \\{{ for literal braces)`,
      });
      // Skip the stray braces and go on, so one mistake does not hide the next.
      literal += "{{";
      index = innerStart;
      continue;
    }
    const parsed = parseDeclaration(source.slice(innerStart, close), innerStart, source);
    index = close + 2;
    if (!parsed.ok) {
      errors.push(parsed.error);
      continue;
    }
    const { name, type } = parsed.declaration;
    const where = position(source, open);
    const earlier = declared.get(name);
    if (!earlier) {
      declared.set(name, { type, ...where, ...(type && { typedAt: where }) });
      order.push(name);
    } else if (type) {
      if (earlier.type && !sameType(earlier.type, type)) {
        const first = earlier.typedAt ?? earlier;
        errors.push({
          ...where,
          message: `Line ${where.line}, column ${where.column}: "${name}" is ${describeType(type)} here but ${describeType(earlier.type)} on line ${first.line}, column ${first.column}: expected the same type each time (or none after the first)`,
        });
      } else if (!earlier.type) {
        earlier.type = type;
        earlier.typedAt = where;
      }
    }
    if (literal) segments.push({ literal });
    literal = "";
    segments.push({ variable: name });
  }
  if (literal) segments.push({ literal });
  if (order.length > MAX_VARIABLES) {
    errors.push({
      line: 1,
      column: 1,
      message: `The prompt has ${order.length} variables: at most ${MAX_VARIABLES}`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const variables = order.map((name) => {
    const entry = declared.get(name) as NonNullable<ReturnType<typeof declared.get>>;
    return { name, type: entry.type ?? { kind: "line" as const }, line: entry.line, column: entry.column };
  });
  return { ok: true, variables, segments };
}

/** "tone_of_voice" → "Tone of voice": the buyer's form labels. */
export function variableLabel(name: string): string {
  const words = name
    .replace(/_/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The prompt with the buyer's values in place. A variable without a value keeps its `{{name}}`
 * marker, so the buyer sees what is still missing in the copied text.
 */
export function fillPrompt(segments: PromptSegment[], values: Record<string, string>): string {
  return segments
    .map((segment) => {
      if ("literal" in segment) return segment.literal;
      const value = values[segment.variable];
      return value === undefined || value === "" ? `{{${segment.variable}}}` : value;
    })
    .join("");
}
