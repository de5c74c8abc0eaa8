/**
 * One licence key with everything the public licence APIs answer about it, read in ONE query (the
 * key, its shop and owner, and the purchase, gift, claim or plan subscription behind it), and the
 * pure functions that shape it. No server imports: the bench's bare node:http baseline
 * (bench/licensing-server.ts) runs the same query and the same shaping, so the comparison measures
 * only what Stapel adds (Remix, rate limits, Prisma).
 */

export const LICENSE_RECORD_SQL = `SELECT
  k.id, k.key, k.status::text AS status, k."maxActivations", k.uses, k."expiresAt", k."createdAt",
  k."listingId", k."planId", k."subscriptionId", k."entitlementId", k."shopId",
  (SELECT count(*)::int FROM "LicenseActivation" a WHERE a."licenseKeyId" = k.id) AS activations,
  s.handle AS "shopHandle",
  u.id AS "userId", u.email AS "userEmail", u.name AS "userName",
  l.slug AS "listingSlug", l.title AS "listingTitle", l.currency AS "listingCurrency",
  e.status::text AS "entitlementStatus", e.source::text AS "entitlementSource", e."createdAt" AS "entitlementCreatedAt",
  oi.id AS "orderItemId", oi."unitAmount" AS "itemUnitAmount", oi.quantity AS "itemQuantity",
  oi.currency AS "itemCurrency", oi."tierName", oi."licenseTierId",
  o.id AS "orderId", o.email AS "orderEmail", o.status::text AS "orderStatus", o."paidAt" AS "orderPaidAt",
  o."createdAt" AS "orderCreatedAt",
  p.name AS "planName",
  sub."endedAt" AS "subscriptionEndedAt", sub."canceledAt" AS "subscriptionCanceledAt",
  sub."pastDueSince" AS "subscriptionPastDueSince", sub."createdAt" AS "subscriptionCreatedAt",
  pp.id AS "planPriceId", pp.amount AS "planPriceAmount", pp.currency AS "planPriceCurrency",
  pp.interval::text AS "planPriceInterval"
FROM "LicenseKey" k
JOIN "Shop" s ON s.id = k."shopId"
JOIN "User" u ON u.id = k."userId"
LEFT JOIN "Listing" l ON l.id = k."listingId"
LEFT JOIN "Entitlement" e ON e.id = k."entitlementId"
LEFT JOIN "OrderItem" oi ON oi.id = e."orderItemId"
LEFT JOIN "Order" o ON o.id = oi."orderId"
LEFT JOIN "Plan" p ON p.id = k."planId"
LEFT JOIN "Subscription" sub ON sub.id = k."subscriptionId"
LEFT JOIN "PlanPrice" pp ON pp.id = sub."planPriceId"
WHERE k.key = $1`;

/** Gumroad's answer for an unknown key or another product (its `Api::V2::LicensesController`). */
export const GUMROAD_NOT_FOUND = "That license does not exist for the provided product.";

/** Gumroad's `uses` counter: one statement, so concurrent verifies never lose a count. */
export const INCREMENT_USES_SQL = `UPDATE "LicenseKey" SET uses = uses + 1 WHERE id = $1 RETURNING uses`;

/**
 * Gumroad's verify in ONE statement: the record as LICENSE_RECORD_SQL reads it, and `uses` counted
 * in the same statement when the key is good for the product ($3 product id, else $4 permalink) and
 * $2 (increment) is true; `countedUses` is then the new count, otherwise null. The conditions are
 * `keyState(...) === "active"` and the product match in SQL; the caller still decides the answer
 * from the record (as read before the count).
 */
export const VERIFY_AND_COUNT_SQL = `WITH counted AS (
  UPDATE "LicenseKey" c SET uses = c.uses + 1
  WHERE c.key = $1 AND $2::boolean AND c.status = 'ACTIVE'
    AND (c."expiresAt" IS NULL OR c."expiresAt" > (now() AT TIME ZONE 'UTC'))
    AND (c."entitlementId" IS NULL
      OR EXISTS (SELECT 1 FROM "Entitlement" e WHERE e.id = c."entitlementId" AND e.status = 'ACTIVE'))
    AND (CASE WHEN $3::text <> '' THEN (c."listingId" = $3 OR c."planId" = $3)
      ELSE $4::text <> '' AND (c."planId" = $4
        OR EXISTS (SELECT 1 FROM "Listing" l WHERE l.id = c."listingId" AND l.slug = $4)) END)
  RETURNING c.uses
)
SELECT r.*, (SELECT uses FROM counted) AS "countedUses" FROM (${LICENSE_RECORD_SQL}) r`;

export type LicenseRecord = {
  id: string;
  key: string;
  status: "ACTIVE" | "DISABLED" | "EXPIRED" | "REVOKED";
  maxActivations: number;
  uses: number;
  expiresAt: Date | null;
  createdAt: Date;
  listingId: string | null;
  planId: string | null;
  subscriptionId: string | null;
  entitlementId: string | null;
  shopId: string;
  activations: number;
  shopHandle: string;
  userId: string;
  userEmail: string;
  userName: string | null;
  listingSlug: string | null;
  listingTitle: string | null;
  listingCurrency: string | null;
  entitlementStatus: string | null;
  entitlementSource: string | null;
  entitlementCreatedAt: Date | null;
  orderItemId: string | null;
  itemUnitAmount: number | null;
  itemQuantity: number | null;
  itemCurrency: string | null;
  tierName: string | null;
  licenseTierId: string | null;
  orderId: string | null;
  orderEmail: string | null;
  orderStatus: string | null;
  orderPaidAt: Date | null;
  orderCreatedAt: Date | null;
  planName: string | null;
  subscriptionEndedAt: Date | null;
  subscriptionCanceledAt: Date | null;
  subscriptionPastDueSince: Date | null;
  subscriptionCreatedAt: Date | null;
  planPriceId: string | null;
  planPriceAmount: number | null;
  planPriceCurrency: string | null;
  planPriceInterval: string | null;
};

/**
 * What a key is good for right now. Revoked: refunded or disputed (or the grant behind it ended);
 * disabled: the seller's switch; expired: the plan lapsed or the key's own expiry passed.
 */
export type KeyState = "active" | "disabled" | "expired" | "revoked";

export function keyState(record: LicenseRecord, now = new Date()): KeyState {
  if (record.status === "REVOKED") return "revoked";
  if (record.entitlementId && record.entitlementStatus !== "ACTIVE") return "revoked";
  if (record.status === "DISABLED") return "disabled";
  if (record.status === "EXPIRED") return "expired";
  if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** The product a key is for: the listing of a purchase key, the plan of a plan key. */
export const productIdOf = (record: LicenseRecord) => record.listingId ?? record.planId ?? "";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Gumroad's `recurrence` names. */
const recurrences: Record<string, string> = { MONTH: "monthly", YEAR: "yearly" };

/**
 * Gumroad's `purchase` object, with the fields Stapel has data for. Left out, as Gumroad leaves out
 * what a sale lacks: gumroad_fee, discover_fee_charged, can_contact, referrer, card, order_number,
 * ip_country, is_multiseat_license, offer_code, affiliate fields (Stapel records none of them);
 * full_name without a name; subscription_id and recurrence on purchase keys.
 */
export function gumroadPurchase(record: LicenseRecord, appUrl: string) {
  const saleId = record.orderId ?? record.subscriptionId ?? record.entitlementId ?? record.id;
  const soldAt = iso(
    record.orderPaidAt ??
      record.orderCreatedAt ??
      record.subscriptionCreatedAt ??
      record.entitlementCreatedAt ??
      record.createdAt,
  );
  const isPlan = record.planId !== null && record.listingId === null;
  const price = isPlan
    ? (record.planPriceAmount ?? 0)
    : (record.itemUnitAmount ?? 0) * (record.itemQuantity ?? 1);
  const currency = (
    (isPlan ? record.planPriceCurrency : (record.itemCurrency ?? record.listingCurrency)) ?? "eur"
  ).toLowerCase();
  return {
    seller_id: record.shopId,
    product_id: productIdOf(record),
    product_name: (isPlan ? record.planName : record.listingTitle) ?? "",
    permalink: isPlan ? record.planId : record.listingSlug,
    product_permalink: isPlan
      ? `${appUrl}/s/${record.shopHandle}/plans/${record.planId}`
      : `${appUrl}/p/${record.listingSlug}`,
    email: record.orderEmail ?? record.userEmail,
    price,
    currency,
    quantity: record.itemQuantity ?? 1,
    sale_id: saleId,
    sale_timestamp: soldAt,
    ...(record.userName ? { full_name: record.userName } : {}),
    purchaser_id: record.userId,
    ...(isPlan
      ? {
          subscription_id: record.subscriptionId,
          recurrence: recurrences[record.planPriceInterval ?? ""] ?? null,
        }
      : {}),
    variants: record.tierName ? `(${record.tierName})` : "",
    license_key: record.key,
    is_gift_receiver_purchase: record.entitlementSource === "GIFT",
    refunded: record.orderStatus === "REFUNDED",
    disputed: record.orderStatus === "DISPUTED",
    // Stapel does not record a dispute's outcome; a disputed purchase's key is revoked.
    dispute_won: false,
    id: saleId,
    created_at: soldAt,
    custom_fields: [],
    chargebacked: record.orderStatus === "DISPUTED",
    subscription_ended_at: iso(record.subscriptionEndedAt),
    subscription_cancelled_at: iso(record.subscriptionCanceledAt),
    subscription_failed_at: iso(record.subscriptionPastDueSince),
  };
}

/** Gumroad's success answer for a verify. */
export function gumroadSuccess(record: LicenseRecord, uses: number, appUrl: string) {
  return { success: true as const, uses, purchase: gumroadPurchase(record, appUrl) };
}
