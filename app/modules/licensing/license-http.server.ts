import { tooManyRequests } from "~/utils/http.ts";
import type { ApiAnswer } from "./license-api.server.ts";
import { type ApiFields, readApiFields } from "./license-api-input.server.ts";

/**
 * The HTTP side every licence endpoint shares: public and cookie-free (a licence key is its own
 * credential), callable from any origin (CORS, preflight included), never cached. Each endpoint
 * counts the request against the address's limit and the key's while it looks the key up.
 */
export const licenseApiHeaders = {
  "Cache-Control": "no-store",
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Accept",
};

export type ApiShape = "gumroad" | "lemon-squeezy";

export async function answerLicenseRequest(
  request: Request,
  address: string,
  shape: ApiShape,
  handle: (fields: ApiFields | null, address: string) => Promise<ApiAnswer>,
): Promise<Response> {
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: licenseApiHeaders });
  if (request.method !== "POST") return methodNotAllowed(shape);
  const answer = await handle(await readApiFields(request), address);
  if (answer.retryAfterSeconds !== undefined)
    return tooManyRequests(answer.retryAfterSeconds, answer.body, licenseApiHeaders);
  return Response.json(answer.body, { status: answer.status, headers: licenseApiHeaders });
}

/** GET and the like: these endpoints only take POST (the body carries the key, never the URL). */
export function methodNotAllowed(shape: ApiShape): Response {
  const message = "Use POST with form fields or a JSON body; see /docs/licensing.md.";
  return Response.json(shape === "gumroad" ? { success: false, message } : { error: message }, {
    status: 405,
    headers: { ...licenseApiHeaders, Allow: "POST, OPTIONS" },
  });
}
