import { createHmac, timingSafeEqual } from "node:crypto";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";

/**
 * The unsubscribe link in "new version" emails: it names a shop and a buyer and carries an HMAC of
 * both, so it works without signing in and nobody can unsubscribe someone else by editing ids. The
 * key is derived from SESSION_SECRET for this one purpose (a token is useless as a session).
 */

function tokenFor(shopId: string, userId: string): string {
  return createHmac("sha256", env().SESSION_SECRET)
    .update(`shop-unsubscribe:${shopId}:${userId}`)
    .digest("base64url");
}

export function unsubscribeUrl(shopId: string, userId: string): string {
  const query = new URLSearchParams({ shop: shopId, user: userId, token: tokenFor(shopId, userId) });
  return `${env().APP_URL}/unsubscribe?${query}`;
}

function validToken(shopId: string, userId: string, token: string): boolean {
  const expected = Buffer.from(tokenFor(shopId, userId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The shop the link is for, when the link is genuine; null otherwise (shown as an invalid link). */
export async function unsubscribeTarget(link: { shop: string; user: string; token: string }) {
  if (!validToken(link.shop, link.user, link.token)) return null;
  const [shop, row] = await Promise.all([
    prisma.shop.findUnique({ where: { id: link.shop }, select: { name: true } }),
    prisma.shopUnsubscribe.findUnique({
      where: { shopId_userId: { shopId: link.shop, userId: link.user } },
      select: { createdAt: true },
    }),
  ]);
  if (!shop) return null;
  return { shopName: shop.name, unsubscribed: row !== null };
}

export async function unsubscribe(link: { shop: string; user: string; token: string }): Promise<boolean> {
  if (!(await unsubscribeTarget(link))) return false;
  await prisma.shopUnsubscribe.createMany({
    data: [{ shopId: link.shop, userId: link.user }],
    skipDuplicates: true,
  });
  return true;
}

export async function resubscribe(link: { shop: string; user: string; token: string }): Promise<boolean> {
  if (!(await unsubscribeTarget(link))) return false;
  await prisma.shopUnsubscribe.deleteMany({ where: { shopId: link.shop, userId: link.user } });
  return true;
}
