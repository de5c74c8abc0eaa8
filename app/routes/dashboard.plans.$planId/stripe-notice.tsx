import { Notice } from "~/components/ui/notice.tsx";
import type { PlanSyncResult } from "~/modules/plans/stripe-sync.server.ts";

/** Saved in Stapel, but Stripe did not take it: say so, and when it is tried again. */
export function StripeNotice({ stripe }: { stripe: PlanSyncResult }) {
  if (stripe.ok) return null;
  return (
    <Notice tone="error">
      Saved in Stapel, but Stripe could not be updated ({stripe.message}). Nobody is charged a changed price
      until it is: save again to retry (it is also retried when someone subscribes, and at the next start).
    </Notice>
  );
}
