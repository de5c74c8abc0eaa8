/**
 * HTTP conditional and range requests for downloads (RFC 9110 §13 and §14), as pure functions of
 * the request's headers and the file's validators, so the rules are testable without a server.
 *
 * Choices (ADR 23): one range only. A `Range` that is not a single, well-formed `bytes` range
 * (several ranges, another unit, garbage) is ignored and the whole file is sent with 200, as RFC
 * 9110 §14.2 allows; a well-formed range that starts at or beyond the end is 416.
 */

export type FileValidators = {
  /** Strong entity tag, quoted: `"<sha256>"`. */
  etag: string;
  /** When this file (this id's bytes, which never change) was stored. */
  lastModified: Date;
  sizeBytes: number;
};

export type RangeDecision =
  | { kind: "whole" }
  | { kind: "partial"; start: number; end: number }
  | { kind: "unsatisfiable" };

/** `If-None-Match`: true when the client's copy is current (answer 304). `*` matches any file. */
export function notModified(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  const trimmed = ifNoneMatch.trim();
  if (trimmed === "*") return true;
  // Weak comparison (§13.1.2): W/"x" matches "x".
  const bare = etag.replace(/^W\//, "");
  return trimmed.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

/**
 * What to send for `Range` (+ `If-Range`) on a file of `validators.sizeBytes` bytes. Suffix ranges
 * (`-n`) longer than the file mean the whole file, as a 206 of every byte.
 */
export function decideRange(
  range: string | null,
  ifRange: string | null,
  validators: FileValidators,
): RangeDecision {
  if (range === null) return { kind: "whole" };
  if (ifRange !== null && !ifRangeMatches(ifRange, validators)) return { kind: "whole" };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(range);
  if (!match) return { kind: "whole" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "whole" };
  // Beyond 2^53 the digits are not a position we could have; treat as garbage, not as a number.
  if (first.length > 15 || last.length > 15) return { kind: "whole" };
  const size = validators.sizeBytes;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return { kind: "whole" };
  if (start >= size) return { kind: "unsatisfiable" };
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: "partial", start, end };
}

/**
 * `If-Range` (§13.1.5): an entity tag must match strongly (a weak one never does); a date must
 * equal Last-Modified exactly (to the second, as HTTP dates go).
 */
function ifRangeMatches(ifRange: string, validators: FileValidators): boolean {
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith("W/")) return value === validators.etag;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return false;
  return Math.floor(date / 1000) === Math.floor(validators.lastModified.getTime() / 1000);
}

/**
 * `Content-Disposition: attachment` with both names (RFC 6266): `filename` in plain ASCII without
 * quotes, backslashes, control characters or path separators (for old clients), and `filename*`
 * with the real UTF-8 name percent-encoded (RFC 8187).
 */
export function contentDisposition(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() || "download";
  const ascii =
    base
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7E]|["\\/%;]/g, "_")
      .trim() || "download";
  const encoded = encodeURIComponent(base).replace(
    /['()*!]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
