/**
 * Turns a verified webhook body into an event Stapel can store. Pure functions: no database, no SDK.
 *
 * PostgreSQL stores neither NUL (in text or jsonb) nor a lone UTF-16 surrogate (JSON.stringify
 * writes it as an escape that jsonb refuses). Stripe passes customers' text through (names,
 * metadata), so a signed event may hold either; such strings are stored and handled with the
 * character replaced by U+FFFD, and the event says it was sanitised.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type ReceivedEvent = {
  id: string;
  type: string;
  /** `data.object`, sanitised; handlers validate its shape themselves. */
  object: JsonValue | undefined;
  /** The whole event, sanitised, as it is stored. */
  payload: { [key: string]: JsonValue };
  /** True when a character had to be replaced. */
  sanitised: boolean;
};

export type EnvelopeCheck =
  | { kind: "event"; event: ReceivedEvent }
  | { kind: "not-an-event"; problem: string };

/** Deeper than any Stripe object (about 10 levels); jsonb and recursion have limits of their own. */
export const MAX_PAYLOAD_DEPTH = 64;
const MAX_NAME_LENGTH = 255;

// With the u flag, a surrogate pair is one code point; only unpaired surrogates match the range.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what must be replaced
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ids and types must be plain text
const CONTROL = /[\u0000-\u001F\u007F]/u;

export function sanitiseText(text: string): string {
  return text.replace(UNSTORABLE, "\uFFFD");
}

/**
 * A copy of a JSON value with every string and key sanitised, or null when it nests deeper than
 * `maxDepth`. Objects are rebuilt with Object.fromEntries, so a "__proto__" key stays a plain key.
 */
export function sanitiseJson(
  value: JsonValue,
  maxDepth = MAX_PAYLOAD_DEPTH,
): { value: JsonValue; changed: boolean } | null {
  let changed = false;
  const text = (input: string) => {
    const output = sanitiseText(input);
    if (output !== input) changed = true;
    return output;
  };
  const walk = (node: JsonValue, depth: number): JsonValue | undefined => {
    if (typeof node === "string") return text(node);
    if (node === null || typeof node !== "object") return node;
    if (depth >= maxDepth) return undefined;
    const entries = Array.isArray(node) ? node.map((item) => walk(item, depth + 1)) : undefined;
    if (entries) return entries.includes(undefined) ? undefined : (entries as JsonValue[]);
    const pairs: [string, JsonValue][] = [];
    for (const [key, item] of Object.entries(node)) {
      const copy = walk(item, depth + 1);
      if (copy === undefined) return undefined;
      pairs.push([text(key), copy]);
    }
    return Object.fromEntries(pairs);
  };
  const result = walk(value, 0);
  return result === undefined ? null : { value: result, changed };
}

function nameProblem(field: string, value: unknown): string | undefined {
  if (typeof value !== "string" || value.length === 0) return `${field} is missing or not a string`;
  if (value.length > MAX_NAME_LENGTH) return `${field} is longer than ${MAX_NAME_LENGTH} characters`;
  if (CONTROL.test(value) || sanitiseText(value) !== value) return `${field} holds control characters`;
  return undefined;
}

/** Checks that a parsed body is a Stripe snapshot event (`object: "event"`, an id and a type). */
export function readEventEnvelope(body: JsonValue): EnvelopeCheck {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    return { kind: "not-an-event", problem: "the body is not a JSON object" };
  if (body.object !== "event")
    return {
      kind: "not-an-event",
      problem: 'its "object" is not "event" (thin v2 events are not supported)',
    };
  const problem = nameProblem("id", body.id) ?? nameProblem("type", body.type);
  if (problem) return { kind: "not-an-event", problem };
  const sanitised = sanitiseJson(body);
  if (!sanitised)
    return { kind: "not-an-event", problem: `it nests deeper than ${MAX_PAYLOAD_DEPTH} levels` };
  const payload = sanitised.value as { [key: string]: JsonValue };
  const data = payload.data;
  const object = data !== null && typeof data === "object" && !Array.isArray(data) ? data.object : undefined;
  return {
    kind: "event",
    event: {
      id: body.id as string,
      type: body.type as string,
      object,
      payload,
      sanitised: sanitised.changed,
    },
  };
}
