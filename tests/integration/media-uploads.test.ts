// Sellers' file uploads through the real routes on the disk store: declared size and type checked,
// names cleaned, bytes streamed and kept when a body breaks off, resumed from what the server has,
// SHA-256 computed at completion, the seller's own download; another shop's upload, listing or file
// answers 404. Every refusal stores nothing. (media-uploads-s3.test.ts runs the same on S3.)
import { createHash, randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as fileRoute from "~/routes/dashboard.files.$fileId/route.ts";
import * as uploadsRoute from "~/routes/dashboard.uploads/route.ts";
import * as bytesRoute from "~/routes/dashboard.uploads.$uploadId.bytes/route.ts";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectResponse } from "../support/routes.ts";
import {
  answer,
  bodyOf,
  createUpload,
  uploadIntent as intent,
  sendBytes,
  uploadStatus as status,
} from "../support/uploads.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const MiB = 1024 * 1024;

async function seller() {
  const sale = await createListingForSale();
  return { ...sale, cookie: await signIn(sale.seller.id) };
}

const storedFiles = async () => {
  const root = process.env.FILE_STORAGE_DIR ?? "";
  const entries = await readdir(join(root, "uploads"), { recursive: true }).catch(() => [] as string[]);
  return entries.filter((entry) => /[0-9a-f-]{36}/.test(entry.split("/").pop() ?? ""));
};

/** A ZIP-looking file (the signature, then random bytes). */
const zipBytes = (size: number) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(size - 4)]);

describe("a file upload", { timeout: 60_000 }, () => {
  it("streams the declared bytes, completes with the file's SHA-256, and the seller downloads the same bytes", async () => {
    const { cookie, listing } = await seller();
    const bytes = zipBytes(3 * MiB + 123);
    const created = await createUpload(cookie, {
      listingId: listing.id,
      fileName: "Prompt pack (v2).zip",
      sizeBytes: String(bytes.byteLength),
    });
    expect(created.status).toBe(201);
    expect(created.body.upload).toMatchObject({
      fileName: "Prompt pack (v2).zip",
      contentType: "application/zip",
      receivedBytes: 0,
    });
    const uploadId = created.body.upload.id as string;

    const sent = await sendBytes(cookie, uploadId, 0, bodyOf(bytes));
    expect(sent).toMatchObject({ status: 200, body: { upload: { receivedBytes: bytes.byteLength } } });

    const done = await intent(cookie, uploadId, "complete");
    expect(done.status).toBe(200);
    expect(done.body.file).toMatchObject({
      fileName: "Prompt pack (v2).zip",
      sizeBytes: bytes.byteLength,
      sha256: sha256(bytes),
    });
    const file = await prisma.listingFile.findUniqueOrThrow({ where: { id: done.body.file.id } });
    expect(file).toMatchObject({
      listingId: listing.id,
      sha256: sha256(bytes),
      contentType: "application/zip",
    });
    // Completing again answers the same file.
    expect((await intent(cookie, uploadId, "complete")).body.file.id).toBe(file.id);

    const download = expectResponse(
      await callRoute(fileRoute.loader, requestAs(cookie, `/dashboard/files/${file.id}`), {
        fileId: file.id,
      }),
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toContain("Prompt%20pack%20(v2).zip");
    expect(download.headers.get("Repr-Digest")).toBe(
      `sha-256=:${createHash("sha256").update(bytes).digest("base64")}:`,
    );
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(bytes));
  });

  it("keeps what arrived when the body breaks off, and continues from there to the same SHA-256", async () => {
    const { cookie, listing } = await seller();
    const bytes = zipBytes(2 * MiB + 77);
    const { body } = await createUpload(cookie, {
      listingId: listing.id,
      fileName: "agent.zip",
      sizeBytes: String(bytes.byteLength),
    });
    const uploadId = body.upload.id as string;

    const broken = await sendBytes(cookie, uploadId, 0, bodyOf(bytes, MiB + 64 * 1024));
    expect(broken.status).toBe(200);
    expect(broken.body.message).toMatch(/connection broke off.*Continue from there/);
    expect(broken.body.upload.receivedBytes).toBe(MiB + 64 * 1024);

    // The client asks where to continue.
    const where = await status(cookie, uploadId);
    expect(where.body.upload).toMatchObject({ status: "RECEIVING", receivedBytes: MiB + 64 * 1024 });
    // Completing now is refused in words.
    const early = await intent(cookie, uploadId, "complete");
    expect(early.status).toBe(409);
    expect(early.body.result.error[""][0]).toMatch(/Only 1.1 MB of 2.1 MB have arrived/);
    // Sending from the wrong place is refused and says where to continue.
    const wrong = await sendBytes(cookie, uploadId, 0, bodyOf(bytes));
    expect(wrong.status).toBe(409);
    expect(wrong.body.message).toContain(`offset=${MiB + 64 * 1024}`);

    const offset = where.body.upload.receivedBytes as number;
    const rest = await sendBytes(cookie, uploadId, offset, bodyOf(bytes.subarray(offset)));
    expect(rest.body.upload.receivedBytes).toBe(bytes.byteLength);
    const done = await intent(cookie, uploadId, "complete");
    expect(done.body.file.sha256).toBe(sha256(bytes));
  });

  it("refuses a file declared larger than 2 GB, with a message, storing nothing", async () => {
    const { cookie, listing } = await seller();
    const before = await prisma.upload.count();
    const refused = await createUpload(cookie, {
      listingId: listing.id,
      fileName: "big.zip",
      sizeBytes: "2000000001",
    });
    expect(refused.status).toBe(400);
    expect(refused.body.result.error.sizeBytes[0]).toMatch(/at most 2 GB \(2,000,000,000 bytes\)/);
    for (const sizeBytes of ["0", "-5", "1.5", "lots"]) {
      const bad = await createUpload(cookie, { listingId: listing.id, fileName: "big.zip", sizeBytes });
      expect(bad.status, sizeBytes).toBe(400);
    }
    expect(await prisma.upload.count()).toBe(before);
  });

  it("refuses more bytes than declared: whole bodies before reading, streamed ones beyond the size", async () => {
    const { cookie, listing } = await seller();
    const bytes = zipBytes(200_000);
    const { body } = await createUpload(cookie, {
      listingId: listing.id,
      fileName: "pack.zip",
      sizeBytes: "100000",
    });
    const uploadId = body.upload.id as string;

    const declared = await sendBytes(cookie, uploadId, 0, bytes, {
      "Content-Length": String(bytes.byteLength),
    });
    expect(declared.status).toBe(413);
    expect(declared.body.message).toMatch(
      /more than the 100 kB \(100000 bytes\) declared for pack.zip. Nothing was stored/,
    );
    expect((await status(cookie, uploadId)).body.upload.receivedBytes).toBe(0);

    const streamed = await sendBytes(cookie, uploadId, 0, bodyOf(bytes));
    expect(streamed.status).toBe(413);
    expect(streamed.body.message).toMatch(/larger than the 100 kB/);
    expect(streamed.body.upload.receivedBytes).toBe(100_000);
    const done = await intent(cookie, uploadId, "complete");
    expect(done.body.file).toMatchObject({ sizeBytes: 100_000, sha256: sha256(bytes.subarray(0, 100_000)) });
  });

  it("refuses types off the allowlist by name, and files whose bytes do not match their name", async () => {
    const { cookie, listing } = await seller();
    const before = await prisma.upload.count();
    for (const fileName of ["setup.exe", "script.sh", "page.html", "noextension", ".zip"]) {
      const refused = await createUpload(cookie, { listingId: listing.id, fileName, sizeBytes: "100" });
      expect(refused.status, fileName).toBe(400);
      expect(refused.body.result.error.fileName[0], fileName).toMatch(
        /cannot be uploaded|needs an extension|needs a name/,
      );
    }
    expect(await prisma.upload.count()).toBe(before);

    const filesBefore = await storedFiles();
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(5000),
    ]);
    const { body } = await createUpload(cookie, {
      listingId: listing.id,
      fileName: "guide.pdf",
      sizeBytes: String(png.byteLength),
    });
    const uploadId = body.upload.id as string;
    const refused = await sendBytes(cookie, uploadId, 0, bodyOf(png));
    expect(refused.status).toBe(415);
    expect(refused.body.message).toMatch(/This file is not a PDF: its content does not match its .pdf name/);
    expect((await status(cookie, uploadId)).body.upload).toMatchObject({
      status: "FAILED",
      receivedBytes: 0,
    });
    expect((await intent(cookie, uploadId, "complete")).status).toBe(409);
    expect(await prisma.listingFile.count({ where: { listingId: listing.id, fileName: "guide.pdf" } })).toBe(
      0,
    );
    // Only the partial files of other uploads remain; this one's is gone.
    expect((await storedFiles()).filter((entry) => !filesBefore.includes(entry))).toEqual([]);
  });

  it("cleans up names: path traversal, control and direction characters, device names; keeps them readable", async () => {
    const { cookie, listing } = await seller();
    const cases: [string, string][] = [
      ["../../etc/passwd.txt", "passwd.txt"],
      ["..\\..\\windows\\notes.md", "notes.md"],
      ["CON.txt", "_CON.txt"],
      ["  Résumé  template\u200B.PDF ", "Résumé template.pdf"],
      ["what?<now>.csv", "what__now_.csv"],
      ["..hidden.json", "hidden.json"],
    ];
    for (const [raw, clean] of cases) {
      const created = await createUpload(cookie, { listingId: listing.id, fileName: raw, sizeBytes: "10" });
      expect(created.status, raw).toBe(201);
      expect(created.body.upload.fileName, raw).toBe(clean);
      const upload = await prisma.upload.findUniqueOrThrow({ where: { id: created.body.upload.id } });
      expect(upload.storageKey).toMatch(/^uploads\/[a-z0-9]+\/[0-9a-f-]{36}$/);
      await intent(cookie, upload.id, "cancel");
    }
    for (const raw of ["invoice\u202Etxt.exe", "a\u0000b.md", "../../../"]) {
      const refused = await createUpload(cookie, { listingId: listing.id, fileName: raw, sizeBytes: "10" });
      expect(refused.status, JSON.stringify(raw)).toBe(400);
    }
  });

  it("answers 404 for another shop's listing, upload and file, exactly like missing ones", async () => {
    const a = await seller();
    const b = await seller();
    const { body } = await createUpload(a.cookie, {
      listingId: a.listing.id,
      fileName: "a.txt",
      sizeBytes: "5",
    });
    const uploadId = body.upload.id as string;

    const foreignListing = await createUpload(b.cookie, {
      listingId: a.listing.id,
      fileName: "b.txt",
      sizeBytes: "5",
    });
    expect(foreignListing.status).toBe(404);
    expect(foreignListing.body.result.error[""][0]).toBe("That listing was not found.");
    expect((await status(b.cookie, uploadId)).status).toBe(404);
    expect((await sendBytes(b.cookie, uploadId, 0, Buffer.from("hello"))).status).toBe(404);
    expect((await intent(b.cookie, uploadId, "complete")).status).toBe(404);
    expect((await intent(b.cookie, uploadId, "cancel")).status).toBe(404);
    const missing = await status(b.cookie, "cmissing00000000000000000");
    expect(missing).toEqual({ status: 404, body: { message: "That upload was not found." } });
    expect((await status(b.cookie, uploadId)).body).toEqual(missing.body);

    const foreignFile = expectResponse(
      await callRoute(fileRoute.loader, requestAs(b.cookie, `/dashboard/files/${a.file.id}`), {
        fileId: a.file.id,
      }),
    );
    expect(foreignFile.status).toBe(404);
    // A's upload is untouched and still A's to finish.
    expect((await sendBytes(a.cookie, uploadId, 0, Buffer.from("hello"))).body.upload.receivedBytes).toBe(5);
    expect((await intent(a.cookie, uploadId, "complete")).body.file.sha256).toBe(
      sha256(Buffer.from("hello")),
    );
  });

  it("lists unfinished uploads so a page can resume one, and cancelling removes its bytes", async () => {
    const { cookie, listing } = await seller();
    const bytes = zipBytes(300_000);
    const { body } = await createUpload(cookie, {
      listingId: listing.id,
      fileName: "later.zip",
      sizeBytes: String(bytes.byteLength),
    });
    await sendBytes(cookie, body.upload.id, 0, bodyOf(bytes, 128 * 1024));
    const listed = await answer(
      await callRoute(uploadsRoute.loader, requestAs(cookie, `/dashboard/uploads?listingId=${listing.id}`)),
    );
    expect(listed.body.uploads).toEqual([
      expect.objectContaining({
        id: body.upload.id,
        fileName: "later.zip",
        receivedBytes: 128 * 1024,
        status: "RECEIVING",
      }),
    ]);
    expect((await intent(cookie, body.upload.id, "cancel")).status).toBe(200);
    expect(await prisma.upload.count({ where: { id: body.upload.id } })).toBe(0);
  });

  it("takes only application/octet-stream bodies and a valid offset", async () => {
    const { cookie, listing } = await seller();
    const { body } = await createUpload(cookie, { listingId: listing.id, fileName: "a.txt", sizeBytes: "5" });
    const form = await answer(
      await callRoute(
        bytesRoute.action,
        requestAs(cookie, `/dashboard/uploads/${body.upload.id}/bytes?offset=0`, {
          method: "POST",
          body: new URLSearchParams({ a: "b" }),
        }),
        { uploadId: body.upload.id },
      ),
    );
    expect(form.status).toBe(415);
    expect(form.body.message).toMatch(/application\/octet-stream/);
    for (const offset of ["-1", "x", "1e99", ""]) {
      const response = expectResponse(
        await callRoute(
          bytesRoute.action,
          requestAs(cookie, `/dashboard/uploads/${body.upload.id}/bytes?offset=${offset}`, {
            method: "POST",
            headers: { "Content-Type": "application/octet-stream" },
            body: "hello",
          }),
          { uploadId: body.upload.id },
        ),
      );
      expect(response.status, offset).toBe(offset === "" ? 200 : 400);
      if (offset === "") break; // an empty offset reads as 0: the body was accepted
    }
  });
});
