import { randomInt } from "node:crypto";
import { z } from "zod";
import { prisma, type Tx } from "~/utils/db.server.ts";

// No 0/O/1/I: keys get read aloud and typed from screenshots.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** The prefix of keys that no shop prefix applies to (and of every key issued before shops had one). */
export const DEFAULT_LICENSE_KEY_PREFIX = "STPL";

/**
 * A shop's key prefix, from its handle: the first six letters and digits, upper-cased; handles with
 * fewer than two get STPL. The same rule as the migration that gave existing shops theirs.
 */
export function licenseKeyPrefixFor(handle: string): string {
  const letters = handle.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return letters.length >= 2 ? letters.slice(0, 6) : DEFAULT_LICENSE_KEY_PREFIX;
}

/** A new key starting with the shop's prefix (`Shop.licenseKeyPrefix`). */
export function generateLicenseKey(prefix = DEFAULT_LICENSE_KEY_PREFIX): string {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${prefix}-${group()}-${group()}-${group()}-${group()}`;
}

export const LicenseKeyInput = z.object({
  key: z
    .string({ error: "key is required" })
    .trim()
    .toUpperCase()
    .regex(
      /^[A-Z0-9]{2,6}(-[A-Z0-9]{5}){4}$/,
      "key must look like STPL-XXXXX-XXXXX-XXXXX-XXXXX (the shop's prefix, then four groups of five)",
    ),
});

export type LicenseCheck =
  | {
      valid: true;
      listing: { slug: string; title: string };
      activations: number;
      /** null: the tier bought allows any number of activations. */
      maxActivations: number | null;
    }
  | { valid: false; reason: "not_found" | "revoked" };

/** The public answer to "is this licence key good?": valid only while its entitlement is active. */
export async function checkLicenseKey(key: string): Promise<LicenseCheck> {
  const license = await prisma.licenseKey.findUnique({
    where: { key },
    select: {
      status: true,
      maxActivations: true,
      entitlement: { select: { status: true } },
      listing: { select: { slug: true, title: true } },
      _count: { select: { activations: true } },
    },
  });
  if (!license?.listing) return { valid: false, reason: "not_found" };
  if (license.status !== "ACTIVE" || license.entitlement?.status !== "ACTIVE")
    return { valid: false, reason: "revoked" };
  return {
    valid: true,
    listing: license.listing,
    activations: license._count.activations,
    maxActivations: license.maxActivations === NO_ACTIVATION_LIMIT ? null : license.maxActivations,
  };
}

/**
 * `LicenseKey.maxActivations` for a tier without a limit (`LicenseTier.activationLimit` null). The
 * column is not nullable and defaults to 3 (keys granted without a tier: gifts, subscriptions).
 */
export const NO_ACTIVATION_LIMIT = 0;

/**
 * Activations a plan key allows. Plans have no tiers, so there is no seller setting to read: the
 * column's default, the same as a purchase without a tier.
 */
export const PLAN_KEY_ACTIVATION_LIMIT = 3;

/**
 * Gives the licence keys of an order's items the activation limit of the tier each item bought.
 * Runs in the fulfilment transaction right after the grants issued the keys; keys of items bought
 * without a tier keep the default.
 */
export async function applyTierActivationLimits(
  tx: Tx,
  items: { id: string; licenseTierId: string | null }[],
): Promise<void> {
  const tiered = items.filter((item) => item.licenseTierId !== null);
  if (tiered.length === 0) return;
  const tiers = await tx.licenseTier.findMany({
    where: { id: { in: tiered.map((item) => item.licenseTierId as string) } },
    select: { id: true, activationLimit: true },
  });
  const limitOf = new Map(tiers.map((tier) => [tier.id, tier.activationLimit ?? NO_ACTIVATION_LIMIT]));
  for (const item of tiered) {
    const limit = limitOf.get(item.licenseTierId as string);
    if (limit === undefined) continue;
    await tx.licenseKey.updateMany({
      where: { entitlement: { orderItemId: item.id, source: "ORDER_ITEM" } },
      data: { maxActivations: limit },
    });
  }
}
