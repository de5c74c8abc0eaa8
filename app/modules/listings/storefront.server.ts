import { getPublishedListing } from "~/modules/catalog/listings.server.ts";
import { renderMarkdown } from "~/modules/markdown/render.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { currentSlugFor } from "./slugs.server.ts";

/**
 * The listing page's view: the catalogue's public listing plus what the editor added (markdown
 * description rendered and sanitised, the AI disclosure), who is looking (the listing's own seller
 * sees Edit instead of Buy) and, for a bundle, which of its items the visitor already owns.
 * Like the catalogue's reads, nothing here selects the paid content.
 */
export type ListingPageLookup =
  | { kind: "found"; page: NonNullable<Awaited<ReturnType<typeof buildPage>>> }
  | { kind: "moved"; slug: string }
  | { kind: "missing" };

async function buildPage(slug: string, viewer: { id: string } | null) {
  const listing = await getPublishedListing(slug);
  if (!listing) return null;
  const extra = await prisma.listing.findUniqueOrThrow({
    where: { id: listing.id },
    select: {
      aiGenerated: true,
      currentVersion: true,
      coverImage: { select: { id: true, alt: true, width: true, height: true, widths: true } },
      examples: {
        where: { imageId: { not: null } },
        select: {
          id: true,
          image: { select: { id: true, alt: true, width: true, height: true, widths: true } },
        },
      },
      shop: { select: { ownerId: true } },
      bundleItems: { select: { listingId: true, listing: { select: { slug: true } } } },
    },
  });
  const bundleSlugs = new Map(extra.bundleItems.map((item) => [item.listingId, item.listing.slug]));
  const ownedItems =
    viewer && bundleSlugs.size > 0
      ? await prisma.entitlement.findMany({
          where: { userId: viewer.id, status: "ACTIVE", listingId: { in: [...bundleSlugs.keys()] } },
          distinct: ["listingId"],
          select: { listingId: true },
        })
      : [];
  return {
    listing,
    descriptionHtml: renderMarkdown(listing.description),
    aiGenerated: extra.aiGenerated,
    cover: extra.coverImage,
    /** Each example's image (by example id); the image carries its own alt text. */
    exampleImages: Object.fromEntries(
      extra.examples.flatMap((row) => (row.image ? [[row.id, row.image]] : [])),
    ),
    isOwnListing: viewer !== null && viewer.id === extra.shop.ownerId,
    /** Slugs of the bundle's items the visitor already has. */
    ownedBundleItemSlugs: ownedItems.flatMap((row) => bundleSlugs.get(row.listingId) ?? []),
  };
}

export async function findListingPage(
  slug: string,
  viewer: { id: string } | null,
): Promise<ListingPageLookup> {
  const page = await buildPage(slug, viewer);
  if (page) return { kind: "found", page };
  const current = await currentSlugFor(slug);
  return current ? { kind: "moved", slug: current } : { kind: "missing" };
}
