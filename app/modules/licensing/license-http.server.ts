import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import { tooManyRequests } from "~/utils/http.ts";
import { tooMany } from "./gumroad-verify.server.ts";
import { LS_MESSAGES } from "./lemon-squeezy.server.ts";
import type { ApiAnswer } from "./license-api.server.ts";
import { type ApiFields, readApiFields } from "./license-api-input.server.ts";

/**
 * The HTTP side every licence endpoint shares: public and cookie-free (a licence key is its own
 * credential), callable from any origin (CORS, preflight included), never cached, limited per
 * address before any work, then per key inside the endpoint.
 */
export const licenseApiHeaders = {
  "Cache-Control": "no-store",
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Accept",
};

export type ApiShape = "gumroad" | "lemon-squeezy";

const limitedBody = (shape: ApiShape, seconds: number) =>
  shape === "gumroad" ? { success: false, message: tooMany(seconds) } : { error: LS_MESSAGES.tooMany };

export async function answerLicenseRequest(
  request: Request,
  address: string,
  shape: ApiShape,
  handle: (fields: ApiFields | null) => Promise<ApiAnswer>,
): Promise<Response> {
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: licenseApiHeaders });
  if (request.method !== "POST") return methodNotAllowed(shape);
  // The body is read while the address is counted; nothing is looked up before the count is in.
  const [limit, fields] = await Promise.all([
    consumeRateLimit("license-api", address),
    readApiFields(request),
  ]);
  if (!limit.ok)
    return tooManyRequests(
      limit.retryAfterSeconds,
      limitedBody(shape, limit.retryAfterSeconds),
      licenseApiHeaders,
    );
  const answer = await handle(fields);
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
