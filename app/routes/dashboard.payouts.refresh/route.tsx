import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireSeller } from "~/utils/session.server.ts";

/**
 * Stripe's `refresh_url`: the onboarding link expired or was opened twice. A new link is made by
 * the payouts page's button (a POST), not here, so a prefetch or a stray visit creates nothing.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireSeller(request);
  return redirect("/dashboard/payouts?from=refresh", { headers: { "Cache-Control": "private, no-store" } });
}
