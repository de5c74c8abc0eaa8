import type { CardDetails } from "../objects/payments.ts";
import { lookupTestCard, type TestCard } from "../test-cards.ts";
import { escapeHtml } from "./layout.ts";

/** The card fields shared by the hosted invoice page and the portal's "update card" form. */
export interface CardForm {
  cardNumber: string;
  expiry: string;
  cvc: string;
  name: string;
}

export function readCardForm(params: URLSearchParams): CardForm {
  const get = (name: string) => params.get(name) ?? "";
  return { cardNumber: get("cardNumber"), expiry: get("expiry"), cvc: get("cvc"), name: get("name") };
}

export function parseExpiry(value: string): [number, number] | undefined {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(value);
  if (!match) return undefined;
  const month = Number(match[1]);
  const year = match[2]?.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return month >= 1 && month <= 12 ? [month, year] : undefined;
}

export type CardCheck = { card: TestCard & CardDetails; name: string } | { error: string };

/** The entered card as a test card, or the message Stripe's form would show. */
export function checkCard(form: CardForm): CardCheck {
  if (!form.cardNumber.trim()) return { error: "Your card number is incomplete." };
  const expiry = parseExpiry(form.expiry);
  if (!expiry) return { error: "Your card's expiration date is incomplete." };
  const now = new Date();
  const [month, year] = expiry;
  if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) {
    return { error: "Your card's expiration date is in the past." };
  }
  if (!/^\d{3,4}$/.test(form.cvc.trim())) return { error: "Your card's security code is incomplete." };
  if (!form.name.trim()) return { error: "Enter the name on the card." };
  const card = lookupTestCard(form.cardNumber);
  if (!card) return { error: "Your card number is invalid." };
  return { card: { ...card, expMonth: month, expYear: year }, name: form.name.trim() };
}

export function cardFields(values: Partial<CardForm> = {}): string {
  const input = (name: keyof CardForm, label: string, attrs: string) =>
    `<label for="${name}">${label}</label>
<input id="${name}" name="${name}" value="${escapeHtml(values[name] ?? "")}" ${attrs}>`;
  return `${input("cardNumber", "Card number", 'inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required')}
<div class="row">
<div>${input("expiry", "Expiry", 'autocomplete="cc-exp" placeholder="MM / YY" required')}</div>
<div>${input("cvc", "CVC", 'inputmode="numeric" autocomplete="cc-csc" placeholder="123" required')}</div>
</div>
${input("name", "Name on card", 'autocomplete="cc-name" required')}`;
}

export const CARD_HINT =
  '<p class="hint">Test cards: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0341 is saved but its charges fail; 4000 0000 0000 0002 is declined. Any future expiry, any CVC.</p>';
