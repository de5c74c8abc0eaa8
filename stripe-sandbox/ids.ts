import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A Stripe-looking id: the prefix plus random base62 characters (e.g. `pi_3Q…`, `cus_R…`). */
export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return `${prefix}${out}`;
}

/** Unix time in whole seconds, as every Stripe `created` field. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
