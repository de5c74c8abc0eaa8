import { createHash } from "node:crypto";
import type { CardDetails } from "./objects/payments.ts";

/** A card decline as Stripe reports it: `card_declined` with a decline code and the buyer's message. */
export interface Decline {
  code: "card_declined";
  declineCode: string;
  message: string;
}

export type TestCard = Omit<CardDetails, "expMonth" | "expYear"> & {
  /** Every charge is declined, and the card cannot be saved either. */
  decline?: Decline;
  /** The card can be saved (attached to a customer), but every charge on it is declined. */
  chargeFails?: Decline;
  /** The charge succeeds and is then disputed with this reason. */
  dispute?: "fraudulent";
  /** Every payment needs 3D Secure: off-session charges stop at `requires_action`. */
  authentication?: "always";
  /** Stripe's per-card fingerprint; the sandbox derives it from the number. */
  fingerprint: string;
};

const GENERIC: Decline = {
  code: "card_declined",
  declineCode: "generic_decline",
  message: "Your card was declined.",
};

type Entry = Omit<TestCard, "fingerprint">;

/** Stripe's documented test card numbers that the sandbox understands. */
const TEST_CARDS: Record<string, Entry> = {
  "4242424242424242": { brand: "visa", last4: "4242", funding: "credit", country: "US" },
  "4000056655665556": { brand: "visa", last4: "5556", funding: "debit", country: "US" },
  "5555555555554444": { brand: "mastercard", last4: "4444", funding: "credit", country: "US" },
  "4000000000000002": { brand: "visa", last4: "0002", funding: "credit", country: "US", decline: GENERIC },
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
  "4000000000000341": {
    brand: "visa",
    last4: "0341",
    funding: "credit",
    country: "US",
    chargeFails: GENERIC,
  },
  "4000002760003184": {
    brand: "visa",
    last4: "3184",
    funding: "credit",
    country: "DE",
    authentication: "always",
  },
  "4000000000000259": {
    brand: "visa",
    last4: "0259",
    funding: "credit",
    country: "US",
    dispute: "fraudulent",
  },
};

const fingerprintOf = (number: string) =>
  createHash("sha256").update(`stapel-sandbox:${number}`).digest("base64url").slice(0, 16);

const BY_FINGERPRINT = new Map(
  Object.entries(TEST_CARDS).map(([number, card]) => [
    fingerprintOf(number),
    { ...card, fingerprint: fingerprintOf(number) },
  ]),
);

export function lookupTestCard(number: string): TestCard | undefined {
  const digits = number.replace(/[\s-]/g, "");
  const card = TEST_CARDS[digits];
  return card && { ...card, fingerprint: fingerprintOf(digits) };
}

/** The test card behind a saved payment method (found by its fingerprint). */
export function testCardByFingerprint(fingerprint: string | null | undefined): TestCard | undefined {
  return fingerprint ? BY_FINGERPRINT.get(fingerprint) : undefined;
}

/** The decline a charge on this card gets, if any. */
export function chargeDecline(card: TestCard | undefined): Decline | undefined {
  return card?.decline ?? card?.chargeFails;
}
