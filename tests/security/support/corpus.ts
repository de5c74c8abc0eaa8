// The bad-input corpus's vocabulary: a case is one hostile request and what it may change; cases
// are grouped by surface (one form field, query parameter or path segment). corpus-run.ts runs
// every surface (bad-input*.test.ts, one shard each); each area adds its own in tests/security/corpus/<area>.ts.
import type { StateProbe } from "./db-state.ts";
import { FORM, type Reply } from "./http.ts";
import { type Payload, percentEncode } from "./payloads.ts";
import type { Principal, World } from "./world.ts";

export type Request = {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
};

export type Case = {
  name: string;
  principal: Principal;
  request: (world: World) => Request;
  /** The value that must not come back as markup (when it contains "<"). */
  payload?: Payload;
  /**
   * Rows the valid rest of the request may add (table → rows), e.g. a sign-in link for a valid
   * email whose redirectTo is hostile. Either nothing changes or exactly this.
   */
  mayAdd?: Record<string, number>;
  /** A further check once the answer is in (`state` reads the test database). */
  check?: (reply: Reply, world: World, state: StateProbe) => Promise<string | null> | string | null;
};

export const surfaces = new Map<string, Case[]>();
export const add = (surface: string, cases: Case[]) =>
  surfaces.set(surface, [...(surfaces.get(surface) ?? []), ...cases]);

export const post = (
  path: string,
  body: string | Buffer,
  contentType = FORM,
  headers: Record<string, string> = {},
) => ({ method: "POST", path, body, headers: { "Content-Type": contentType, ...headers } }) as Request;
export const formField = (pairs: [string, string][], payload: Payload, field: string) =>
  [
    ...pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`),
    `${field}=${percentEncode(payload)}`,
  ].join("&");

export const get = (path: string, headers: Record<string, string> = {}): Request => ({
  method: "GET",
  path,
  headers,
});

/** A path segment: the payload percent-encoded (a blank one as a space, so the segment exists). */
export const segment = (payload: Payload) => percentEncode(payload) || "%20";

export const EMAIL = "corpus-visitor@example.com";

/**
 * POST endpoints that get the wrong-content-type cases (JSON, text/plain, broken multipart, gzip).
 * `fields` should be valid: a lenient parser would act on them, and the state check would notice.
 */
export const contentTypeEndpoints: {
  path: string;
  /** The real path when `path` names a parameter. */
  at?: (world: World) => string;
  principal: Principal;
  fields: (world: World) => Record<string, string>;
}[] = [];
