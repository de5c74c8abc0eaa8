import { z } from "zod";
import type { LicenseKeyStatus } from "~/generated/prisma/enums.ts";
import { queryText, recordId } from "~/utils/schemas.ts";

/**
 * Managing licence keys: the seller's key page buttons, the buyer's "Free this device", the keys
 * list's query string, and the words each status is shown with. Shared by pages and actions.
 */

/** The key page's buttons. Every one posts `intent`; removing an activation names it. */
export const LicenseKeyActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("disable") }),
    z.object({ intent: z.literal("enable") }),
    z.object({ intent: z.literal("rotate") }),
    z.object({ intent: z.literal("reset-uses") }),
    z.object({ intent: z.literal("remove-activation"), activationId: recordId("activation") }),
  ],
  { error: "Choose what to do with the key" },
);

/** The library's "Free this device": the activation, and the library item to go back to. */
export const FreeDeviceSchema = z.object({
  intent: z.literal("deactivate", { error: "Choose what to do with the key" }),
  activationId: recordId("activation"),
  entitlementId: recordId("library item").optional(),
});

// ─── The keys list's query string ───────────────────────────────────────────

export const LICENSE_STATUS_FILTERS = {
  active: "ACTIVE",
  disabled: "DISABLED",
  expired: "EXPIRED",
  revoked: "REVOKED",
} as const satisfies Record<string, LicenseKeyStatus>;
export type LicenseStatusFilter = keyof typeof LICENSE_STATUS_FILTERS;

/** Unknown or malformed values are dropped (the loader then redirects to the clean URL). */
export const LicensesQuerySchema = z.object({
  /** A key (whole or its start), a buyer's email, a listing's title or a plan's name. */
  q: queryText(120)
    .transform((value) => value || undefined)
    .optional(),
  status: z
    .enum(Object.keys(LICENSE_STATUS_FILTERS) as [LicenseStatusFilter, ...LicenseStatusFilter[]])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(2).max(100_000).optional().catch(undefined),
});
export type LicensesQuery = z.infer<typeof LicensesQuerySchema>;

/** The query in a fixed order without empty or default values: the URL people share. */
export function licensesQueryString(query: LicensesQuery): string {
  const params = new URLSearchParams();
  for (const name of ["q", "status", "page"] as const) {
    const value = query[name];
    if (value !== undefined) params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

// ─── Words ──────────────────────────────────────────────────────────────────

/** The seller's short label for a key's status. */
export const licenseStatusLabel: Record<LicenseKeyStatus, string> = {
  ACTIVE: "Active",
  DISABLED: "Disabled",
  EXPIRED: "Expired",
  REVOKED: "Revoked",
};

/** What a status means, for the seller's key page. */
export const licenseStatusMeaning: Record<LicenseKeyStatus, string> = {
  ACTIVE: "The key verifies and can be activated.",
  DISABLED: "You disabled this key: it does not verify or activate until you enable it.",
  EXPIRED: "The buyer's plan no longer grants access: the key works again if the subscription recovers.",
  REVOKED: "This key was revoked by a refund or dispute: it never works again.",
};

/** What a status means, for the buyer in the library. */
export const buyerLicenseStatus: Record<LicenseKeyStatus, string> = {
  ACTIVE: "Active: it works in the software it is for.",
  DISABLED: "Disabled by the seller: it does not work for now. Contact the seller if this is a mistake.",
  EXPIRED: "Expired: your subscription grants no access right now. It works again when it does.",
  REVOKED: "Revoked: the purchase was refunded or disputed.",
};
