/**
 * The one place that announces "what this plan includes has changed" (listings chosen or removed,
 * categories, everything-in-the-shop switched on or off). Every save that changes a plan's
 * contents calls it after its transaction commits. Current subscribers' access must follow at once
 * (listings that joined granted, listings that left revoked unless bought separately): that is
 * the subscription grants' work, which reads the new contents from `resolvePlanListingIds`.
 */
export async function planContentsChanged(_planId: string): Promise<void> {}
