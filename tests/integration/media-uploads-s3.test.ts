// The same uploads with S3 as the file store (an in-process s3rver, as in file-store.test.ts): the
// bytes go up as multipart parts recorded in Upload.parts, an interrupted body resumes after the last
// whole part, completion assembles the object and its SHA-256 is the file's; a refused file aborts
// the multipart upload; images' variants live in the bucket too.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type S3Client,
} from "@aws-sdk/client-s3";
// @ts-expect-error s3rver 3.7 ships no type declarations; the part used here is typed below.
import S3rverModule from "s3rver";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createS3Client, PART_BYTES } from "~/integrations/s3-store.server.ts";
import * as fileRoute from "~/routes/dashboard.files.$fileId/route.ts";
import * as uploadsRoute from "~/routes/dashboard.uploads/route.ts";
import * as uploadRoute from "~/routes/dashboard.uploads.$uploadId/route.ts";
import * as bytesRoute from "~/routes/dashboard.uploads.$uploadId.bytes/route.ts";
import * as imageUploadRoute from "~/routes/dashboard.uploads.images/route.ts";
import * as imagesRoute from "~/routes/images.$imageId.$variant/route.ts";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectResponse } from "../support/routes.ts";

type S3rverServer = { run(): Promise<AddressInfo>; close(): Promise<void>; httpServer: Server };
const S3rver = S3rverModule as new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverServer;
const BUCKET = "stapel-media-test";

let app: Awaited<ReturnType<typeof startTestApp>>;
let scratchDir: string;
let s3rver: S3rverServer;
let s3: S3Client;
beforeAll(async () => {
  app = await startTestApp();
  scratchDir = await mkdtemp(join(tmpdir(), "stapel-media-s3-"));
  s3rver = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: scratchDir,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await s3rver.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // Before anything reads the settings: the app's fileStore() is then the S3 store.
  Object.assign(process.env, {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: endpoint,
    S3_FORCE_PATH_STYLE: "true",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  });
  s3 = createS3Client({
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
});
afterAll(async () => {
  s3?.destroy();
  s3rver?.httpServer?.closeAllConnections();
  await s3rver?.close();
  await rm(scratchDir, { recursive: true, force: true });
  await app.stop();
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const MiB = 1024 * 1024;
// biome-ignore lint/suspicious/noExplicitAny: the test reads answers loosely
type Json = Record<string, any>;

async function answer(outcome: Awaited<ReturnType<typeof callRoute>>) {
  const response = expectResponse(outcome);
  return { status: response.status, body: (await response.json()) as Json };
}

function bodyOf(bytes: Buffer, breakAfter?: number): ReadableStream<Uint8Array> {
  let position = 0;
  const end = breakAfter ?? bytes.byteLength;
  return new ReadableStream({
    pull(controller) {
      if (position >= end) {
        if (breakAfter !== undefined) controller.error(new Error("aborted"));
        else controller.close();
        return;
      }
      const next = Math.min(end, position + 256 * 1024);
      controller.enqueue(new Uint8Array(bytes.subarray(position, next)));
      position = next;
    },
  });
}

const sendBytes = async (
  cookie: string,
  uploadId: string,
  offset: number,
  body: ReadableStream<Uint8Array>,
) =>
  answer(
    await callRoute(
      bytesRoute.action,
      requestAs(cookie, `/dashboard/uploads/${uploadId}/bytes?offset=${offset}`, {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream" },
        body,
        duplex: "half",
      } as RequestInit),
      { uploadId },
    ),
  );

const create = async (cookie: string, listingId: string, fileName: string, sizeBytes: number) =>
  answer(
    await callRoute(
      uploadsRoute.action,
      requestAs(cookie, "/dashboard/uploads", {
        method: "POST",
        body: new URLSearchParams({ listingId, fileName, sizeBytes: String(sizeBytes) }),
      }),
    ),
  );

const intent = async (cookie: string, uploadId: string, value: "complete" | "cancel") =>
  answer(
    await callRoute(
      uploadRoute.action,
      requestAs(cookie, `/dashboard/uploads/${uploadId}`, {
        method: "POST",
        body: new URLSearchParams({ intent: value }),
      }),
      { uploadId },
    ),
  );

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

    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: row.storageKey }));
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
      s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: failed.storageKey })),
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
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: image.storagePrefix }));
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
