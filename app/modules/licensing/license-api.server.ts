import { consumeRateLimit, consumeRateLimits } from "~/modules/rate-limits/rate-limit.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { keyState, LICENSE_RECORD_SQL, type LicenseRecord, productIdOf } from "./license-record.ts";
import { signLicenseToken } from "./license-tokens.server.ts";

/** What a licence endpoint answers: a status and a JSON body, with Retry-After when limited. */
export type ApiAnswer = { status: number; body: Record<string, unknown>; retryAfterSeconds?: number };

/**
 * Could this be a key Stapel issued (letters, digits and dashes, at most 64)? Anything else (a NUL
 * byte, markup, a megabyte) is not looked up: it is unknown by construction.
 */
export const couldBeKey = (key: string) => /^[A-Z0-9-]{1,64}$/.test(key);

/** Could this be an activation's id (a cuid)? Anything else is unknown without a query. */
export const couldBeId = (id: string) => /^[a-z0-9]{1,40}$/.test(id);

/** The key with everything the APIs answer about it, in one query; null for an unknown key. */
export async function findLicense(key: string): Promise<LicenseRecord | null> {
  if (!couldBeKey(key)) return null;
  const rows = await prisma.$queryRawUnsafe<LicenseRecord[]>(LICENSE_RECORD_SQL, key);
  return rows[0] ?? null;
}

/**
 * Counts the request against the address's limit only: for requests refused before any key is
 * looked up (unreadable body, bad fields). Returns the seconds to wait when over it.
 */
export async function countAddress(address: string): Promise<number | null> {
  const outcome = await consumeRateLimit("license-api", address);
  return outcome.ok ? null : outcome.retryAfterSeconds;
}

/**
 * The key's record, looked up while the request is counted against the address's limit and the
 * key's own (both in one statement): a check costs two round trips in parallel, not three in a row.
 */
export async function findLicenseWithinLimit<Found extends LicenseRecord = LicenseRecord>(
  key: string,
  address: string,
  lookup: (key: string) => Promise<Found | null> = findLicense as (key: string) => Promise<Found | null>,
): Promise<{ record: Found | null; retryAfterSeconds: number | null }> {
  const [record, outcome] = await Promise.all([
    lookup(key),
    consumeRateLimits([
      ["license-api", address],
      ["license-key", key],
    ]),
  ]);
  return { record, retryAfterSeconds: outcome.ok ? null : outcome.retryAfterSeconds };
}

/** A signed token for the key as it is now (see license-tokens.server.ts). */
export function tokenFor(record: LicenseRecord, instanceId: string | null): string {
  return signLicenseToken(record.shopId, {
    sub: record.id,
    shop: record.shopHandle,
    product_id: productIdOf(record),
    status: keyState(record),
    instance_id: instanceId,
    key_expires_at: record.expiresAt ? record.expiresAt.toISOString() : null,
  });
}
