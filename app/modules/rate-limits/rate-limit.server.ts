import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "~/utils/env.server.ts";

/**
 * Fixed windows: `points` requests per `durationSeconds`, counted from a key's first request.
 * Every app server counts in the same table (model RateLimit), so the limits hold for the fleet.
 */
export const rateLimitPolicies = {
  /** Sign-in link requests from one address. */
  "sign-in-ip": { points: 10, durationSeconds: 15 * 60 },
  /** Sign-in links sent to one email address, whatever address asks. */
  "sign-in-email": { points: 5, durationSeconds: 60 * 60 },
  /** Checkouts started by one signed-in buyer. */
  checkout: { points: 20, durationSeconds: 10 * 60 },
  /** Changes to one subscriber's subscriptions and billing portal sessions (each a Stripe call). */
  "subscription-change": { points: 30, durationSeconds: 10 * 60 },
  /** Licence checks from one address (every licence API: verify, activate, validate, deactivate). */
  "license-api": { points: 60, durationSeconds: 60 },
  /** Licence checks of one key, from any address: a leaked key cannot be hammered. */
  "license-key": { points: 120, durationSeconds: 60 },
  /** Email change links one signed-in user asks for (each emails two addresses). */
  "email-change": { points: 5, durationSeconds: 60 * 60 },
  /** Data exports one signed-in user downloads (each reads every row the account has). */
  "data-export": { points: 5, durationSeconds: 60 * 60 },
  /** Devices one signed-in buyer frees from their licence keys in the library. */
  "license-deactivate": { points: 20, durationSeconds: 60 * 60 },
  /** Leaked texts one seller searches for buyer codes (each search reads the shop's entitlements). */
  "leak-trace": { points: 30, durationSeconds: 10 * 60 },
  /** "Report this listing" from one address or signed-in user (each lands in the admin queue). */
  "listing-report": { points: 5, durationSeconds: 60 * 60 },
  /** Reviews one signed-in user reports (each once; this caps sweeping through many). */
  "review-report": { points: 20, durationSeconds: 60 * 60 },
  /** A flood guard only: far above Stripe's own pace, and Stripe retries whatever is refused. */
  "stripe-webhook": { points: 600, durationSeconds: 60 },
} as const satisfies Record<string, { points: number; durationSeconds: number }>;

export type RateLimitPolicy = keyof typeof rateLimitPolicies;
export type RateLimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  consume(policy: RateLimitPolicy, key: string): Promise<RateLimitOutcome>;
  /**
   * Counts one request against several policies in ONE statement (the same rows, keys and window
   * rules as `consume`); refused when any is over, with the longest wait.
   */
  consumeAll(checks: [RateLimitPolicy, string][]): Promise<RateLimitOutcome>;
  /** Ends the pool; for tests and scripts, the app's own limiter lives as long as the process. */
  close(): Promise<void>;
}

/** Created by a Prisma migration, so the limiter never runs DDL (tableCreated: true). */
const TABLE = "RateLimit";

// Keys are stored hashed: the table holds no addresses or emails, and every key fits varchar(255).
const hashKey = (key: string) => createHash("sha256").update(key).digest("base64url");

/**
 * Limiters for every policy over one small pool of their own. rate-limiter-flexible names its
 * prepared statements; behind PGlite-socket all connections share one session, where a name
 * prepared from two connections fails. So the store client passes only text and values (unnamed
 * statements), on PostgreSQL too: one code path for both.
 */
export function createRateLimiter(databaseUrl: string): RateLimiter {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3, allowExitOnIdle: true });
  pool.on("error", (error) => console.error("Rate limits: an idle database connection failed", error));
  const storeClient = {
    query: (query: { text: string; values?: unknown[] }) =>
      pool.query({ text: query.text, values: query.values }),
  };
  const entries = Object.entries(rateLimitPolicies).map(([policy, { points, durationSeconds }], index) => {
    const limiter = new RateLimiterPostgres({
      storeClient,
      storeType: "pool",
      tableName: TABLE,
      tableCreated: true,
      keyPrefix: policy,
      points,
      duration: durationSeconds,
      // Each limiter would sweep the whole shared table every 5 minutes; one sweeper is enough.
      clearExpiredByTimeout: index === 0,
    });
    return [policy, limiter] as const;
  });
  const limiters = Object.fromEntries(entries) as Record<RateLimitPolicy, RateLimiterPostgres>;

  return {
    async consume(policy, key) {
      try {
        await limiters[policy].consume(hashKey(key));
        return { ok: true };
      } catch (rejection) {
        // The library rejects with a RateLimiterRes when over the limit, with an Error when the store fails.
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
    },
    async consumeAll(checks) {
      const now = Date.now();
      const values: unknown[] = [now];
      const rows = checks.map(([policy, key]) => {
        values.push(`${policy}:${hashKey(key)}`, now + rateLimitPolicies[policy].durationSeconds * 1000);
        return `($${values.length - 1}, 1, $${values.length}::bigint)`;
      });
      // rate-limiter-flexible's upsert (RateLimiterPostgres._upsert) for several rows at once: a window
      // that has passed starts again at 1, otherwise the count grows and the window stays.
      const result = await pool.query<{ key: string; points: number; expire: string }>({
        text: `INSERT INTO "${TABLE}" (key, points, expire) VALUES ${rows.join(", ")}
          ON CONFLICT (key) DO UPDATE SET
            points = CASE WHEN "${TABLE}".expire <= $1 THEN 1 ELSE "${TABLE}".points + 1 END,
            expire = CASE WHEN "${TABLE}".expire <= $1 THEN EXCLUDED.expire ELSE "${TABLE}".expire END
          RETURNING key, points, expire`,
        values,
      });
      let wait = 0;
      for (const row of result.rows) {
        const policy = row.key.slice(0, row.key.indexOf(":")) as RateLimitPolicy;
        if (row.points > rateLimitPolicies[policy].points) wait = Math.max(wait, Number(row.expire) - now);
      }
      return wait > 0 ? { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) } : { ok: true };
    },
    close: () => pool.end(),
  };
}

// One limiter per process, created on first use; kept on globalThis so dev-server reloads reuse its pool.
const globalForRateLimits = globalThis as unknown as { stapelRateLimiter?: RateLimiter };

/** Counts one request for `key` (an address, email or user id) against `policy`. */
export function consumeRateLimit(policy: RateLimitPolicy, key: string): Promise<RateLimitOutcome> {
  globalForRateLimits.stapelRateLimiter ??= createRateLimiter(env().DATABASE_URL);
  return globalForRateLimits.stapelRateLimiter.consume(policy, key);
}

/** Counts one request against several policies at once (one database round trip): the licence APIs. */
export function consumeRateLimits(checks: [RateLimitPolicy, string][]): Promise<RateLimitOutcome> {
  globalForRateLimits.stapelRateLimiter ??= createRateLimiter(env().DATABASE_URL);
  return globalForRateLimits.stapelRateLimiter.consumeAll(checks);
}
