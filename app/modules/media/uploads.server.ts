import { randomUUID } from "node:crypto";
import type { Upload } from "~/generated/prisma/client.ts";
import {
  FileNotFoundError,
  fileStore,
  hashStoredFile,
  type ResumableWrite,
  type UploadedPart,
} from "~/integrations/storage.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { checkFileName, checkFileStart, formatBytes } from "./file-types.ts";

/** Unfinished uploads a shop may have at once: enough for a listing's files, not a disk to fill. */
const MAX_OPEN_UPLOADS = 20;

/** What the seller's page shows about an upload, and what a client needs to resume it. */
export type UploadView = {
  id: string;
  listingId: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  receivedBytes: number;
  status: "RECEIVING" | "COMPLETE" | "FAILED";
  failure: string | null;
};

export type CompletedFile = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
};

const view = (upload: Upload): UploadView => ({
  id: upload.id,
  listingId: upload.listingId,
  fileName: upload.fileName,
  contentType: upload.contentType,
  sizeBytes: Number(upload.sizeBytes),
  receivedBytes: Number(upload.receivedBytes),
  status: upload.status,
  failure: upload.failure,
});

const writeOf = (upload: Upload): ResumableWrite => ({
  key: upload.storageKey,
  contentType: upload.contentType,
  s3UploadId: upload.s3UploadId,
  parts: (upload.parts ?? []) as UploadedPart[],
  receivedBytes: Number(upload.receivedBytes),
  sizeBytes: Number(upload.sizeBytes),
});

const notFound = { ok: false, refusal: "not-found", message: "That upload was not found." } as const;

/** The shop's own upload; another shop's looks exactly like a missing one. */
function findUpload(shopId: string, uploadId: string) {
  return prisma.upload.findFirst({ where: { id: uploadId, shopId } });
}

export type CreateUploadOutcome =
  | { ok: true; upload: UploadView }
  | { ok: false; refusal: "not-found" | "too-many" | "bad-name"; message: string };

/**
 * Starts an upload of a file for one of the shop's listings: the name is cleaned up and its type
 * decided by the extension (the browser's Content-Type is not trusted), the size is declared now and
 * every byte later is checked against it. Nothing is attached to the listing until completion.
 */
export async function createUpload(
  shopId: string,
  input: { listingId: string; fileName: string; sizeBytes: number },
): Promise<CreateUploadOutcome> {
  const name = checkFileName(input.fileName);
  if (!name.ok) return { ok: false, refusal: "bad-name", message: name.message };
  const listing = await prisma.listing.findFirst({
    where: { id: input.listingId, shopId },
    select: { id: true },
  });
  if (!listing) return { ok: false, refusal: "not-found", message: "That listing was not found." };
  const open = await prisma.upload.count({ where: { shopId, status: "RECEIVING" } });
  if (open >= MAX_OPEN_UPLOADS) {
    return {
      ok: false,
      refusal: "too-many",
      message: `You have ${open} unfinished uploads. Finish or cancel some of them before starting another.`,
    };
  }
  // Opaque keys: the seller's file name never becomes a path.
  const storageKey = `uploads/${shopId}/${randomUUID()}`;
  const { s3UploadId } = await fileStore().startResumable(storageKey, name.contentType);
  const upload = await prisma.upload.create({
    data: {
      shopId,
      listingId: listing.id,
      fileName: name.fileName,
      contentType: name.contentType,
      sizeBytes: BigInt(input.sizeBytes),
      storageKey,
      s3UploadId,
    },
  });
  return { ok: true, upload: view(upload) };
}

export async function uploadStatus(shopId: string, uploadId: string) {
  const upload = await findUpload(shopId, uploadId);
  return upload ? { ok: true as const, upload: view(upload) } : notFound;
}

/** The shop's unfinished (and recently failed) uploads, newest first, so a page can offer to resume. */
export async function listOpenUploads(shopId: string, listingId?: string): Promise<UploadView[]> {
  const uploads = await prisma.upload.findMany({
    where: { shopId, status: { in: ["RECEIVING", "FAILED"] }, ...(listingId ? { listingId } : {}) },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return uploads.map(view);
}

export type ReceiveOutcome =
  | { ok: true; upload: UploadView; interrupted: boolean }
  | {
      ok: false;
      refusal: "not-found" | "finished" | "wrong-offset" | "too-large" | "busy" | "wrong-content";
      message: string;
      upload?: UploadView;
    };

/** Uploads whose bytes this process is receiving now: one request at a time per upload. */
const receiving = new Set<string>();

/**
 * Stores one request body's bytes of an upload, starting at `offset`, which must be exactly what
 * the server already has (the client asks with uploadStatus first when it resumes). The body goes
 * chunk by chunk to the store; whatever arrives is kept and recorded, also when the body breaks off.
 * Bytes beyond the declared size are refused; a first chunk that does not fit the file's type fails
 * the upload and removes what was stored.
 */
export async function receiveBytes(
  shopId: string,
  uploadId: string,
  input: { offset: number; contentLength: number | null; body: AsyncIterable<Uint8Array> },
): Promise<ReceiveOutcome> {
  const upload = await findUpload(shopId, uploadId);
  if (!upload) return notFound;
  if (upload.status !== "RECEIVING") {
    return {
      ok: false,
      refusal: "finished",
      upload: view(upload),
      message:
        upload.status === "COMPLETE"
          ? "This upload is already complete."
          : `This upload failed and cannot continue: ${upload.failure ?? "start it again."}`,
    };
  }
  const write = writeOf(upload);
  if (input.offset !== write.receivedBytes) {
    return {
      ok: false,
      refusal: "wrong-offset",
      upload: view(upload),
      message: `The server has ${write.receivedBytes} bytes of this file: continue from there (offset=${write.receivedBytes}).`,
    };
  }
  if (input.contentLength !== null && input.offset + input.contentLength > write.sizeBytes) {
    return {
      ok: false,
      refusal: "too-large",
      upload: view(upload),
      message: `This is more than the ${formatBytes(write.sizeBytes)} (${write.sizeBytes} bytes) declared for ${upload.fileName}. Nothing was stored.`,
    };
  }
  if (receiving.has(upload.id)) {
    return {
      ok: false,
      refusal: "busy",
      upload: view(upload),
      message: "This file is already being sent in another request. Wait for it, then continue.",
    };
  }
  receiving.add(upload.id);
  try {
    const extension = upload.fileName.slice(upload.fileName.lastIndexOf(".") + 1).toLowerCase();
    const appended = await fileStore().appendResumable(write, input.body, {
      checkStart: (start) => checkFileStart(extension, start),
      onProgress: async ({ receivedBytes, parts }) => {
        await prisma.upload.update({
          where: { id: upload.id },
          data: { receivedBytes: BigInt(receivedBytes), parts },
        });
      },
    });
    if (appended.stopped?.reason === "refused") {
      await fileStore().abortResumable(write);
      const failed = await prisma.upload.update({
        where: { id: upload.id },
        data: { status: "FAILED", failure: appended.stopped.message, receivedBytes: 0n, parts: [] },
      });
      return { ok: false, refusal: "wrong-content", upload: view(failed), message: appended.stopped.message };
    }
    const saved = await prisma.upload.update({
      where: { id: upload.id },
      data: { receivedBytes: BigInt(appended.receivedBytes), parts: appended.parts },
    });
    if (appended.stopped?.reason === "too-long") {
      return {
        ok: false,
        refusal: "too-large",
        upload: view(saved),
        message: `The file sent is larger than the ${formatBytes(write.sizeBytes)} (${write.sizeBytes} bytes) declared for ${upload.fileName}; the bytes beyond were not stored.`,
      };
    }
    return { ok: true, upload: view(saved), interrupted: appended.stopped?.reason === "interrupted" };
  } finally {
    receiving.delete(upload.id);
  }
}

export type CompleteOutcome =
  | { ok: true; file: CompletedFile }
  | { ok: false; refusal: "not-found" | "incomplete" | "failed"; message: string };

/**
 * Finishes an upload whose every byte is stored: the file is assembled in the store, its SHA-256
 * computed by reading it back as a stream, and it becomes a ListingFile of the listing. Completing
 * again answers the same file.
 */
export async function completeUpload(shopId: string, uploadId: string): Promise<CompleteOutcome> {
  const upload = await findUpload(shopId, uploadId);
  if (!upload) return notFound;
  if (upload.status === "COMPLETE") {
    const file = await prisma.listingFile.findUnique({ where: { storageKey: upload.storageKey } });
    if (file) return { ok: true, file: fileView(file) };
  }
  if (upload.status === "FAILED") {
    return { ok: false, refusal: "failed", message: upload.failure ?? "This upload failed: start it again." };
  }
  const write = writeOf(upload);
  if (write.receivedBytes < write.sizeBytes) {
    return {
      ok: false,
      refusal: "incomplete",
      message: `Only ${formatBytes(write.receivedBytes)} of ${formatBytes(write.sizeBytes)} have arrived. Send the rest (from byte ${write.receivedBytes}) first.`,
    };
  }
  const listing = upload.listingId
    ? await prisma.listing.findFirst({ where: { id: upload.listingId, shopId }, select: { id: true } })
    : null;
  if (!listing)
    return { ok: false, refusal: "not-found", message: "The listing of this upload was not found." };
  if (receiving.has(upload.id)) {
    return {
      ok: false,
      refusal: "incomplete",
      message: "This file is still being received. Wait for it to finish.",
    };
  }

  const store = fileStore();
  try {
    await store.completeResumable(write);
  } catch (error) {
    // A completion that got this far before (then failed to record) left the file in place already.
    const already = await store.open(write.key).then(
      (opened) => {
        opened.stream.destroy();
        return true;
      },
      () => false,
    );
    if (!already) throw error;
  }
  let hashed: { sha256: string; sizeBytes: number };
  try {
    hashed = await hashStoredFile(store, write.key);
  } catch (error) {
    if (!(error instanceof FileNotFoundError)) throw error;
    const failure = "The uploaded bytes could not be found in storage. Please upload the file again.";
    await prisma.upload.update({ where: { id: upload.id }, data: { status: "FAILED", failure } });
    return { ok: false, refusal: "failed", message: failure };
  }
  if (hashed.sizeBytes !== write.sizeBytes) {
    const failure = `The stored file has ${hashed.sizeBytes} bytes instead of the ${write.sizeBytes} declared. Please upload it again.`;
    await store.remove(write.key);
    await prisma.upload.update({ where: { id: upload.id }, data: { status: "FAILED", failure } });
    return { ok: false, refusal: "failed", message: failure };
  }
  const file = await prisma.$transaction(async (tx) => {
    await tx.upload.update({ where: { id: upload.id }, data: { status: "COMPLETE", parts: [] } });
    return tx.listingFile.create({
      data: {
        listingId: listing.id,
        fileName: upload.fileName,
        contentType: upload.contentType,
        sizeBytes: hashed.sizeBytes,
        storageKey: upload.storageKey,
        sha256: hashed.sha256,
      },
    });
  });
  return { ok: true, file: fileView(file) };
}

/** Gives up an unfinished upload: its stored bytes are removed and it is forgotten. */
export async function cancelUpload(
  shopId: string,
  uploadId: string,
): Promise<{ ok: true } | typeof notFound> {
  const upload = await findUpload(shopId, uploadId);
  if (!upload || upload.status === "COMPLETE") return notFound;
  if (receiving.has(upload.id)) receiving.delete(upload.id);
  await fileStore().abortResumable(writeOf(upload));
  await prisma.upload.delete({ where: { id: upload.id } });
  return { ok: true };
}

function fileView(file: {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}) {
  return {
    id: file.id,
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
  };
}
