import { createHash } from "node:crypto";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { SESSION_COOKIE_NAME } from "../../app/utils/session-cookie.ts";
import {
  addVaryAcceptEncoding,
  chooseEncoding,
  compressible,
  type GzipParts,
  gzipParts,
  gzipWithNonce,
} from "./html-compression.ts";

/**
 * Public pages for anonymous visitors, the HTTP layer's side (ADR 29):
 * - `publicCachePolicy` is the one decision about Cache-Control: a page is public only when its
 *   route opted in and nobody is signed in; then it varies on Cookie and Accept-Language.
 * - `PageCache` keeps whole answers of such pages in memory (an LRU bounded by bytes, with a TTL as
 *   a safety net), keyed by URL and what chooses language and currency, and is emptied whenever the database says
 *   that a listing, price, review, shop or plan changed (page-cache-invalidation.ts).
 * - Every public answer gets an ETag over its bytes, so `If-None-Match` gets a 304.
 *
 * The CSP nonce differs per response: cached bodies are kept with the nonce cut out and each hit
 * gets the nonce of its own response, so neither the ETag nor the cache depends on it. A text body
 * is also kept deflated, part by part, so a hit that accepts gzip is sent compressed with its nonce
 * put in between (html-compression.ts, ADR 37); the weak ETag is the same for both encodings.
 */

/** Cookies that only choose the language or currency (they are part of the key). */
const VIEWER_COOKIES = new Set(["lang", "currency"]);

export type CacheVerdict = "public" | "private";

/**
 * Decides Cache-Control for every Remix response (the only place that does). Private unless the
 * route opted into public caching; always private for a signed-in visitor, except immutable public
 * bytes (image variants: content-addressed, the same for everyone).
 */
export function publicCachePolicy(req: ExpressRequest, headers: Headers): CacheVerdict {
  const cache = headers.get("Cache-Control");
  const sharedBytes = cache?.startsWith("public") === true && cache.includes("immutable");
  if (sharedBytes) return "public";
  if (cache && !cache.startsWith("public")) return "private";
  // A response that sets a cookie belongs to one visitor: no shared cache may keep it.
  if (!cache || isSignedIn(req) || headers.has("Set-Cookie")) {
    headers.set("Cache-Control", "private, no-store");
    return "private";
  }
  const vary = new Set(
    (headers.get("Vary") ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean),
  );
  vary.add("Cookie");
  vary.add("Accept-Language");
  headers.set("Vary", [...vary].join(", "));
  return "public";
}

export function isSignedIn(req: ExpressRequest): boolean {
  return req.get("cookie")?.includes(`${SESSION_COOKIE_NAME}=`) ?? false;
}

/** Whether a response body may be buffered for an ETag (and a cache entry). */
export function etaggable(req: ExpressRequest, status: number, headers: Headers): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (status !== 200) return false;
  const cache = headers.get("Cache-Control") ?? "";
  if (!cache.startsWith("public") || cache.includes("immutable")) return false;
  if (headers.has("ETag")) return false;
  const type = headers.get("Content-Type") ?? "";
  return !type.includes("event-stream");
}

/** A body kept with every occurrence of the response's nonce cut out. */
export type StoredBody = { parts: Buffer[]; length: number };

export function cutNonce(body: Buffer, nonce: string | undefined): StoredBody {
  if (!nonce) return { parts: [body], length: body.length };
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return { parts, length: body.length };
}

/**
 * Writes a kept body with `nonce` put back into each of its holes, corked so that the parts leave in
 * one write: no copy of the page is made per hit. Content-Length is set here.
 */
export function sendWithNonce(
  res: ExpressResponse,
  stored: StoredBody,
  nonce: string | undefined,
  head: boolean,
) {
  const holes = stored.parts.length - 1;
  const needle = holes > 0 ? Buffer.from(nonce ?? "") : null;
  let length = 0;
  for (const part of stored.parts) length += part.length;
  if (needle) length += holes * needle.length;
  res.setHeader("Content-Length", length);
  if (head) {
    res.end();
    return;
  }
  if (!needle) {
    res.end(stored.parts[0]);
    return;
  }
  res.cork();
  stored.parts.forEach((part, index) => {
    if (index > 0) res.write(needle);
    if (part.length > 0) res.write(part);
  });
  res.end();
}

/** Writes a kept body as one gzip member with `nonce` in its holes (Content-Length and -Encoding set). */
export function sendGzipWithNonce(
  res: ExpressResponse,
  gz: GzipParts,
  nonce: string | undefined,
  head: boolean,
) {
  const { chunks, length } = gzipWithNonce(gz, nonce);
  res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", length);
  if (head) {
    res.end();
    return;
  }
  res.cork();
  for (const chunk of chunks) if (chunk.length > 0) res.write(chunk);
  res.end();
}

/** A weak ETag (the bytes but for the nonce): equal pages answer 304 whatever their nonce. */
export function etagOf(stored: StoredBody): string {
  const hash = createHash("sha1");
  stored.parts.forEach((part, index) => {
    if (index > 0) hash.update("\u0000nonce\u0000");
    hash.update(part);
  });
  return `W/"${hash.digest("base64url").slice(0, 27)}"`;
}

export function matchesIfNoneMatch(req: ExpressRequest, etag: string): boolean {
  const header = req.get("if-none-match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === bare);
}

type Entry = {
  key: string;
  status: number;
  headers: [string, string][];
  body: StoredBody;
  /** The body deflated part by part, once it is ready (null: not compressible, or not yet). */
  gzip: GzipParts | null;
  etag: string;
  size: number;
  expiresAt: number;
};

export type PageCacheStats = {
  hits: number;
  misses: number;
  stores: number;
  clears: number;
  bytes: number;
  entries: number;
};

export type PageCacheOptions = {
  /** Bound on the kept bodies and headers, in bytes (default 64 MiB). */
  maxBytes?: number;
  /** Safety net for changes no trigger reports (default 60 s). */
  ttlMs?: number;
  /** Bodies larger than this are never kept (default 2 MiB). */
  maxEntryBytes?: number;
  now?: () => number;
};

/** Headers that belong to one response, never to a cached copy. */
const PER_RESPONSE = new Set([
  "set-cookie",
  "content-length",
  "x-request-id",
  "content-security-policy",
  "date",
  "connection",
]);

export class PageCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private enabled = true;
  /** Bumped by every clear: an answer rendered before a change must not be stored after it. */
  private generation = 0;
  readonly stats = { hits: 0, misses: 0, stores: 0, clears: 0 };
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  private readonly maxEntryBytes: number;
  private readonly now: () => number;

  constructor(options: PageCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntryBytes = options.maxEntryBytes ?? 2 * 1024 * 1024;
    this.now = options.now ?? Date.now;
  }

  /**
   * The key for an anonymous GET/HEAD, or null when this request must not use the cache: someone
   * signed in, or any cookie other than the language and currency choices (a flash message, a
   * cookie the page might read), or the cache is off until invalidation is listening again. A page
   * depends on its URL, those two cookies and Accept-Language (the app's viewer rules), so those
   * are the key, as sent: no rule of the app is repeated here.
   */
  keyFor(req: ExpressRequest): string | null {
    if (!this.enabled) return null;
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    const viewerCookies: string[] = [];
    const cookie = req.get("cookie");
    if (cookie) {
      for (const part of cookie.split(";")) {
        const name = part.slice(0, part.indexOf("=")).trim();
        if (!name) continue;
        if (!VIEWER_COOKIES.has(name)) return null;
        viewerCookies.push(part.trim());
      }
    }
    const languages = req.get("accept-language") ?? "";
    if (languages.length > 200) return null;
    return `${req.protocol}://${req.get("host")}${req.originalUrl}\n${viewerCookies.sort().join(";")}\n${languages}`;
  }

  /** Answers from the cache; false when there is no fresh entry. */
  serve(req: ExpressRequest, res: ExpressResponse, key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= this.now()) {
      if (entry) this.remove(entry);
      this.stats.misses++;
      return false;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.stats.hits++;
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader("X-Cache", "hit");
    if (matchesIfNoneMatch(req, entry.etag)) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.statusCode = entry.status;
    const nonce = res.locals.nonce as string | undefined;
    if (entry.gzip && chooseEncoding(req, false))
      sendGzipWithNonce(res, entry.gzip, nonce, req.method === "HEAD");
    else sendWithNonce(res, entry.body, nonce, req.method === "HEAD");
    return true;
  }

  /** A token to hand to `store`: the answer is kept only if nothing changed while it was made. */
  ticket(): number {
    return this.generation;
  }

  store(
    key: string,
    ticket: number,
    status: number,
    headers: Headers,
    body: StoredBody,
    etag: string,
    gzip: Promise<GzipParts | null> | null = null,
  ) {
    if (!this.enabled || ticket !== this.generation) return;
    if (headers.has("Set-Cookie") || body.length > this.maxEntryBytes) return;
    const kept: [string, string][] = [];
    let size = body.length + key.length;
    for (const [name, value] of headers) {
      if (PER_RESPONSE.has(name)) continue;
      kept.push([name, value]);
      size += name.length + value.length;
    }
    const previous = this.entries.get(key);
    if (previous) this.remove(previous);
    const entry: Entry = {
      key,
      status,
      headers: kept,
      body,
      gzip: null,
      etag,
      size,
      expiresAt: this.now() + this.ttlMs,
    };
    this.entries.set(key, entry);
    // The compressed copy joins the entry when ready (hits before then are sent raw) and counts
    // towards the bound only while the entry is still kept.
    gzip
      ?.then((parts) => {
        if (!parts || this.entries.get(key) !== entry) return;
        entry.gzip = parts;
        const extra = parts.deflated.reduce((sum, part) => sum + part.length, 0);
        entry.size += extra;
        this.bytes += extra;
      })
      .catch(() => {});
    this.bytes += size;
    this.stats.stores++;
    for (const oldest of this.entries.values()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  /** Forgets every page: something any of them may show changed. */
  clear() {
    this.generation++;
    this.stats.clears++;
    this.entries.clear();
    this.bytes = 0;
  }

  /** Off while invalidations may be missed (the listening connection is down); on empties it. */
  setEnabled(enabled: boolean) {
    this.clear();
    this.enabled = enabled;
  }

  snapshot(): PageCacheStats {
    return { ...this.stats, bytes: this.bytes, entries: this.entries.size };
  }

  private remove(entry: Entry) {
    if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
    this.bytes -= entry.size;
  }
}

/**
 * The page cache's two hooks in the HTTP layer: `lookup` before Remix (a hit is answered and ends
 * the request), `publicAnswer` after it (ETag, 304, and keeping the answer). `cache` null: ETags
 * and 304s only (PAGE_CACHE=off).
 */
export function publicAnswers(cache: PageCache | null) {
  return {
    lookup(req: ExpressRequest, res: ExpressResponse): boolean {
      if (!cache || isSignedIn(req)) return false;
      const key = cache.keyFor(req);
      if (!key) return false;
      if (cache.serve(req, res, key)) return true;
      res.locals.pageCacheSlot = { key, ticket: cache.ticket() };
      return false;
    },
    publicAnswer: {
      wants: etaggable,
      async finish(
        req: ExpressRequest,
        res: ExpressResponse,
        status: number,
        headers: Headers,
        body: Buffer,
      ) {
        const nonce = res.locals.nonce as string | undefined;
        const stored = cutNonce(body, nonce);
        const etag = etagOf(stored);
        headers.set("ETag", etag);
        const zippable = compressible(req, status, headers);
        if (zippable) addVaryAcceptEncoding(headers);
        const notModified = matchesIfNoneMatch(req, etag);
        const encoding = zippable && !notModified ? chooseEncoding(req, false) : null;
        const slot = res.locals.pageCacheSlot as { key: string; ticket: number } | undefined;
        const keep = cache !== null && slot !== undefined && req.method === "GET";
        const gz = zippable && (keep || encoding) ? gzipParts(stored) : null;
        if (keep) {
          if (!headers.has("Set-Cookie")) headers.set("X-Cache", "miss");
          cache.store(slot.key, slot.ticket, status, headers, stored, etag, gz);
        }
        if (notModified) return { status: 304, body: null };
        const parts = encoding ? await gz : null;
        if (!parts) return { status, body };
        headers.set("Content-Encoding", "gzip");
        return { status, body: Buffer.concat(gzipWithNonce(parts, nonce).chunks) };
      },
    },
  };
}
