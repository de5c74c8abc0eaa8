/**
 * The body of a licence API request, whatever the client sends: form-encoded (Gumroad's and Lemon
 * Squeezy's documented default, curl -d), multipart, or JSON (`application/json`, and the
 * `application/vnd.api+json` the official Lemon Squeezy client sends). Fields keep their JSON types,
 * so the endpoints can refuse a non-string; a form field given twice becomes a list (refused too).
 */
export type ApiFields = Record<string, unknown>;

const MAX_BODY_BYTES = 16 * 1024;

export async function readApiFields(request: Request): Promise<ApiFields | null> {
  const contentType = request.headers.get("Content-Type")?.toLowerCase() ?? "";
  const json = /^application\/([\w.-]+\+)?json\b/.test(contentType);
  const form = contentType.startsWith("application/x-www-form-urlencoded");
  // Anything else (text/plain, no type at all) is refused: a body is read only as what it says it is.
  if (!json && !form && !contentType.startsWith("multipart/form-data")) return null;
  let text: string;
  try {
    if (!json && !form) return fieldsOf(await request.formData());
    text = await request.text();
  } catch {
    return null;
  }
  if (text.length > MAX_BODY_BYTES) return null;
  if (form) return fieldsOf(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as ApiFields) : null;
  } catch {
    return null;
  }
}

function fieldsOf(entries: URLSearchParams | FormData): ApiFields {
  const fields: ApiFields = {};
  for (const [name, value] of entries) {
    const current = fields[name];
    const next = typeof value === "string" ? value : { file: true };
    fields[name] = current === undefined ? next : [...(Array.isArray(current) ? current : [current]), next];
  }
  return fields;
}

/** `token=true` (form) or `"token": true` (JSON): the answer carries a signed licence token. */
export const wantsToken = (fields: ApiFields) => fields.token === true || fields.token === "true";

/** Present and not blank (Rails' `present?`, which Gumroad's checks use). */
export const isPresent = (value: unknown) =>
  value !== undefined &&
  value !== null &&
  value !== "" &&
  !(typeof value === "string" && value.trim() === "");

/** Keys are stored upper-case; a key typed in lower case, or with spaces around it, still matches. */
export const normaliseKey = (value: string) => value.trim().toUpperCase();
