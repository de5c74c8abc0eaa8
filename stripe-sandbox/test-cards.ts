import type { Decline } from "./checkout-flow.ts";
import type { CardDetails } from "./objects/payments.ts";

type TestCard = Omit<CardDetails, "expMonth" | "expYear"> & { decline?: Decline };

/** Stripe's documented test card numbers that the sandbox understands. */
const TEST_CARDS: Record<string, TestCard> = {
  "4242424242424242": { brand: "visa", last4: "4242", funding: "credit", country: "US" },
  "4000056655665556": { brand: "visa", last4: "5556", funding: "debit", country: "US" },
  "5555555555554444": { brand: "mastercard", last4: "4444", funding: "credit", country: "US" },
  "4000000000000002": {
    brand: "visa",
    last4: "0002",
    funding: "credit",
    country: "US",
    decline: { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." },
  },
  "4000000000009995": {
    brand: "visa",
    last4: "9995",
    funding: "credit",
    country: "US",
    decline: {
      code: "card_declined",
      declineCode: "insufficient_funds",
      message: "Your card has insufficient funds.",
    },
  },
};

export function lookupTestCard(number: string): TestCard | undefined {
  return TEST_CARDS[number.replace(/[\s-]/g, "")];
}
