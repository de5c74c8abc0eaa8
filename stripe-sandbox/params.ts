import { z } from "zod";
import { type ApiError, invalidRequest } from "./errors.ts";
import type { FormObject } from "./form-body.ts";

/**
 * Request-parameter schemas built from zod, with failures reported the way Stripe words them and
 * naming the offending param in bracket form (`line_items[0][quantity]`). Messages may contain
 * `{param}` and `{value}` placeholders, filled in by `toApiError`.
 */

const EMPTY =
  "You passed an empty string for '{param}'. We assume empty values are an attempt to unset a parameter; " +
  "however '{param}' cannot be unset. You should remove '{param}' from your request or supply a non-empty value.";

/** A non-empty string (Stripe rejects `param=` for anything that cannot be unset). */
export const str = () => z.string().min(1, { error: EMPTY });

/** A string that may be sent empty to unset it: `""` becomes `null`. */
export const unsettable = () => z.string().transform((value) => (value === "" ? null : value));

export const int = (min = Number.MIN_SAFE_INTEGER) =>
  z
    .string()
    .min(1, { error: EMPTY })
    .regex(/^-?\d+$/, { error: "Invalid integer: {value}" })
    .transform(Number)
    .refine((value) => value >= min, { error: `This value must be greater than or equal to ${min}.` });

export const bool = () =>
  z.enum(["true", "false"], { error: "Invalid boolean: {value}" }).transform((value) => value === "true");

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `Invalid {param}: must be one of ${values.join(", ")}` });

export const email = () =>
  str().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: "Invalid email address: {value}" });

export const currency = () =>
  str()
    .transform((value) => value.toLowerCase())
    .refine((value) => /^[a-z]{3}$/.test(value), {
      error: "Invalid currency: {value}. Stripe currently supports these currencies: eur, usd, gbp, ...",
    });

export const url = () => str().refine(isUrl, { error: "Not a valid URL" });

function isUrl(value: string): boolean {
  try {
    const parsed = new URL(value.replaceAll("{CHECKOUT_SESSION_ID}", "x"));
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}

/** An array sent as `a[0]=..&a[1]=..` or `a[]=..`: the parser gives an index-keyed object. */
export const list = <T extends z.ZodType>(item: T) => z.preprocess(toArray, z.array(item));

function toArray(value: unknown): unknown {
  if (value === "") return [];
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value);
  if (!entries.every(([key]) => /^\d+$/.test(key))) return value;
  return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, item]) => item);
}

/**
 * Metadata as Stripe takes it: at most 50 keys, keys up to 40 characters, values up to 500.
 * On create, an empty value just means "not set"; `metadata=` (empty) means no metadata.
 */
export const metadata = () =>
  z.preprocess(
    (value) => (value === "" ? {} : value),
    z
      .record(z.string(), z.string({ error: "Invalid metadata value for {param}" }), {
        error: "Invalid hash: {param}",
      })
      .superRefine((value, ctx) => {
        const keys = Object.keys(value);
        if (keys.length > 50)
          ctx.addIssue({ code: "custom", message: "Invalid {param}: metadata may have at most 50 keys" });
        for (const key of keys) {
          if (key.length > 40)
            ctx.addIssue({ code: "custom", message: `Metadata keys can have at most 40 characters: ${key}` });
          if ((value[key] ?? "").length > 500) {
            ctx.addIssue({
              code: "custom",
              message: `Metadata values can have at most 500 characters: ${key}`,
            });
          }
        }
      }),
  );

export const expandParam = () => list(str());

/** `created=123` or `created[gte]=…&created[lt]=…`, as list endpoints take it. */
export const createdFilter = () =>
  z.union([
    int(0).transform((eq) => ({ eq })),
    z.strictObject({
      gt: int(0).optional(),
      gte: int(0).optional(),
      lt: int(0).optional(),
      lte: int(0).optional(),
    }),
  ]);
export const listParams = {
  limit: int(1)
    .refine((value) => value <= 100, { error: "This value must be less than or equal to 100." })
    .optional(),
  starting_after: str().optional(),
  ending_before: str().optional(),
  expand: expandParam().optional(),
};

/** Parses `input` with `schema`, throwing a Stripe-shaped 400 for the first problem found. */
export function parseParams<T extends z.ZodType>(schema: T, input: FormObject): z.output<T> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw issue ? toApiError(issue) : invalidRequest("Invalid request");
}

export function paramName(path: ReadonlyArray<PropertyKey>): string {
  const [head, ...rest] = path.map(String);
  return `${head ?? ""}${rest.map((part) => `[${part}]`).join("")}`;
}

function toApiError(issue: z.core.$ZodIssue): ApiError {
  const input = "input" in issue ? issue.input : undefined;
  if (issue.code === "unrecognized_keys") {
    const param = paramName([...issue.path, issue.keys[0] ?? ""]);
    return invalidRequest(`Received unknown parameter: ${param}`, param, "parameter_unknown");
  }
  const param = paramName(issue.path);
  if (issue.code === "invalid_type" && input === undefined) {
    return invalidRequest(`Missing required param: ${param}.`, param, "parameter_missing");
  }
  if (issue.code === "invalid_type") {
    const wanted = issue.expected === "object" || issue.expected === "record" ? "hash" : issue.expected;
    return invalidRequest(`Invalid ${wanted}: ${param}`, param);
  }
  const shown = typeof input === "string" ? input : JSON.stringify(input);
  const message = issue.message.replaceAll("{param}", param).replaceAll("{value}", shown ?? "");
  const code = MESSAGE_CODES.find(([prefix]) => message.startsWith(prefix))?.[1];
  return invalidRequest(message, param, code);
}

/** Stripe's error codes for the validation messages above. */
const MESSAGE_CODES: [string, string][] = [
  ["You passed an empty string", "parameter_invalid_empty"],
  ["Invalid integer", "parameter_invalid_integer"],
  ["Invalid email address", "email_invalid"],
  ["Not a valid URL", "url_invalid"],
];

/** Throws Stripe's "only one of" error when more than one of `names` is present. */
export function exclusive(input: Record<string, unknown>, ...names: string[]): void {
  const present = names.filter((name) => input[name] !== undefined);
  if (present.length > 1) {
    throw invalidRequest(
      `You may only specify one of these parameters: ${present.join(", ")}.`,
      present[1],
      "parameters_exclusive",
    );
  }
}
