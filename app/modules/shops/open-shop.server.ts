import { Prisma } from "~/generated/prisma/client.ts";
import { licenseKeyPrefixFor } from "~/modules/licensing/license-keys.server.ts";
import { findShopImage, type ImageRefusal, publicImageSelect } from "~/modules/media/images.server.ts";
import { prisma } from "~/utils/db.server.ts";
import type { OpenShopInput, ShopSettingsInput } from "./forms.ts";

export type OpenShopResult =
  | { kind: "opened"; shopId: string; handle: string }
  | { kind: "handle-taken" }
  | { kind: "already-has-shop" };

/**
 * Opens the user's shop and makes them a seller. One shop per user and one owner per handle are
 * unique in the database, so two submissions racing each other cannot both succeed: the loser gets
 * the same answer as if it had come second.
 */
export async function openShop(user: { id: string }, input: OpenShopInput): Promise<OpenShopResult> {
  const existing = await prisma.shop.findUnique({ where: { ownerId: user.id }, select: { id: true } });
  if (existing) return { kind: "already-has-shop" };
  try {
    const shop = await prisma.$transaction(async (tx) => {
      const created = await tx.shop.create({
        data: {
          ownerId: user.id,
          handle: input.handle,
          name: input.name,
          bio: input.bio,
          links: input.links,
          defaultCurrency: input.defaultCurrency,
          licenseKeyPrefix: licenseKeyPrefixFor(input.handle),
        },
        select: { id: true, handle: true },
      });
      // An admin stays an admin; anyone else who opens a shop is a seller from now on.
      await tx.user.updateMany({ where: { id: user.id, role: "BUYER" }, data: { role: "SELLER" } });
      return created;
    });
    return { kind: "opened", shopId: shop.id, handle: shop.handle };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      return target.includes("ownerId") ? { kind: "already-has-shop" } : { kind: "handle-taken" };
    }
    throw error;
  }
}

export function isHandleTaken(handle: string): Promise<boolean> {
  return prisma.shop.findUnique({ where: { handle }, select: { id: true } }).then(Boolean);
}

export async function loadShopSettings(shopId: string) {
  return prisma.shop.findUnique({
    where: { id: shopId },
    select: {
      handle: true,
      name: true,
      bio: true,
      links: true,
      defaultCurrency: true,
      avatarImage: { select: publicImageSelect },
    },
  });
}

export type ShopSettings = NonNullable<Awaited<ReturnType<typeof loadShopSettings>>>;

/**
 * Saves the seller's own shop details; the shop comes from the session, never from the form. The
 * avatar must be one of the shop's own images (another shop's reads as missing and nothing is saved).
 */
export async function updateShopSettings(
  shopId: string,
  input: ShopSettingsInput,
): Promise<{ ok: true } | ImageRefusal> {
  if (input.avatarImageId && !(await findShopImage(shopId, input.avatarImageId)))
    return { ok: false, refusal: "not-found", message: "That image was not found." };
  await prisma.shop.update({
    where: { id: shopId },
    data: {
      name: input.name,
      bio: input.bio,
      links: input.links,
      defaultCurrency: input.defaultCurrency,
      avatarImageId: input.avatarImageId ?? null,
    },
  });
  return { ok: true };
}
