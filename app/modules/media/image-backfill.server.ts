import { buffer } from "node:stream/consumers";
import type { Task } from "graphile-worker";
import sharp from "sharp";
import { FileNotFoundError, fileStore } from "~/integrations/storage.server.ts";
import { enqueueJob } from "~/modules/jobs/queue.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { VARIANT_WIDTHS } from "./images.server.ts";

/**
 * Images stored before a width joined `VARIANT_WIDTHS` (960 px, ADR 37) lack that copy. This job
 * makes it. Only the webp variants are stored, not the upload itself, so each missing width is cut
 * down from the narrowest stored variant wider than it. A width the image has no wider copy for
 * cannot be made without upscaling, so it is not "missing": an image 1,000 px wide stored as 320 and
 * 640 keeps those two. Widths wider than the image never count either.
 *
 * Idempotent: a second run finds nothing. Each image's new widths are added in one UPDATE that
 * merges them into the row's current `widths`, so two runs at once neither list a width twice nor
 * drop one the other added.
 */

const WIDTHS = [...VARIANT_WIDTHS];
const BATCH = 50;
export const BACKFILL_JOB_KEY = "backfill-image-widths";

// An image lacks a width when it is no wider than the image, not stored, and some stored copy is
// wider (the one it is made from). The same condition in the start-up check and in the job.
const lacksWidth = (widths: number[]) => prisma.$queryRaw<{ id: string }[]>`
  SELECT i.id FROM "Image" i
  WHERE EXISTS (
    SELECT 1 FROM unnest(${widths}::int[]) AS wanted(width)
    WHERE wanted.width <= i.width
      AND NOT (wanted.width = ANY (i.widths))
      AND EXISTS (SELECT 1 FROM unnest(i.widths) AS stored(width) WHERE stored.width > wanted.width))
  LIMIT 1`;

/** The widths `image` should have and can be made, each with the stored width it is cut from. */
export function missingWidths(image: { width: number; widths: number[] }): { width: number; from: number }[] {
  const missing: { width: number; from: number }[] = [];
  for (const width of WIDTHS) {
    if (width > image.width || image.widths.includes(width)) continue;
    const from = Math.min(...image.widths.filter((stored) => stored > width));
    if (Number.isFinite(from)) missing.push({ width, from });
  }
  return missing;
}

export type BackfillResult = { images: number; made: number; skipped: number };

/** Makes every missing width of every image, a batch of images at a time. */
export async function backfillImageWidths(): Promise<BackfillResult> {
  const result: BackfillResult = { images: 0, made: 0, skipped: 0 };
  let after = "";
  for (;;) {
    const batch = await prisma.image.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, width: true, widths: true, storagePrefix: true },
    });
    if (batch.length === 0) return result;
    after = batch[batch.length - 1]?.id ?? after;
    for (const image of batch) {
      const missing = missingWidths(image);
      if (missing.length === 0) continue;
      const made = await makeWidths(image, missing);
      if (made === null) result.skipped += 1;
      else if (made > 0) {
        result.images += 1;
        result.made += made;
      }
    }
  }
}

/** Stores the missing copies, then adds them to the row; null when the source copy is gone. */
async function makeWidths(
  image: { id: string; storagePrefix: string },
  missing: { width: number; from: number }[],
): Promise<number | null> {
  const store = fileStore();
  const stored: number[] = [];
  for (const { width, from } of missing) {
    let source: Buffer;
    try {
      source = await buffer((await store.open(`${image.storagePrefix}/${from}.webp`)).stream);
    } catch (error) {
      if (!(error instanceof FileNotFoundError)) throw error;
      console.warn(`[jobs] image ${image.id}: its ${from} px copy is not in storage, so no ${width} px copy`);
      return null;
    }
    const webp = await sharp(source, { failOn: "error" })
      .resize({ width, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    await store.put(`${image.storagePrefix}/${width}.webp`, webp, "image/webp");
    stored.push(width);
  }
  // One statement: merged into the row's widths as they are now (another run may have added some).
  const updated = await prisma.$executeRaw`
    UPDATE "Image" SET widths = (
      SELECT array_agg(DISTINCT width ORDER BY width) FROM unnest(widths || ${stored}::int[]) AS width)
    WHERE id = ${image.id}`;
  if (updated === 0) {
    // Deleted meanwhile: its copies go with it.
    await Promise.all(
      stored.map((width) => store.remove(`${image.storagePrefix}/${width}.webp`).catch(() => undefined)),
    );
    return 0;
  }
  return stored.length;
}

export const backfillImageWidthsTask: Task = async () => {
  const result = await backfillImageWidths();
  if (result.made > 0)
    console.info(`[jobs] made ${result.made} missing image copies for ${result.images} images`);
};

/**
 * At start-up (server/start.ts): one query; only when some image lacks a width is the job queued,
 * under one key, so several app servers starting together queue it once.
 */
export async function queueImageBackfillIfNeeded(): Promise<boolean> {
  if ((await lacksWidth(WIDTHS)).length === 0) return false;
  await enqueueJob(prisma, "backfill-image-widths", {}, { jobKey: BACKFILL_JOB_KEY, maxAttempts: 5 });
  return true;
}
