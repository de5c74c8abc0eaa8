import { isStripeResourceMissing } from "~/integrations/stripe.server.ts";
import { retrieveConnectAccount } from "~/integrations/stripe-connect.server.ts";
import { applyAccountState } from "~/modules/payouts/onboarding.server.ts";
import type { AccountObject } from "./stripe-event-objects.ts";
import { type HandlerOutcome, handled } from "./stripe-event-outcomes.ts";

/**
 * `account.updated`: a connected account's charges, payouts or requirements changed. The event's
 * copy of the account may be older than one already applied (Stripe does not deliver in order), so
 * the account is read from Stripe and its current state saved: any order of deliveries, any number
 * of repeats, ends with the shop matching Stripe.
 */
export async function handleAccountUpdated(account: AccountObject): Promise<HandlerOutcome> {
  let state: Awaited<ReturnType<typeof retrieveConnectAccount>>;
  try {
    state = await retrieveConnectAccount(account.id);
  } catch (error) {
    // The account is gone from Stripe (rejected and deleted): there is nothing newer to save.
    if (isStripeResourceMissing(error)) return handled;
    throw error;
  }
  // No shop holds this account (yet): onboarding saves the id together with the state it reads
  // from Stripe, so nothing this event says can be lost.
  await applyAccountState(state);
  return handled;
}
