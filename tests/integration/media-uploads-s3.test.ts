// The same uploads with S3 as the file store (an in-process s3rver, as in file-store.test.ts): the
// bytes go up as multipart parts recorded in Upload.parts, an interrupted body resumes after the last
// whole part, completion assembles the object and its SHA-256 is the file's; a refused file aborts
// the multipart upload; images' variants live in the bucket too.
import { createHash, randomBytes } from "node:crypto";
import { HeadObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PART_BYTES } from "~/integrations/s3-store.server.ts";
import * as fileRoute from "~/routes/dashboard.files.$fileId/route.ts";
import * as imageUploadRoute from "~/routes/dashboard.uploads.images/route.ts";
import * as imagesRoute from "~/routes/images.$imageId.$variant/route.ts";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, requestAs, signIn } from "../support/fixtures.ts";
import { type LocalS3, startLocalS3 } from "../support/local-s3.ts";
import { callRoute, expectResponse } from "../support/routes.ts";
import {
  answer,
  createUpload,
  uploadIntent as intent,
  type Json,
  sendBytes,
  bodyOf as uploadBody,
} from "../support/uploads.ts";

const BUCKET = "stapel-media-test";

let app: Awaited<ReturnType<typeof startTestApp>>;
let s3: LocalS3;
beforeAll(async () => {
  app = await startTestApp();
  s3 = await startLocalS3(BUCKET);
  // Before anything reads the settings: the app's fileStore() is then the S3 store.
  Object.assign(process.env, s3.settings);
});
afterAll(async () => {
  await s3?.stop();
  await app.stop();
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const MiB = 1024 * 1024;
const bodyOf = (bytes: Buffer, breakAfter?: number) => uploadBody(bytes, breakAfter, 256 * 1024);
const create = async (cookie: string, listingId: string, fileName: string, sizeBytes: number) =>
  createUpload(cookie, { listingId, fileName, sizeBytes: String(sizeBytes) });

describe("uploads on S3", { timeout: 120_000 }, () => {
  it("sends multipart parts, resumes after the last whole part, and completes to the same SHA-256", async () => {
    expect(env().S3_BUCKET).toBe(BUCKET);
    const sale = await createListingForSale();
    const cookie = await signIn(sale.seller.id);
    const bytes = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(20 * MiB)]);
    const created = await create(cookie, sale.listing.id, "Workbook.pdf", bytes.byteLength);
    expect(created.status).toBe(201);
    const uploadId = created.body.upload.id as string;
    const row = await prisma.upload.findUniqueOrThrow({ where: { id: uploadId } });
    expect(row.s3UploadId).toBeTruthy();

    // 11 MiB arrive, then the connection breaks: one whole 8 MiB part is kept, the rest is sent again.
    const broken = await sendBytes(cookie, uploadId, 0, bodyOf(bytes, 11 * MiB));
    expect(broken.status).toBe(200);
    expect(broken.body.upload.receivedBytes).toBe(PART_BYTES);
    const parts = (await prisma.upload.findUniqueOrThrow({ where: { id: uploadId } })).parts as Json[];
    expect(parts).toEqual([{ partNumber: 1, etag: expect.any(String), size: PART_BYTES }]);

    const rest = await sendBytes(cookie, uploadId, PART_BYTES, bodyOf(bytes.subarray(PART_BYTES)));
    expect(rest.body.upload.receivedBytes).toBe(bytes.byteLength);
    const done = await intent(cookie, uploadId, "complete");
    expect(done.status).toBe(200);
    expect(done.body.file).toMatchObject({ sizeBytes: bytes.byteLength, sha256: sha256(bytes) });

    const head = await s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: row.storageKey }));
    expect(head.ContentLength).toBe(bytes.byteLength);
    expect(head.ContentType).toBe("application/pdf");
    const download = expectResponse(
      await callRoute(fileRoute.loader, requestAs(cookie, `/dashboard/files/${done.body.file.id}`), {
        fileId: done.body.file.id,
      }),
    );
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(bytes));
  });

  it("gives up the multipart upload of a file whose bytes do not match its name, and of a cancelled one", async () => {
    const sale = await createListingForSale();
    const cookie = await signIn(sale.seller.id);
    // s3rver does not implement AbortMultipartUpload (real S3 does); the abort is best effort and warns.
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const fake = randomBytes(1000);
    const created = await create(cookie, sale.listing.id, "archive.zip", fake.byteLength);
    const refused = await sendBytes(cookie, created.body.upload.id, 0, bodyOf(fake));
    expect(refused.status).toBe(415);
    expect(refused.body.message).toMatch(/not a ZIP archive/);
    const failed = await prisma.upload.findUniqueOrThrow({ where: { id: created.body.upload.id } });
    expect(failed).toMatchObject({ status: "FAILED", receivedBytes: 0n, parts: [] });
    await expect(
      s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: failed.storageKey })),
    ).rejects.toThrow();

    const other = await create(cookie, sale.listing.id, "notes.txt", 10);
    expect((await intent(cookie, other.body.upload.id, "cancel")).status).toBe(200);
    expect(await prisma.upload.count({ where: { id: other.body.upload.id } })).toBe(0);
    expect(warnings.mock.calls.map((call) => String(call[0]))).toEqual([
      expect.stringMatching(/Could not abort the multipart upload of uploads\//),
      expect.stringMatching(/Could not abort the multipart upload of uploads\//),
    ]);
    warnings.mockRestore();
  });

  it("stores image variants in the bucket and serves them", async () => {
    const sale = await createListingForSale();
    const cookie = await signIn(sale.seller.id);
    const png = await sharp({ create: { width: 700, height: 350, channels: 3, background: "#3366cc" } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.set("alt", "A blue banner");
    form.set("image", new Blob([png]), "banner.png");
    const probe = new Request("http://stapel.test/", { method: "POST", body: form });
    const body = Buffer.from(await probe.arrayBuffer());
    const uploaded = await answer(
      await callRoute(
        imageUploadRoute.action,
        requestAs(cookie, "/dashboard/uploads/images", {
          method: "POST",
          body,
          headers: {
            "Content-Type": probe.headers.get("Content-Type") ?? "",
            "Content-Length": String(body.byteLength),
          },
        }),
      ),
    );
    expect(uploaded.body.image.widths).toEqual([320, 640]);
    const image = await prisma.image.findUniqueOrThrow({ where: { id: uploaded.body.image.id } });
    const listed = await s3.client.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: image.storagePrefix }),
    );
    expect(listed.Contents?.map((object) => object.Key).sort()).toEqual([
      `${image.storagePrefix}/320.webp`,
      `${image.storagePrefix}/640.webp`,
    ]);
    const served = expectResponse(
      await callRoute(imagesRoute.loader, requestAs(null, `/images/${image.id}/320.webp`), {
        imageId: image.id,
        variant: "320.webp",
      }),
    );
    expect(await sharp(Buffer.from(await served.arrayBuffer())).metadata()).toMatchObject({
      width: 320,
      height: 160,
    });
  });
});
