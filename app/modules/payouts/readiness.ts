/**
 * Whether a shop can be paid, in words a seller acts on. Pure (no server imports): the payouts page,
 * the checkout and the listing editor all ask this one function.
 */

export type ShopConnectState = {
  stripeAccountId: string | null;
  stripeChargesEnabled: boolean;
  stripePayoutsEnabled: boolean;
  stripeDetailsSubmitted: boolean;
  stripeRequirementsDue: string[];
  stripeDisabledReason: string | null;
};

export type PaymentsReadiness = {
  /** Buyers can pay this shop (Stripe enabled charges on its connected account). */
  canTakeCharges: boolean;
  /** Stripe can pay the money out to the seller's bank. */
  canReceivePayouts: boolean;
  status: "not-started" | "incomplete" | "restricted" | "ready";
  /** One sentence: where the shop stands. */
  summary: string;
  /** What the seller must still do, one line per item; empty when ready. */
  todo: string[];
  /** For refusing to publish a paid listing (or to sell one) while charges are off. */
  refusal: string | null;
};

const REQUIREMENT_LABELS: [RegExp, string][] = [
  [/^external_account$/, "Add the bank account your payouts go to"],
  [/verification\.document$/, "Upload an identity document"],
  [/verification\.additional_document$/, "Upload a proof of address"],
  [/^tos_acceptance\./, "Accept Stripe's services agreement"],
  [/^business_profile\./, "Describe your business (website, what you sell)"],
  [/^business_type$/, "Say whether you sell as an individual or a company"],
  [
    /\.(dob|address|first_name|last_name|email|phone|id_number|ssn_last_4)(\.|$)/,
    "Give your personal details",
  ],
  [/^company\./, "Give your company's details"],
];

/** Stripe's requirement keys (`individual.dob.day`, …) as the few things a seller recognises. */
export function describeRequirements(due: readonly string[]): string[] {
  const lines: string[] = [];
  for (const key of due) {
    const label = REQUIREMENT_LABELS.find(([pattern]) => pattern.test(key))?.[1] ?? `Provide ${key}`;
    if (!lines.includes(label)) lines.push(label);
  }
  return lines;
}

const DISABLED_REASONS: Record<string, string> = {
  "requirements.past_due": "Stripe needs more information before it can enable payments.",
  "requirements.pending_verification":
    "Stripe is checking the information you gave; this usually takes minutes to a few days.",
  under_review: "Stripe is reviewing the account.",
  "rejected.fraud": "Stripe rejected the account.",
  "rejected.terms_of_service": "Stripe rejected the account.",
  "rejected.listed": "Stripe rejected the account.",
  "rejected.other": "Stripe rejected the account.",
  listed: "Stripe is reviewing the account.",
  platform_paused: "Stapel paused payments for this account.",
};

export function shopPaymentsReadiness(shop: ShopConnectState): PaymentsReadiness {
  const todo = describeRequirements(shop.stripeRequirementsDue);
  const ready = shop.stripeAccountId !== null && shop.stripeChargesEnabled;
  if (!shop.stripeAccountId) {
    return {
      canTakeCharges: false,
      canReceivePayouts: false,
      status: "not-started",
      summary: "Payouts are not set up yet.",
      todo: ["Set up payouts with Stripe from Dashboard → Payouts (a few minutes)"],
      refusal:
        "This shop cannot take payments yet: set up payouts with Stripe (Dashboard → Payouts) before publishing a paid listing.",
    };
  }
  if (ready) {
    return {
      canTakeCharges: true,
      canReceivePayouts: shop.stripePayoutsEnabled,
      status: "ready",
      summary: shop.stripePayoutsEnabled
        ? "Payments and payouts are enabled."
        : "Payments are enabled; payouts are paused until Stripe has what it needs.",
      todo,
      refusal: null,
    };
  }
  const rejected = shop.stripeDisabledReason?.startsWith("rejected.") ?? false;
  const reason = shop.stripeDisabledReason ? DISABLED_REASONS[shop.stripeDisabledReason] : undefined;
  return {
    canTakeCharges: false,
    canReceivePayouts: shop.stripePayoutsEnabled,
    status: rejected || (shop.stripeDetailsSubmitted && todo.length === 0) ? "restricted" : "incomplete",
    summary:
      reason ??
      (shop.stripeDetailsSubmitted
        ? "Stripe has not enabled payments yet."
        : "Payout setup was started but not finished."),
    todo: rejected
      ? ["Contact Stripe support from your Express dashboard"]
      : todo.length > 0
        ? todo
        : ["Continue the setup with Stripe from Dashboard → Payouts"],
    refusal:
      "This shop cannot take payments yet: finish setting up payouts with Stripe (Dashboard → Payouts) before publishing a paid listing.",
  };
}
