/**
 * Cover images for the demo seed: one picture per seeded listing, drawn as SVG from its type,
 * category and title (app/modules/reach/svg-art.ts), rendered once at 1280 px by sharp and stored
 * like a seller's upload: webp variants at the media module's widths under `images/<shop>/<id>/`,
 * an `Image` row of the shop, and the listing's `coverImageId`. Listings that already have a
 * cover are left alone, so running it again does nothing.
 *
 * It runs after the seed's transaction and, on boot, after the server is listening (server/start.ts):
 * 46 covers take a few seconds of CPU (more on a busy machine), which must not delay the first answer.
 * Call it only right after seeding: it gives a cover to every listing without one.
 */
import { createHash, randomUUID } from "node:crypto";
import sharp from "sharp";
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import type { FileStore } from "../app/integrations/storage.server.ts";
import { listingTypeLabel } from "../app/modules/catalog/search.ts";
import { VARIANT_WIDTHS } from "../app/modules/media/images.server.ts";
import { coverSvg } from "../app/modules/reach/svg-art.ts";

const COVER_WIDTH = 1280;
const COVER_HEIGHT = 720;
/** sharp works on its own threads; a few listings at once keep both cores busy without a queue. */
const AT_ONCE = 4;

export async function addDemoCovers(
  prisma: PrismaClient,
  store: FileStore,
  log: (line: string) => void = () => {},
): Promise<number> {
  const startedAt = performance.now();
  const listings = await prisma.listing.findMany({
    where: { coverImageId: null },
    select: { id: true, shopId: true, title: true, type: true, category: true },
  });
  let done = 0;
  for (let start = 0; start < listings.length; start += AT_ONCE) {
    await Promise.all(
      listings.slice(start, start + AT_ONCE).map(async (listing) => {
        const svg = coverSvg({
          title: listing.title,
          type: listing.type,
          typeLabel: listingTypeLabel[listing.type],
          category: listing.category,
        });
        const { data: pixels, info } = await sharp(Buffer.from(svg))
          .raw()
          .toBuffer({ resolveWithObject: true });
        const storagePrefix = `images/${listing.shopId}/${randomUUID()}`;
        const widths = [...VARIANT_WIDTHS];
        await Promise.all(
          widths.map(async (width) => {
            const webp = await sharp(pixels, { raw: info })
              .resize({ width })
              .webp({ quality: 80, effort: 1 })
              .toBuffer();
            await store.put(`${storagePrefix}/${width}.webp`, webp, "image/webp");
          }),
        );
        const image = await prisma.image.create({
          data: {
            shopId: listing.shopId,
            alt: `Cover of “${listing.title}”: the title on a ${listing.category.toLowerCase()} gradient`,
            width: COVER_WIDTH,
            height: COVER_HEIGHT,
            widths,
            storagePrefix,
            sha256: createHash("sha256").update(svg).digest("hex"),
          },
          select: { id: true },
        });
        // Raw, so the listing keeps its seeded updatedAt (Prisma's @updatedAt would make it "now").
        await prisma.$executeRaw`UPDATE "Listing" SET "coverImageId" = ${image.id} WHERE "id" = ${listing.id}`;
        done++;
      }),
    );
  }
  log(`Demo covers: ${done} drawn in ${Math.round(performance.now() - startedAt)} ms.`);
  return done;
}
