import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { refreshShopAccount } from "~/modules/payouts/onboarding.server.ts";
import { requireSeller } from "~/utils/session.server.ts";

/**
 * Stripe's `return_url`: the seller left the hosted onboarding (finished or not). The account is
 * read from Stripe so the payouts page shows the outcome at once, without waiting for
 * `account.updated`. Reading Stripe's state into the shop changes nothing Stripe does not already say.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  await refreshShopAccount(seller.shop.id);
  return redirect("/dashboard/payouts?from=return", { headers: { "Cache-Control": "private, no-store" } });
}
