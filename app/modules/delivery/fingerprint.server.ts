import { randomInt } from "node:crypto";
import { Prisma } from "~/generated/prisma/client.ts";
import {
  BUYER_CODE_ALPHABET,
  BUYER_CODE_LENGTH,
  decodeMarkers,
  findVisibleCodes,
  formatBuyerCode,
} from "~/modules/prompts/fingerprint.ts";
import { prisma } from "~/utils/db.server.ts";

/**
 * Leak tracing, the stored part: each entitlement's buyer code (given on first need, never changed)
 * and the seller's search for it in a pasted text. The text part (markers, licence lines) is the
 * pure `~/modules/prompts/fingerprint.ts`.
 */

function newBuyerCode(): string {
  return Array.from(
    { length: BUYER_CODE_LENGTH },
    () => BUYER_CODE_ALPHABET[randomInt(BUYER_CODE_ALPHABET.length)],
  ).join("");
}

/**
 * The entitlement's buyer code, given now if it has none. Safe when two requests race: only the
 * update that finds the column empty writes, and the other reads the winner's code. A code taken by
 * another entitlement (one in a trillion) is drawn again.
 */
export async function ensureBuyerCode(entitlementId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await prisma.entitlement.findUniqueOrThrow({
      where: { id: entitlementId },
      select: { buyerCode: true },
    });
    if (row.buyerCode) return row.buyerCode;
    try {
      await prisma.entitlement.updateMany({
        where: { id: entitlementId, buyerCode: null },
        data: { buyerCode: newBuyerCode() },
      });
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  throw new Error(`could not give entitlement ${entitlementId} a buyer code`);
}

export type LeakTrace = {
  entitlementId: string;
  buyerCode: string;
  /** How the code was found: the invisible marker, the licence line, or both. */
  foundBy: ("marker" | "licence line")[];
  listing: { id: string; title: string };
  buyerEmail: string;
  source: "ORDER_ITEM" | "BUNDLE" | "SUBSCRIPTION" | "FREE_CLAIM" | "GIFT";
  grantedAt: string;
  orderId: string | null;
  plan: { id: string; name: string } | null;
  active: boolean;
};

/**
 * Which of the shop's purchases a pasted text came from. Codes found in the text are looked up
 * among the entitlements to the shop's own listings only, so a code of another shop's buyer answers
 * exactly like a made-up one: nothing found.
 */
export async function traceLeak(shopId: string, text: string): Promise<LeakTrace[]> {
  const hidden = decodeMarkers(text);
  const visible = findVisibleCodes(text);
  const codes = [...new Set([...hidden, ...visible])];
  if (codes.length === 0) return [];
  const rows = await prisma.entitlement.findMany({
    where: { buyerCode: { in: codes }, listing: { shopId } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      buyerCode: true,
      source: true,
      status: true,
      createdAt: true,
      listing: { select: { id: true, title: true } },
      user: { select: { email: true } },
      orderItem: { select: { orderId: true } },
      subscription: { select: { plan: { select: { id: true, name: true, shopId: true } } } },
    },
  });
  return rows.map((row) => {
    const code = row.buyerCode as string;
    const plan = row.subscription?.plan;
    return {
      entitlementId: row.id,
      buyerCode: formatBuyerCode(code),
      foundBy: [
        ...(hidden.includes(code) ? (["marker"] as const) : []),
        ...(visible.includes(code) ? (["licence line"] as const) : []),
      ],
      listing: row.listing,
      buyerEmail: row.user.email,
      source: row.source,
      grantedAt: row.createdAt.toISOString(),
      orderId: row.orderItem?.orderId ?? null,
      plan: plan && plan.shopId === shopId ? { id: plan.id, name: plan.name } : null,
      active: row.status === "ACTIVE",
    };
  });
}
