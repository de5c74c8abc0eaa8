import { prisma } from "~/utils/db.server.ts";
import { NO_ACTIVATION_LIMIT } from "./license-keys.server.ts";

/**
 * The licence keys a library item shows its owner: the key that came with the purchase (or gift,
 * or claim) and, for an item granted by a plan, the plan's key (one per subscription). Each with
 * its activations, so the buyer can free a device. Call only after `getLibraryItem` (the
 * entitlement check) returned the item; keys are still filtered by the owner. JSON-safe.
 */
export async function libraryLicenseKey(userId: string, entitlementId: string) {
  const entitlement = await prisma.entitlement.findFirst({
    where: { id: entitlementId, userId },
    select: { subscriptionId: true },
  });
  if (!entitlement) return [];
  const keys = await prisma.licenseKey.findMany({
    where: {
      userId,
      OR: [
        { entitlementId },
        ...(entitlement.subscriptionId ? [{ subscriptionId: entitlement.subscriptionId }] : []),
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      key: true,
      status: true,
      maxActivations: true,
      subscriptionId: true,
      plan: { select: { name: true } },
      activations: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, instanceName: true, createdAt: true },
      },
    },
  });
  return keys.map(({ maxActivations, subscriptionId, plan, ...key }) => ({
    ...key,
    /** The plan whose subscription the key follows; null for a purchase key. */
    planName: subscriptionId ? (plan?.name ?? "plan") : null,
    /** null: any number of activations. */
    activationLimit: maxActivations === NO_ACTIVATION_LIMIT ? null : maxActivations,
  }));
}

export type LibraryLicenseKey = Awaited<ReturnType<typeof libraryLicenseKey>>[number];

export type FreeDeviceOutcome =
  | { ok: true; instanceName: string; entitlementId: string | null }
  | { ok: false; message: string };

/**
 * The buyer frees a device: deletes one activation of one of their own keys, so the key can be
 * activated elsewhere. Another buyer's key or activation answers like a missing one.
 */
export async function freeLicenseDevice(
  userId: string,
  keyId: string,
  activationId: string,
): Promise<FreeDeviceOutcome> {
  const activation = await prisma.licenseActivation.findFirst({
    where: { id: activationId, licenseKeyId: keyId, licenseKey: { userId } },
    select: { instanceName: true, licenseKey: { select: { entitlementId: true } } },
  });
  const removed = activation
    ? await prisma.licenseActivation.deleteMany({
        where: { id: activationId, licenseKeyId: keyId, licenseKey: { userId } },
      })
    : { count: 0 };
  if (!activation || removed.count === 0)
    return { ok: false, message: "This device is not activated with your key (it may be freed already)." };
  return {
    ok: true,
    instanceName: activation.instanceName,
    entitlementId: activation.licenseKey.entitlementId,
  };
}
