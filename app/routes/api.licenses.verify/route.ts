import type { ActionFunctionArgs } from "@remix-run/node";
import { checkLicenseKey, LicenseKeyInput } from "~/modules/licensing/license-keys.server.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import { clientIp } from "~/utils/client-ip.ts";
import { tooManyRequests } from "~/utils/http.ts";

const headers = { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" };
const json = (body: unknown, status = 200) => Response.json(body, { status, headers });

const USAGE = 'Send a POST with a JSON body like {"key": "STPL-XXXXX-XXXXX-XXXXX-XXXXX"}';

export const loader = () => json({ error: USAGE }, 405);

/** Public licence check for apps and scripts that ship a buyer's key. */
export async function action({ request, context }: ActionFunctionArgs) {
  const limit = await consumeRateLimit("license-api", clientIp(context));
  if (!limit.ok) {
    const { retryAfterSeconds } = limit;
    return tooManyRequests(
      retryAfterSeconds,
      { error: "Too many licence checks", retryAfterSeconds },
      headers,
    );
  }
  const body = request.headers.get("Content-Type")?.includes("application/json")
    ? await request.json().catch(() => null)
    : Object.fromEntries(await request.formData().catch(() => new FormData()));
  if (!body || typeof body !== "object") return json({ error: USAGE }, 400);
  const parsed = LicenseKeyInput.safeParse(body);
  if (!parsed.success)
    return json({ error: parsed.error.issues.map((issue) => issue.message).join("; ") }, 400);
  const check = await checkLicenseKey(parsed.data.key);
  return json(check, check.valid ? 200 : 404);
}
