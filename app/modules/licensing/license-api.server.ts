import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { keyState, LICENSE_RECORD_SQL, type LicenseRecord, productIdOf } from "./license-record.ts";
import { signLicenseToken } from "./license-tokens.server.ts";

/** What a licence endpoint answers: a status and a JSON body, with Retry-After when limited. */
export type ApiAnswer = { status: number; body: Record<string, unknown>; retryAfterSeconds?: number };

const MAX_KEY_LENGTH = 64;

/** The key with everything the APIs answer about it, in one query; null for an unknown key. */
export async function findLicense(key: string): Promise<LicenseRecord | null> {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return null;
  const rows = await prisma.$queryRawUnsafe<LicenseRecord[]>(LICENSE_RECORD_SQL, key);
  return rows[0] ?? null;
}

/**
 * Counts a check of a key (as typed, normalised) against its own limit, from any address. Started
 * together with the lookup, so a check costs one round trip more than the lookup, not two.
 */
export async function keyLimit(key: string): Promise<number | null> {
  const outcome = await consumeRateLimit("license-key", key);
  return outcome.ok ? null : outcome.retryAfterSeconds;
}

/** The key's record and its limit, asked at the same time. */
export async function findLicenseWithinLimit(
  key: string,
): Promise<{ record: LicenseRecord | null; retryAfterSeconds: number | null }> {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return { record: null, retryAfterSeconds: null };
  const [record, retryAfterSeconds] = await Promise.all([findLicense(key), keyLimit(key)]);
  return { record, retryAfterSeconds };
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
