import { createHash } from "node:crypto";
import { buffer } from "node:stream/consumers";
import sharp from "sharp";
import { FileNotFoundError, fileStore } from "~/integrations/storage.server.ts";
import { listingTypeLabel } from "~/modules/catalog/search.ts";
import { prisma } from "~/utils/db.server.ts";
import { formatMoney } from "~/utils/money.ts";
import { listingOgSvg, shopOgSvg } from "./svg-art.ts";

/**
 * Open Graph images (1200×630 PNG) for a listing and a shop, drawn from PUBLIC fields only: the
 * selects below are the whole of what the picture may show (no body, instructions, teaser or
 * files). The ETag is a hash of those facts and the drawing's version, so a changed price, title,
 * rating or cover changes the picture's address-validator; the PNG is kept in a small memory cache
 * by that ETag, because drawing one costs tens of milliseconds of CPU.
 */
const DRAWING_VERSION = "og-1";
const CACHE_LIMIT = 200;
const cache = new Map<string, Buffer>();

export type OgImage = {
  kind: "image";
  etag: string;
  render: () => Promise<Buffer>;
  svg: () => Promise<string>;
};

const listingOgSelect = {
  slug: true,
  title: true,
  type: true,
  category: true,
  priceAmount: true,
  currency: true,
  pricingMode: true,
  ratingCount: true,
  ratingSum: true,
  shop: { select: { name: true } },
  coverImage: { select: { id: true, widths: true, storagePrefix: true } },
} as const;

const shopOgSelect = {
  handle: true,
  name: true,
  listings: { where: { status: "PUBLISHED", takenDownAt: null }, select: { type: true } },
} as const;

async function coverDataUri(
  cover: { widths: number[]; storagePrefix: string } | null,
): Promise<string | null> {
  if (!cover) return null;
  const width =
    [...cover.widths].sort((a, b) => a - b).find((candidate) => candidate >= 640) ?? cover.widths.at(-1);
  if (!width) return null;
  try {
    const opened = await fileStore().open(`${cover.storagePrefix}/${width}.webp`);
    const webp = await buffer(opened.stream);
    // librsvg reads PNG and JPEG inside an SVG, not WebP: convert the variant first.
    const png = await sharp(webp).resize({ width: 900, withoutEnlargement: true }).png().toBuffer();
    return `data:image/png;base64,${png.toString("base64")}`;
  } catch (error) {
    if (error instanceof FileNotFoundError) return null;
    throw error;
  }
}

function image(etagSource: unknown, drawSvg: () => Promise<string>): OgImage {
  const etag = `"${createHash("sha256")
    .update(JSON.stringify([DRAWING_VERSION, etagSource]))
    .digest("hex")
    .slice(0, 32)}"`;
  return {
    kind: "image",
    etag,
    svg: drawSvg,
    render: async () => {
      const cached = cache.get(etag);
      if (cached) return cached;
      const png = await sharp(Buffer.from(await drawSvg()))
        .png({ compressionLevel: 6 })
        .toBuffer();
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(etag, png);
      return png;
    },
  };
}

/** A published listing's card, or null: drafts, taken-down and missing listings have none. */
export async function listingOgImage(slug: string): Promise<OgImage | null> {
  const listing = await prisma.listing.findFirst({
    where: { slug, status: "PUBLISHED", takenDownAt: null },
    select: listingOgSelect,
  });
  if (!listing) return null;
  const price =
    listing.pricingMode === "FREE"
      ? "Free"
      : `${formatMoney({ amount: listing.priceAmount, currency: listing.currency })}${listing.pricingMode === "PAY_WHAT_YOU_WANT" ? "+" : ""}`;
  const rating = {
    count: listing.ratingCount,
    average: listing.ratingCount > 0 ? listing.ratingSum / listing.ratingCount : null,
  };
  const { coverImage, ...facts } = listing;
  return image({ ...facts, cover: coverImage?.id ?? null }, async () =>
    listingOgSvg({
      title: listing.title,
      type: listing.type,
      typeLabel: listingTypeLabel[listing.type],
      category: listing.category,
      shopName: listing.shop.name,
      price,
      rating,
      coverDataUri: await coverDataUri(coverImage),
    }),
  );
}

/** A shop's card, or null when there is no shop by that handle. */
export async function shopOgImage(handle: string): Promise<OgImage | null> {
  const shop = await prisma.shop.findUnique({ where: { handle }, select: shopOgSelect });
  if (!shop) return null;
  const facts = {
    name: shop.name,
    handle: shop.handle,
    listingCount: shop.listings.length,
    mainType: shop.listings[0]?.type ?? "PROMPT",
  };
  return image(facts, async () => shopOgSvg(facts));
}

/** The image as a response: 304 when the browser or crawler already has it, else the PNG. */
export async function ogImageResponse(request: Request, found: OgImage | null): Promise<Response> {
  if (!found)
    return new Response("No such listing or shop.", {
      status: 404,
      headers: { "Cache-Control": "public, max-age=60" },
    });
  const headers = {
    "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400",
    ETag: found.etag,
  };
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch?.split(",").some((tag) => tag.trim() === found.etag)) {
    return new Response(null, { status: 304, headers });
  }
  const png = await found.render();
  return new Response(new Uint8Array(png), {
    headers: { ...headers, "Content-Type": "image/png", "Content-Length": String(png.length) },
  });
}
