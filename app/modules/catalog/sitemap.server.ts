import { prisma } from "~/utils/db.server.ts";

export async function listSitemapEntries() {
  const [listings, shops] = await Promise.all([
    prisma.listing.findMany({ where: { status: "PUBLISHED" }, select: { slug: true, updatedAt: true } }),
    prisma.shop.findMany({
      where: { listings: { some: { status: "PUBLISHED" } } },
      select: { handle: true, updatedAt: true },
    }),
  ]);
  return [
    { path: "/", lastModified: null },
    ...listings.map((listing) => ({ path: `/p/${listing.slug}`, lastModified: listing.updatedAt })),
    ...shops.map((shop) => ({ path: `/s/${shop.handle}`, lastModified: shop.updatedAt })),
  ];
}
