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
 * Counts a check of an existing key against its own limit (any address). Unknown keys are counted
 * only per address: guessing keys is what the address limit is for.
 */
export async function keyLimit(record: LicenseRecord): Promise<number | null> {
  const outcome = await consumeRateLimit("license-key", record.id);
  return outcome.ok ? null : outcome.retryAfterSeconds;
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
