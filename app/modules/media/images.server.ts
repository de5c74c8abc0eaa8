import { createHash, randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import sharp from "sharp";
import { FileNotFoundError, fileStore } from "~/integrations/storage.server.ts";
import { prisma } from "~/utils/db.server.ts";
import type { PublicImage } from "./image-urls.ts";

/**
 * The widths every image is stored at (never wider than the original: no upscaling). 960 is for
 * phones: a full-width card on a 412 px screen at 1.75x needs 665 px, which the 640 variant falls
 * just short of, so without it phones fetched the 1280 one (ADR 37).
 */
export const VARIANT_WIDTHS = [320, 640, 960, 1280] as const;
/** Formats sellers may upload, as sharp detects them from the bytes. SVG (scriptable) is not one. */
const ACCEPTED_FORMATS = new Set(["png", "jpeg", "webp", "gif"]);
/** Decoding a 10 MB file can still mean a huge bitmap (a "decompression bomb"): cap the pixels. */
const MAX_INPUT_PIXELS = 40_000_000;

export const publicImageSelect = { id: true, alt: true, width: true, height: true, widths: true } as const;

export type ImageUploadOutcome =
  | { ok: true; image: PublicImage }
  | { ok: false; refusal: "not-an-image"; message: string };

/**
 * Stores a seller's image as webp variants under a fresh prefix and records it for the shop. What
 * the file is, is decided by sharp reading its bytes: its name and Content-Type are not trusted. A
 * refused image leaves nothing behind. Variants carry no metadata (sharp drops EXIF and GPS unless
 * asked), and the EXIF orientation is applied first, so phone photos stand the right way up.
 */
export function uploadImage(
  shopId: string,
  input: { bytes: Buffer; alt: string },
): Promise<ImageUploadOutcome> {
  return storeImage(shopId, `images/${shopId}`, input);
}

/**
 * Where buyers' review proofs are stored. A proof is recorded under the listing's shop (the space it
 * is shown in, deleted with the shop) but it is the reviewer's, not the seller's: the seller's pickers
 * (covers, avatar, examples) never accept an image under this prefix, and it is served only while a
 * visible review shows it. ADR 0027, "Proof images".
 */
export const REVIEW_PROOF_PREFIX = "review-proofs/";

/** The images a shop may use as its own (covers, avatar, examples): not its buyers' review proofs. */
export function sellerImageWhere(shopId: string) {
  return { shopId, NOT: { storagePrefix: { startsWith: REVIEW_PROOF_PREFIX } } };
}

/**
 * Stores a reviewer's proof image for a listing of `shopId`: the same checks and re-encoding as a
 * seller's image (sharp reads the bytes, webp variants, EXIF and GPS dropped), under the proofs prefix.
 * Attaching it is the review's own transaction (`saveReview`); nothing else can attach it.
 */
export function uploadReviewProofImage(
  shopId: string,
  input: { bytes: Buffer; alt: string },
): Promise<ImageUploadOutcome> {
  return storeImage(shopId, `${REVIEW_PROOF_PREFIX}${shopId}`, input);
}

/** Removes an image's row and its stored variants (a replaced or removed review proof). */
export async function deleteImage(imageId: string): Promise<void> {
  const image = await prisma.image.findUnique({
    where: { id: imageId },
    select: { storagePrefix: true, widths: true },
  });
  if (!image) return;
  await prisma.image.delete({ where: { id: imageId } });
  const store = fileStore();
  await Promise.all(
    image.widths.map((width) => store.remove(`${image.storagePrefix}/${width}.webp`).catch(() => undefined)),
  );
}

async function storeImage(
  shopId: string,
  folder: string,
  input: { bytes: Buffer; alt: string },
): Promise<ImageUploadOutcome> {
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" as const };
  let format: string | undefined;
  let width = 0;
  let height = 0;
  try {
    const metadata = await sharp(input.bytes, options).metadata();
    format = metadata.format;
    // Orientations 5 to 8 turn the picture by 90°: width and height swap once it is upright.
    const turned = (metadata.orientation ?? 1) >= 5;
    width = (turned ? metadata.height : metadata.width) ?? 0;
    height = (turned ? metadata.width : metadata.height) ?? 0;
  } catch (error) {
    const tooLarge = error instanceof Error && /pixel limit/i.test(error.message);
    return {
      ok: false,
      refusal: "not-an-image",
      message: tooLarge
        ? "This image has too many pixels (more than 40 megapixels). Please upload a smaller version."
        : "This file is not an image we can read. Upload a PNG, JPEG, WebP or GIF.",
    };
  }
  if (!format || !ACCEPTED_FORMATS.has(format) || width < 1 || height < 1) {
    return {
      ok: false,
      refusal: "not-an-image",
      message: `This is ${format ? `a ${format.toUpperCase()} file` : "not an image"}; upload a PNG, JPEG, WebP or GIF.`,
    };
  }

  const widths: number[] = VARIANT_WIDTHS.filter((candidate) => candidate <= width);
  if (widths.length === 0) widths.push(width);
  const storagePrefix = `${folder}/${randomUUID()}`;
  const store = fileStore();
  const stored: string[] = [];
  try {
    for (const variantWidth of widths) {
      const webp = await sharp(input.bytes, options)
        .rotate()
        .resize({ width: variantWidth, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
      const key = `${storagePrefix}/${variantWidth}.webp`;
      await store.put(key, webp, "image/webp");
      stored.push(key);
    }
  } catch (error) {
    await Promise.all(stored.map((key) => store.remove(key).catch(() => undefined)));
    // A file sharp could read the header of but not decode (truncated, corrupt): the seller's to fix.
    if (
      error instanceof Error &&
      /Input|VipsJpeg|pngload|gifload|webpload|corrupt|premature/i.test(error.message)
    ) {
      return {
        ok: false,
        refusal: "not-an-image",
        message: "This image is damaged or incomplete and could not be read. Please export it again.",
      };
    }
    throw error;
  }
  const image = await prisma.image.create({
    data: {
      shopId,
      alt: input.alt,
      width,
      height,
      widths,
      storagePrefix,
      sha256: createHash("sha256").update(input.bytes).digest("hex"),
    },
    select: publicImageSelect,
  });
  return { ok: true, image };
}

export type ImageRefusal = { ok: false; refusal: "not-found"; message: string };
const imageNotFound: ImageRefusal = { ok: false, refusal: "not-found", message: "That image was not found." };
const listingNotFound: ImageRefusal = {
  ok: false,
  refusal: "not-found",
  message: "That listing was not found.",
};

/** The shop's own image, or null: another shop's image looks exactly like a missing one. */
export function findShopImage(shopId: string, imageId: string) {
  return prisma.image.findFirst({
    where: { id: imageId, ...sellerImageWhere(shopId) },
    select: publicImageSelect,
  });
}

/** Sets (or with null, removes) a listing's cover. Both the listing and the image must be the shop's. */
export async function setListingCover(
  shopId: string,
  listingId: string,
  imageId: string | null,
): Promise<{ ok: true } | ImageRefusal> {
  if (imageId && !(await findShopImage(shopId, imageId))) return imageNotFound;
  const updated = await prisma.listing.updateMany({
    where: { id: listingId, shopId },
    data: { coverImageId: imageId },
  });
  return updated.count === 1 ? { ok: true } : listingNotFound;
}

/** Sets (or with null, removes) the shop's avatar, one of its own images. */
export async function setShopAvatar(
  shopId: string,
  imageId: string | null,
): Promise<{ ok: true } | ImageRefusal> {
  if (imageId && !(await findShopImage(shopId, imageId))) return imageNotFound;
  const updated = await prisma.shop.updateMany({ where: { id: shopId }, data: { avatarImageId: imageId } });
  return updated.count === 1
    ? { ok: true }
    : { ok: false, refusal: "not-found", message: "That shop was not found." };
}

/** Sets (or removes) the image output of one of a listing's examples. */
export async function setExampleImage(
  shopId: string,
  listingId: string,
  position: number,
  imageId: string | null,
): Promise<{ ok: true } | ImageRefusal> {
  if (imageId && !(await findShopImage(shopId, imageId))) return imageNotFound;
  const updated = await prisma.listingExample.updateMany({
    where: { listingId, position, listing: { shopId } },
    data: { imageId },
  });
  return updated.count === 1 ? { ok: true } : listingNotFound;
}

export type OpenedVariant =
  | { kind: "variant"; stream: Readable; sizeBytes: number; etag: string; reviewProof: boolean }
  | { kind: "not-found" };

/**
 * One stored variant (`640.webp`) of any image: images are public, and their ids unguessable. The
 * ETag names the image's bytes and the width; a variant never changes (a new image has a new id).
 */
export async function openImageVariant(imageId: string, variant: string): Promise<OpenedVariant> {
  const width = /^([1-9][0-9]{0,4})\.webp$/.exec(variant)?.[1];
  if (!width || !/^[a-z0-9]{20,32}$/.test(imageId)) return { kind: "not-found" };
  const image = await prisma.image.findUnique({
    where: { id: imageId },
    select: { widths: true, storagePrefix: true, sha256: true },
  });
  if (!image?.widths.includes(Number(width))) return { kind: "not-found" };
  // A review proof is shown only with its review: hidden, replaced, removed or on a listing taken
  // down, it answers 404 like a missing image.
  const reviewProof = image.storagePrefix.startsWith(REVIEW_PROOF_PREFIX);
  if (
    reviewProof &&
    (await prisma.review.count({
      where: { proofImageId: imageId, hiddenAt: null, listing: { takenDownAt: null } },
    })) === 0
  )
    return { kind: "not-found" };
  try {
    const opened = await fileStore().open(`${image.storagePrefix}/${width}.webp`);
    return { kind: "variant", ...opened, etag: `"${image.sha256.slice(0, 32)}-${width}"`, reviewProof };
  } catch (error) {
    if (!(error instanceof FileNotFoundError)) throw error;
    console.error(`Image ${imageId} is in the database but its ${width} px variant is not in storage`);
    return { kind: "not-found" };
  }
}
