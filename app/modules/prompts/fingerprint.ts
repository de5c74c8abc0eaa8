/**
 * Leak tracing, the text part (pure, for the browser too): every text a buyer takes away carries
 * their buyer code twice, as a visible licence line and as an invisible marker inside the text.
 *
 * The marker: U+2060 (word joiner) as start and end sentinel around 36 digits in base 3 written with
 * U+200B, U+200C and U+200D (zero-width space, non-joiner, joiner): 4 digits for each of the code's
 * 8 characters and 4 for a weighted check character, so a stray run of zero-width characters is not
 * read as a code. It sits at the end of the first line (and of a middle line in longer texts), never
 * inside a line, so search, filling and word wrapping see the same words, and it survives copy and
 * paste into editors and chat boxes even when the visible line is deleted.
 */

/** The licence key alphabet: no 0/O, no 1/I, readable aloud. */
export const BUYER_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const BUYER_CODE_LENGTH = 8;
const BUYER_CODE = /^[A-HJ-NP-Z2-9]{8}$/;

const SENTINEL = "\u2060";
const DIGITS = ["\u200B", "\u200C", "\u200D"] as const;
const DIGITS_PER_SYMBOL = 4;
const MARKER = /\u2060([\u200B\u200C\u200D]{36})\u2060/g;

export function isBuyerCode(code: string): boolean {
  return BUYER_CODE.test(code);
}

/** `B7K2QM9X` → `B7K2-QM9X`, as printed in licence lines. */
export function formatBuyerCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

function checkSymbol(indexes: number[]): number {
  return (
    indexes.reduce((sum, index, position) => sum + index * (position + 1), 0) % BUYER_CODE_ALPHABET.length
  );
}

function symbolDigits(index: number): string {
  let digits = "";
  let rest = index;
  for (let place = 0; place < DIGITS_PER_SYMBOL; place++) {
    digits = (DIGITS[rest % 3] as string) + digits;
    rest = Math.floor(rest / 3);
  }
  return digits;
}

/** The invisible marker for a buyer code. */
export function encodeMarker(code: string): string {
  if (!isBuyerCode(code)) throw new Error("not a buyer code");
  const indexes = [...code].map((character) => BUYER_CODE_ALPHABET.indexOf(character));
  return SENTINEL + [...indexes, checkSymbol(indexes)].map(symbolDigits).join("") + SENTINEL;
}

/** Every buyer code hidden in a text (markers whose check character is wrong are ignored). */
export function decodeMarkers(text: string): string[] {
  const codes = new Set<string>();
  for (const match of text.matchAll(MARKER)) {
    const digits = [...(match[1] ?? "")].map((character) =>
      DIGITS.indexOf(character as (typeof DIGITS)[number]),
    );
    const indexes: number[] = [];
    for (let start = 0; start < digits.length; start += DIGITS_PER_SYMBOL) {
      indexes.push(
        digits.slice(start, start + DIGITS_PER_SYMBOL).reduce((value, digit) => value * 3 + digit, 0),
      );
    }
    const check = indexes.pop();
    if (indexes.some((index) => index >= BUYER_CODE_ALPHABET.length)) continue;
    if (check !== checkSymbol(indexes)) continue;
    codes.add(indexes.map((index) => BUYER_CODE_ALPHABET[index]).join(""));
  }
  return [...codes];
}

const VISIBLE_CODE = /(?<![A-Z0-9])([A-HJ-NP-Z2-9]{4})[-‐‑–—\s]([A-HJ-NP-Z2-9]{4})(?![A-Z0-9])/g;

/** Codes written out in a text (`B7K2-QM9X`, any case, a dash or a space in the middle). At most `limit`. */
export function findVisibleCodes(text: string, limit = 500): string[] {
  const codes = new Set<string>();
  for (const match of text.toUpperCase().matchAll(VISIBLE_CODE)) {
    codes.add(`${match[1]}${match[2]}`);
    if (codes.size >= limit) break;
  }
  return [...codes];
}

/** Removes every marker character (to compare texts, or to show a seller what was found). */
export function withoutMarkers(text: string): string {
  return text.replace(/\u200B|\u200C|\u200D|\u2060/g, "");
}

/** Puts the marker at the end of the first line, and of a middle line when there are four or more. */
export function insertMarker(text: string, marker: string): string {
  const lines = text.split("\n");
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first === -1) return text + marker;
  const marked = new Set([first]);
  if (lines.length >= 4) {
    const middle = Math.floor(lines.length / 2);
    if ((lines[middle] ?? "").trim() !== "") marked.add(middle);
  }
  return lines.map((line, index) => (marked.has(index) ? line + marker : line)).join("\n");
}

/** The most text a seller pastes to trace (characters; the part around the prompt is enough). */
export const MAX_LEAK_TEXT = 200 * 1024;

export type Fingerprint = { code: string; licenceLine: string };

/** "Licensed to Anna · code B7K2-QM9X · via Stapel — please don't share". */
export function licenceLine(buyerName: string | null | undefined, code: string): string {
  const first = withoutMarkers(buyerName ?? "")
    .trim()
    .split(/\s+/)[0]
    ?.replace(/[^\p{L}\p{M}'’.-]/gu, "")
    .slice(0, 40);
  return `Licensed to ${first || "buyer"} · code ${formatBuyerCode(code)} · via Stapel — please don't share`;
}

/** The text as the buyer takes it away: marked inside, with the licence line below. */
export function fingerprintText(text: string, fingerprint: Fingerprint): string {
  return `${insertMarker(text.replace(/\s+$/, ""), encodeMarker(fingerprint.code))}\n\n${fingerprint.licenceLine}`;
}
