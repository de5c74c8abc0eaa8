/**
 * `previous_attributes` as Stripe builds it: for every key whose value changed, the value before the
 * change. Hashes (metadata, nested objects) are compared key by key, so only changed keys appear and
 * a key that was added shows as `null`; arrays are compared whole and, when any element changed,
 * appear whole (Stripe's rule since API 2017-05-25).
 */
type Json = Record<string, unknown>;

/** A plain hash; values with their own JSON form (Stripe.Decimal) compare as that form. */
const isHash = (value: unknown): value is Json =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { toJSON?: unknown }).toJSON !== "function";

export function previousAttributes<T extends object>(before: T, after: T): Partial<T> | undefined {
  return diff(before as Json, after as Json) as Partial<T> | undefined;
}

function diff(before: Json, after: Json): Json | undefined {
  const previous: Json = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[key];
    const now = after[key];
    if (isHash(old) && isHash(now)) {
      const nested = diff(old, now);
      if (nested) previous[key] = nested;
    } else if (JSON.stringify(old) !== JSON.stringify(now)) {
      previous[key] = old === undefined ? null : old;
    }
  }
  return Object.keys(previous).length > 0 ? previous : undefined;
}
