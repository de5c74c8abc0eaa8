import { prisma } from "~/utils/db.server.ts";

export async function listSitemapEntries() {
  const [listings, shops, plans] = await Promise.all([
    prisma.listing.findMany({
      where: { status: "PUBLISHED", takenDownAt: null },
      select: { slug: true, updatedAt: true },
    }),
    prisma.shop.findMany({
      where: { listings: { some: { status: "PUBLISHED", takenDownAt: null } } },
      select: { handle: true, updatedAt: true },
    }),
    // Plans on sale; an archived plan's page stays up for its subscribers but is not advertised.
    prisma.plan.findMany({
      where: { archivedAt: null, prices: { some: { archivedAt: null } } },
      select: { id: true, updatedAt: true, shop: { select: { handle: true } } },
    }),
  ]);
  return [
    { path: "/", lastModified: null },
    ...listings.map((listing) => ({ path: `/p/${listing.slug}`, lastModified: listing.updatedAt })),
    ...shops.map((shop) => ({ path: `/s/${shop.handle}`, lastModified: shop.updatedAt })),
    ...plans.map((plan) => ({
      path: `/s/${plan.shop.handle}/plans/${plan.id}`,
      lastModified: plan.updatedAt,
    })),
  ];
}
