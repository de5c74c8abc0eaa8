import type { SearchSort } from "./search.ts";

/** Where a page starts: after (Next) or before (Previous) the row with this sort key and id. */
export type Cursor = { key: string; id: string; direction: "after" | "before" };

/**
 * Cursors are opaque to the buyer: base64url of the sort, its key and the id of the last row
 * shown. A cursor for another sort, or anything that does not decode to that, is ignored (the
 * first page is shown), never an error.
 */
export function encodeCursor(sort: SearchSort, key: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString("base64url");
}

export function decodeCursor(
  token: string | undefined,
  sort: SearchSort,
): { key: string; id: string } | null {
  if (!token) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [cursorSort, key, id] = value;
    if (cursorSort !== sort || typeof key !== "string" || typeof id !== "string") return null;
    if (!/^-?\d{1,19}$/.test(key) || !/^[a-z0-9_]{1,40}$/.test(id)) return null;
    // Inside bigint; a forged 19-digit key would otherwise be a database error.
    if (BigInt(key) > 9223372036854775807n || BigInt(key) < -9223372036854775808n) return null;
    return { key, id };
  } catch {
    return null;
  }
}
