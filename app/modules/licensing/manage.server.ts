import type { Prisma } from "~/generated/prisma/client.ts";
import type { LicenseKeyStatus } from "~/generated/prisma/enums.ts";
import { decideSubscriptionAccess } from "~/modules/delivery/subscription-access.ts";
import { prisma, type Tx } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { generateLicenseKey, NO_ACTIVATION_LIMIT } from "./license-keys.server.ts";
import { LICENSE_STATUS_FILTERS, type LicensesQuery } from "./manage-forms.ts";

/**
 * The seller's side of licence keys: list and search the shop's keys, and disable, enable, rotate,
 * reset uses and remove activations. Every function takes the seller's shop id and treats another
 * shop's key exactly like a missing one.
 */

export const LICENSES_PAGE_SIZE = 25;

/**
 * What a key's status is when nobody switched it off: what access says now. A purchase key
 * (entitlement) is ACTIVE while its entitlement is, else REVOKED (refund, dispute). A plan key
 * (subscription) is ACTIVE while the subscription grants access, else EXPIRED. Enabling a disabled
 * key sets this; the licence API may use it too.
 */
export async function accessStatusFor(
  db: Tx,
  key: { entitlementId: string | null; subscriptionId: string | null },
  now = new Date(),
): Promise<Exclude<LicenseKeyStatus, "DISABLED">> {
  if (key.entitlementId) {
    const entitlement = await db.entitlement.findUnique({
      where: { id: key.entitlementId },
      select: { status: true },
    });
    return entitlement?.status === "ACTIVE" ? "ACTIVE" : "REVOKED";
  }
  if (key.subscriptionId) {
    const subscription = await db.subscription.findUnique({
      where: { id: key.subscriptionId },
      select: {
        status: true,
        pastDueSince: true,
        cancelAtPeriodEnd: true,
        currentPeriodEnd: true,
        trialEnd: true,
      },
    });
    if (!subscription) return "EXPIRED";
    return decideSubscriptionAccess(subscription, now, env().SUBSCRIPTION_GRACE_DAYS).grants
      ? "ACTIVE"
      : "EXPIRED";
  }
  return "REVOKED";
}

// ─── Listing ────────────────────────────────────────────────────────────────

function licensesWhere(shopId: string, query: LicensesQuery): Prisma.LicenseKeyWhereInput {
  const search = query.q;
  return {
    shopId,
    ...(query.status && { status: LICENSE_STATUS_FILTERS[query.status] }),
    ...(search && {
      OR: [
        // Keys are upper case; a whole key and its first groups both match.
        { key: { startsWith: search.toUpperCase() } },
        { user: { email: { contains: search, mode: "insensitive" } } },
        { listing: { title: { contains: search, mode: "insensitive" } } },
        { plan: { name: { contains: search, mode: "insensitive" } } },
      ],
    }),
  };
}

/** One page of the shop's licence keys, newest first, with what each is for and who holds it. */
export async function listShopLicenseKeys(shopId: string, query: LicensesQuery = {}) {
  const where = licensesWhere(shopId, query);
  const page = query.page ?? 1;
  const [keys, total] = await Promise.all([
    prisma.licenseKey.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * LICENSES_PAGE_SIZE,
      take: LICENSES_PAGE_SIZE,
      select: {
        id: true,
        key: true,
        status: true,
        uses: true,
        maxActivations: true,
        createdAt: true,
        user: { select: { email: true } },
        listing: { select: { title: true } },
        plan: { select: { name: true } },
        _count: { select: { activations: true } },
      },
    }),
    prisma.licenseKey.count({ where }),
  ]);
  return {
    keys: keys.map(({ user, listing, plan, _count, maxActivations, ...key }) => ({
      ...key,
      email: user.email,
      product: listing?.title ?? (plan ? `${plan.name} (plan)` : "–"),
      activations: _count.activations,
      activationLimit: maxActivations === NO_ACTIVATION_LIMIT ? null : maxActivations,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / LICENSES_PAGE_SIZE)),
  };
}

export type ShopLicenseKey = NonNullable<Awaited<ReturnType<typeof getShopLicenseKey>>>;

/** One key of the shop as its page shows it; null for another shop's key or a missing one. */
export async function getShopLicenseKey(shopId: string, keyId: string) {
  const key = await prisma.licenseKey.findFirst({
    where: { id: keyId, shopId },
    select: {
      id: true,
      key: true,
      status: true,
      uses: true,
      maxActivations: true,
      createdAt: true,
      rotatedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true } },
      listing: { select: { id: true, title: true } },
      plan: { select: { id: true, name: true } },
      entitlement: { select: { source: true, orderItem: { select: { orderId: true } } } },
      activations: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, instanceName: true, createdAt: true },
      },
    },
  });
  if (!key) return null;
  const { maxActivations, entitlement, ...rest } = key;
  return {
    ...rest,
    activationLimit: maxActivations === NO_ACTIVATION_LIMIT ? null : maxActivations,
    orderId: entitlement?.orderItem?.orderId ?? null,
    source: entitlement?.source ?? (key.plan ? "PLAN" : null),
  };
}

// ─── Actions ────────────────────────────────────────────────────────────────

export type KeyRefusal = "not-found" | "revoked";
export type KeyActionOutcome =
  | { ok: true; message: string; status?: LicenseKeyStatus; key?: string }
  | { ok: false; refusal: KeyRefusal; message: string };

const NOT_FOUND = { ok: false, refusal: "not-found", message: "Your shop has no such licence key." } as const;
const REVOKED = {
  ok: false,
  refusal: "revoked",
  message: "This key was revoked by a refund or dispute.",
} as const;

/** After a conditional update changed nothing: the key is missing (or not this shop's), or in `status`. */
async function currentStatus(shopId: string, keyId: string) {
  const key = await prisma.licenseKey.findFirst({ where: { id: keyId, shopId }, select: { status: true } });
  return key?.status ?? null;
}

/** ACTIVE or EXPIRED → DISABLED: the key stops verifying and activating. Twice is once. */
export async function disableLicenseKey(shopId: string, keyId: string): Promise<KeyActionOutcome> {
  const changed = await prisma.licenseKey.updateMany({
    where: { id: keyId, shopId, status: { in: ["ACTIVE", "EXPIRED"] } },
    data: { status: "DISABLED" },
  });
  if (changed.count === 1)
    return {
      ok: true,
      status: "DISABLED",
      message: "Key disabled: it no longer verifies or activates until you enable it.",
    };
  const status = await currentStatus(shopId, keyId);
  if (status === null) return NOT_FOUND;
  if (status === "REVOKED") return REVOKED;
  return { ok: true, status, message: "This key was already disabled." };
}

/**
 * DISABLED → what access says now (`accessStatusFor`). The update only applies to a key that is
 * still disabled, so a refund that revoked it meanwhile wins. Enabling an enabled key changes nothing.
 */
export async function enableLicenseKey(
  shopId: string,
  keyId: string,
  now = new Date(),
): Promise<KeyActionOutcome> {
  const key = await prisma.licenseKey.findFirst({
    where: { id: keyId, shopId },
    select: { status: true, entitlementId: true, subscriptionId: true },
  });
  if (!key) return NOT_FOUND;
  if (key.status === "REVOKED") return REVOKED;
  if (key.status !== "DISABLED")
    return { ok: true, status: key.status, message: "This key is already enabled." };
  const status = await accessStatusFor(prisma, key, now);
  const changed = await prisma.licenseKey.updateMany({
    where: { id: keyId, shopId, status: "DISABLED" },
    data: { status },
  });
  if (changed.count === 0) {
    const after = await currentStatus(shopId, keyId);
    if (after === null) return NOT_FOUND;
    if (after === "REVOKED") return REVOKED;
    return { ok: true, status: after, message: "This key is already enabled." };
  }
  const message = {
    ACTIVE: "Key enabled: it verifies and activates again.",
    EXPIRED: "Key enabled. It stays expired while the buyer's plan grants no access.",
    REVOKED: "The purchase was refunded or disputed, so the key is revoked rather than active.",
  }[status];
  return { ok: true, status, message };
}

/**
 * A new key string for the same key: uses and activations stay, the old string stops verifying at
 * once (it is unknown from now on). A revoked key is not rotated.
 */
export async function rotateLicenseKey(shopId: string, keyId: string): Promise<KeyActionOutcome> {
  const shop = await prisma.shop.findUnique({ where: { id: shopId }, select: { licenseKeyPrefix: true } });
  if (!shop) return NOT_FOUND;
  for (let attempt = 0; ; attempt++) {
    const key = generateLicenseKey(shop.licenseKeyPrefix);
    try {
      const changed = await prisma.licenseKey.updateMany({
        where: { id: keyId, shopId, status: { not: "REVOKED" } },
        data: { key, rotatedAt: new Date() },
      });
      if (changed.count === 1)
        return {
          ok: true,
          key,
          message: `Key rotated. The new key is ${key}; the old one no longer works. Send the new key to the buyer.`,
        };
      const status = await currentStatus(shopId, keyId);
      return status === "REVOKED" ? REVOKED : NOT_FOUND;
    } catch (error) {
      // 20 random characters colliding with an existing key: draw again.
      const unique = (error as { code?: string }).code === "P2002";
      if (!unique || attempt >= 3) throw error;
    }
  }
}

/** Uses (counted verify calls) back to 0. */
export async function resetLicenseKeyUses(shopId: string, keyId: string): Promise<KeyActionOutcome> {
  const changed = await prisma.licenseKey.updateMany({ where: { id: keyId, shopId }, data: { uses: 0 } });
  if (changed.count === 0) return NOT_FOUND;
  return { ok: true, message: "Uses reset to 0." };
}

/** Removes one activation of the shop's key: that device must activate again. */
export async function removeKeyActivation(
  shopId: string,
  keyId: string,
  activationId: string,
): Promise<KeyActionOutcome> {
  const removed = await prisma.licenseActivation.deleteMany({
    where: { id: activationId, licenseKeyId: keyId, licenseKey: { shopId } },
  });
  if (removed.count === 0)
    return { ok: false, refusal: "not-found", message: "This key has no such activation." };
  return { ok: true, message: "Activation removed: that device has to activate the key again." };
}
