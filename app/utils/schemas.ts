import { z } from "zod";

/**
 * Building blocks for every form, query and API schema, shared by browser and server. Text that
 * reaches PostgreSQL must not hold NUL (it refuses it with an error, not a 4xx), and no field we
 * accept has a use for other control characters.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function text(options: { max: number; label?: string }) {
  const label = options.label ?? "This field";
  return z
    .string({ error: `${label} must be text` })
    .max(options.max, `${label} can be at most ${options.max} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${label} contains characters that are not allowed`);
}

/** Query-string text: control characters and overlong values are dropped rather than refused. */
export const queryText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !CONTROL_CHARACTERS.test(value))
    .optional()
    .catch(undefined);

/** Our ids are cuids: lowercase letters and digits. Anything else cannot name a row. */
export const recordId = (label = "id") =>
  z.string({ error: `${label} is required` }).regex(/^[a-z0-9]{20,32}$/, `${label} is not a valid id`);

/** A URL path segment such as a slug or shop handle. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
