/**
 * Entitlements as strategies: how access is granted and revoked, in one module.
 *
 * - A grant has a **source** (`grants/sources.ts`): an order item, a bundle in it, a subscription,
 *   a free claim or a gift. The source names the grant's unique key (granting twice is a no-op),
 *   whether it carries a licence key, and whether a revoked grant may come back.
 * - An entitlement delivers **kinds** (`grants/kinds.server.ts`): prompt content, files and a
 *   licence key, each with its own grant and revoke, run in the transaction that changes access.
 * - Access ends with an enum **reason** (`RevokeReason`): refunded, disputed, subscription ended,
 *   removed from the plan, unpublished.
 *
 * Whether someone may have a listing is then asked in one place only: `entitlements.server.ts`.
 */
export { type GrantRequest, grantEntitlements, revokeEntitlements } from "./grants/core.server.ts";
export { type EntitlementKind, entitlementKinds, type GrantedEntitlement } from "./grants/kinds.server.ts";
export { grantOrderEntitlements, revokeOrderEntitlements } from "./grants/orders.server.ts";
export { grantKeys, sourcePolicies } from "./grants/sources.ts";
export { type SubscriptionGrantSync, syncSubscriptionGrants } from "./grants/subscriptions.server.ts";
