import { randomInt } from "node:crypto";
import { z } from "zod";
import { prisma } from "~/utils/db.server.ts";

// No 0/O/1/I: keys get read aloud and typed from screenshots.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function generateLicenseKey(): string {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `STPL-${group()}-${group()}-${group()}-${group()}`;
}

export const LicenseKeyInput = z.object({
  key: z
    .string({ error: "key is required" })
    .trim()
    .toUpperCase()
    .regex(/^STPL(-[A-Z0-9]{5}){4}$/, "key must look like STPL-XXXXX-XXXXX-XXXXX-XXXXX"),
});

export type LicenseCheck =
  | { valid: true; listing: { slug: string; title: string }; activations: number; maxActivations: number }
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
  if (!license) return { valid: false, reason: "not_found" };
  if (license.status !== "ACTIVE" || license.entitlement.status !== "ACTIVE")
    return { valid: false, reason: "revoked" };
  return {
    valid: true,
    listing: license.listing,
    activations: license._count.activations,
    maxActivations: license.maxActivations,
  };
}
