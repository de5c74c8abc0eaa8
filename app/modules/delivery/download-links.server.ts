import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "~/utils/env.server.ts";

/**
 * Download links are signed and short-lived: they can be opened by a download manager without
 * the session cookie, but the signature binds user, entitlement and file, and access is checked
 * again when the link is used.
 */
export type DownloadGrant = { userId: string; entitlementId: string; fileId: string };

const sign = (grant: DownloadGrant, expires: number) =>
  createHmac("sha256", env().DOWNLOAD_SIGNING_SECRET)
    .update(`${grant.userId}.${grant.entitlementId}.${grant.fileId}.${expires}`)
    .digest("base64url");

export function createDownloadPath(grant: DownloadGrant, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + env().DOWNLOAD_LINK_TTL_SECONDS;
  const query = new URLSearchParams({
    u: grant.userId,
    e: grant.entitlementId,
    exp: String(expires),
    sig: sign(grant, expires),
  });
  return `/downloads/${grant.fileId}?${query}`;
}

const SignedQuery = z.object({
  u: z.string().min(1),
  e: z.string().min(1),
  exp: z.coerce.number().int().positive(),
  sig: z.string().min(1),
});

export type LinkCheck =
  | { ok: true; grant: DownloadGrant }
  | { ok: false; reason: "malformed" | "expired" | "bad-signature" };

export function verifyDownloadLink(fileId: string, params: URLSearchParams, now = Date.now()): LinkCheck {
  const parsed = SignedQuery.safeParse(Object.fromEntries(params));
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const { u, e, exp, sig } = parsed.data;
  const grant = { userId: u, entitlementId: e, fileId };
  const expected = Buffer.from(sign(grant, exp));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: "bad-signature" };
  if (exp * 1000 < now) return { ok: false, reason: "expired" };
  return { ok: true, grant };
}
