import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAccountData, exportFileName } from "~/modules/accounts/data-export.server.ts";
import { resolveViewer } from "~/modules/i18n/viewer.server.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import { notFound, privateNoStore, tooManyRequests } from "~/utils/http.ts";
import { requireUser } from "~/utils/session.server.ts";

/** The signed-in account's data as a JSON download (GET: reading it changes nothing). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const limit = await consumeRateLimit("data-export", user.id);
  if (!limit.ok)
    return tooManyRequests(
      limit.retryAfterSeconds,
      "Too many data exports. Try again in an hour: each export holds everything, so one is usually enough.",
      privateNoStore,
    );
  const exported = await exportAccountData(user.id, resolveViewer(request).language);
  if (!exported) throw notFound("This account no longer exists.");
  return new Response(`${JSON.stringify(exported, null, 2)}\n`, {
    headers: {
      ...privateNoStore,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName()}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
