// Images stored before the 960 px width existed get that copy from a job queued at start-up: cut
// from their wider stored copy, readable in the file store and served at its URL; a second run
// changes nothing; an image with no wider copy (narrower than 960, or 960-1279 px wide stored as
// 320 and 640) gets none, because nothing is ever upscaled.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileStore } from "~/integrations/storage.server.ts";
import { runDueJobs } from "~/modules/jobs/worker.server.ts";
import {
  backfillImageWidths,
  missingWidths,
  queueImageBackfillIfNeeded,
} from "~/modules/media/image-backfill.server.ts";
import { uploadImage } from "~/modules/media/images.server.ts";
import * as imagesRoute from "~/routes/images.$imageId.$variant/route.ts";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, requestAs } from "../support/fixtures.ts";
import { callRoute, expectResponse } from "../support/routes.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .png()
    .toBuffer();

/** Uploads an image, then makes it look as stored before 960 existed: no 960 copy, not listed. */
async function storedBefore960(shopId: string, width: number) {
  const uploaded = await uploadImage(shopId, { bytes: await picture(width, 400), alt: "Old" });
  if (!uploaded.ok) throw new Error(uploaded.message);
  const image = await prisma.image.findUniqueOrThrow({ where: { id: uploaded.image.id } });
  if (image.widths.includes(960)) await fileStore().remove(`${image.storagePrefix}/960.webp`);
  const widths = image.widths.filter((stored) => stored !== 960);
  await prisma.image.update({ where: { id: image.id }, data: { widths } });
  return { ...image, widths };
}

const variant = async (imageId: string, name: string) =>
  expectResponse(
    await callRoute(imagesRoute.loader, requestAs(null, `/images/${imageId}/${name}`), {
      imageId,
      variant: name,
    }),
  );

const widthsOf = async (id: string) =>
  (await prisma.image.findUniqueOrThrow({ where: { id }, select: { widths: true } })).widths;

describe("making the widths older images lack", { timeout: 60_000 }, () => {
  it("queues the job at start-up only when needed and makes the 960 copy once", async () => {
    const { shop } = await createListingForSale();
    // Nothing lacks a width yet: the start-up check queues nothing.
    expect(await queueImageBackfillIfNeeded()).toBe(false);

    const wide = await storedBefore960(shop.id, 2000);
    const between = await storedBefore960(shop.id, 1000);
    const narrow = await storedBefore960(shop.id, 800);
    expect(wide.widths).toEqual([320, 640, 1280]);
    expect(between.widths).toEqual([320, 640]);
    expect(narrow.widths).toEqual([320, 640]);
    expect(missingWidths(wide)).toEqual([{ width: 960, from: 1280 }]);
    expect(missingWidths(between)).toEqual([]); // its only wider copy would be the original, not kept
    expect(missingWidths(narrow)).toEqual([]);
    expect((await variant(wide.id, "960.webp")).status).toBe(404);

    expect(await queueImageBackfillIfNeeded()).toBe(true);
    // Queued twice (two servers starting), it is one job.
    expect(await queueImageBackfillIfNeeded()).toBe(true);
    expect(
      await prisma.$queryRaw<{ count: bigint }[]>`
        SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier = 'backfill-image-widths'`,
    ).toEqual([{ count: 1n }]);
    await runDueJobs(process.env.DATABASE_URL as string, { only: ["backfill-image-widths"] });

    expect(await widthsOf(wide.id)).toEqual([320, 640, 960, 1280]);
    expect(await widthsOf(between.id)).toEqual([320, 640]);
    expect(await widthsOf(narrow.id)).toEqual([320, 640]);

    // The bytes are in the file store: a 960 px webp, the picture's proportions kept.
    const { stream } = await fileStore().open(`${wide.storagePrefix}/960.webp`);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const stored = await sharp(Buffer.concat(chunks)).metadata();
    expect(stored).toMatchObject({ format: "webp", width: 960, height: 192 });
    // And served at the variant's URL.
    const served = await variant(wide.id, "960.webp");
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(960);
    // Nothing was made for the others.
    expect((await variant(narrow.id, "960.webp")).status).toBe(404);
    expect((await variant(between.id, "960.webp")).status).toBe(404);

    // A second run changes nothing, and a restart queues nothing.
    const file = join(process.env.FILE_STORAGE_DIR ?? "", `${wide.storagePrefix}/960.webp`);
    const before = (await stat(file)).mtimeMs;
    expect(await backfillImageWidths()).toEqual({ images: 0, made: 0, skipped: 0 });
    expect(await widthsOf(wide.id)).toEqual([320, 640, 960, 1280]);
    expect((await stat(file)).mtimeMs).toBe(before);
    expect(await queueImageBackfillIfNeeded()).toBe(false);
  });

  it("two runs at once list each width once and lose none", async () => {
    const { shop } = await createListingForSale();
    const images = await Promise.all([1600, 2400, 1300].map((width) => storedBefore960(shop.id, width)));
    await Promise.all([backfillImageWidths(), backfillImageWidths()]);
    for (const image of images) expect(await widthsOf(image.id)).toEqual([320, 640, 960, 1280]);
  });
});
