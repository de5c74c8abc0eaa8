import { prisma } from "~/utils/db.server.ts";

/**
 * The licence key a library item carries, for its owner. Call only after `getLibraryItem` (the
 * entitlement check) returned the item. JSON-safe: the page sends it as loader data.
 */
export async function libraryLicenseKey(userId: string, entitlementId: string) {
  const license = await prisma.licenseKey.findFirst({
    where: { entitlementId, userId },
    select: { key: true, status: true },
  });
  return license;
}

export type LibraryLicenseKey = NonNullable<Awaited<ReturnType<typeof libraryLicenseKey>>>;
