import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { type Env, env } from "~/utils/env.server.ts";
import type { S3Settings } from "./s3-store.server.ts";

/** Where paid files live. Keys are opaque paths; nothing in the store is ever served publicly. */
export interface FileStore {
  put(key: string, body: Buffer, contentType: string): Promise<{ sizeBytes: number; sha256: string }>;
  open(key: string): Promise<{ stream: Readable; sizeBytes: number }>;
  /**
   * How a buyer's download gets the file: on S3 a short-lived presigned GET that the browser follows
   * (the bytes never pass through Stapel; S3 answers ranges itself); on disk the bytes, read lazily
   * (a range at a time) with backpressure. The one place that knows which.
   */
  deliver(key: string, options: DeliverOptions): Promise<Delivery>;
  remove(key: string): Promise<void>;
  /**
   * Resumable writes for large uploads, spread over several requests: `startResumable` once,
   * `appendResumable` for each request body (from `receivedBytes` on), `completeResumable` when every
   * byte is there (only then does `open(key)` find the file), or `abortResumable`. The caller keeps
   * the `ResumableWrite` between requests (the Upload row). Bodies are consumed chunk by chunk, so
   * memory stays bounded whatever the file's size.
   */
  startResumable(key: string, contentType: string): Promise<{ s3UploadId: string | null }>;
  appendResumable(
    write: ResumableWrite,
    body: AsyncIterable<Uint8Array>,
    options: AppendOptions,
  ): Promise<AppendOutcome>;
  completeResumable(write: ResumableWrite): Promise<void>;
  abortResumable(write: ResumableWrite): Promise<void>;
}

export type DeliverOptions = {
  /** The Content-Disposition the download must carry (S3 sets it from the presigned URL). */
  contentDisposition: string;
  contentType: string;
  /** How long a presigned URL stays valid. */
  expiresInSeconds: number;
};

export type Delivery =
  | { kind: "redirect"; url: string }
  | {
      kind: "stream";
      /** The stored file's size, from the file itself. */
      sizeBytes: number;
      /** A read stream over bytes start..end (inclusive), or the whole file. Nothing is read before. */
      read(range?: { start: number; end: number }): Readable;
    };

/** Bytes per read on disk: 1 MiB chunks are about twice as fast as Node's 64 KiB default. */
export const DOWNLOAD_CHUNK_BYTES = 1024 * 1024;

/** One part of an S3 multipart upload, as recorded in Upload.parts. */
export type UploadedPart = { partNumber: number; etag: string; size: number };

/** What a resumable write has so far: kept by the caller between requests. */
export type ResumableWrite = {
  key: string;
  contentType: string;
  /** The S3 multipart upload's id; null on disk. */
  s3UploadId: string | null;
  parts: UploadedPart[];
  /** Bytes safely stored so far: the next append starts here. */
  receivedBytes: number;
  /** The file's declared size: an append never stores beyond it. */
  sizeBytes: number;
};

export type AppendOptions = {
  /** Called whenever more bytes are safely stored, so the caller can record them (at most every few MiB). */
  onProgress?: (progress: { receivedBytes: number; parts: UploadedPart[] }) => Promise<void>;
  /** Called with the first bytes of the file (offset 0) before they are stored; a refusal stops the append. */
  checkStart?: (firstBytes: Buffer) => string | null;
};

export type AppendOutcome = {
  receivedBytes: number;
  parts: UploadedPart[];
  /**
   * Why the append stopped before its body ended: the body broke off (the client went away), it held
   * more bytes than declared, or the first bytes were refused. Everything before stays stored.
   */
  stopped: null | { reason: "interrupted" } | { reason: "too-long" } | { reason: "refused"; message: string };
};

/** Bytes the first-bytes check sees (every magic number we check fits). */
export const START_BYTES = 64;

export class FileNotFoundError extends Error {}

/**
 * Keys are relative paths such as `listings/<id>/pack.md`. Every store refuses the same keys (empty,
 * `.` or `..` segments, a leading slash, backslashes), so a key that works on disk works on S3.
 */
export function assertValidKey(key: string): void {
  const segments = key.split("/");
  if (key.includes("\\") || segments.some((part) => part === "" || part === "." || part === "..")) {
    throw new Error(`Invalid storage key: ${key}`);
  }
}

/** Local-disk store: the default, and fine for one server or a shared volume. */
export function createDiskFileStore(rootDir: string): FileStore {
  const root = resolve(rootDir);
  const pathFor = (key: string) => {
    assertValidKey(key);
    const path = resolve(root, key);
    // Keys come from our database, but a path outside the root must never be reachable.
    if (!path.startsWith(root + sep)) throw new Error(`Invalid storage key: ${key}`);
    return path;
  };
  return {
    async put(key, body) {
      const path = pathFor(key);
      await mkdir(dirname(path), { recursive: true });
      // Unique per write: two writes of one key at once (in one process too) each rename their own.
      const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
      await writeFile(temporary, body);
      await rename(temporary, path);
      return { sizeBytes: body.byteLength, sha256: createHash("sha256").update(body).digest("hex") };
    },
    async open(key) {
      const path = pathFor(key);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) throw new FileNotFoundError(key);
      return { stream: createReadStream(path, { highWaterMark: 1024 * 1024 }), sizeBytes: info.size };
    },
    async deliver(key) {
      const path = pathFor(key);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) throw new FileNotFoundError(key);
      return {
        kind: "stream",
        sizeBytes: info.size,
        read: (range) => createReadStream(path, { highWaterMark: DOWNLOAD_CHUNK_BYTES, ...range }),
      };
    },
    async remove(key) {
      await rm(pathFor(key), { force: true });
    },
    async startResumable(key) {
      const path = pathFor(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(`${path}.partial`, "");
      return { s3UploadId: null };
    },
    async appendResumable(write, body, options) {
      const partial = `${pathFor(write.key)}.partial`;
      const file = await open(partial, "r+").catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") throw new FileNotFoundError(write.key);
        throw error;
      });
      let received = write.receivedBytes;
      let sinceReported = 0;
      try {
        // Bytes past what the caller recorded (a crash between a write and its record) are not
        // trusted: the client resends from the recorded offset.
        await file.truncate(received);
        // Request chunks are small (16-64 KiB): write them in batches of up to 1 MiB, which is
        // several times faster than a write per chunk. Whatever arrived is written before returning.
        let pending: Buffer[] = [];
        let pendingBytes = 0;
        const flush = async () => {
          if (pendingBytes === 0) return;
          const batch = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingBytes);
          pending = [];
          pendingBytes = 0;
          await file.write(batch, 0, batch.byteLength, received);
          received += batch.byteLength;
          sinceReported += batch.byteLength;
          if (sinceReported >= PROGRESS_EVERY_BYTES) {
            sinceReported = 0;
            await file.datasync();
            await options.onProgress?.({ receivedBytes: received, parts: [] });
          }
        };
        const outcome = await consumeBody(body, write, options, async (chunk) => {
          pending.push(chunk);
          pendingBytes += chunk.byteLength;
          if (pendingBytes >= WRITE_BATCH_BYTES) await flush();
        });
        await flush();
        await file.datasync();
        return { receivedBytes: received, parts: [], stopped: outcome };
      } finally {
        await file.close();
      }
    },
    async completeResumable(write) {
      const path = pathFor(write.key);
      await rename(`${path}.partial`, path);
    },
    async abortResumable(write) {
      const path = pathFor(write.key);
      await rm(`${path}.partial`, { force: true });
    },
  };
}

/** Bytes collected before one disk write. */
const WRITE_BATCH_BYTES = 1024 * 1024;
/** How often (in bytes) an append reports progress on disk; S3 reports every part. */
const PROGRESS_EVERY_BYTES = 32 * 1024 * 1024;

/**
 * Feeds a request body to `store` one chunk at a time (each awaited, which is the backpressure),
 * never beyond the declared size, checking the file's first bytes when it starts at 0. A body that
 * breaks off (the client went away) ends the append with what was stored, not with an error.
 */
export async function consumeBody(
  body: AsyncIterable<Uint8Array>,
  write: ResumableWrite,
  options: AppendOptions,
  store: (chunk: Buffer) => Promise<void>,
): Promise<AppendOutcome["stopped"]> {
  let position = write.receivedBytes;
  let head: Buffer | null = position === 0 && options.checkStart ? Buffer.alloc(0) : null;
  const iterator = body[Symbol.asyncIterator]();
  const stop = async (stopped: NonNullable<AppendOutcome["stopped"]>) => {
    await Promise.resolve(iterator.return?.()).catch(() => undefined);
    return stopped;
  };
  const take = async (chunk: Buffer) => {
    const room = write.sizeBytes - position;
    if (chunk.byteLength > room) {
      if (room > 0) await store(chunk.subarray(0, room));
      position += Math.max(0, room);
      return false;
    }
    await store(chunk);
    position += chunk.byteLength;
    return true;
  };
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await iterator.next();
    } catch {
      // The body broke off (a client that went away, a dropped connection): keep what arrived.
      return { reason: "interrupted" };
    }
    if (next.done) break;
    let chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    if (head) {
      // Hold the first bytes back until there are enough to check (or the body ends).
      head = Buffer.concat([head, chunk]);
      if (head.byteLength < START_BYTES && head.byteLength < write.sizeBytes) continue;
      const refusal = options.checkStart?.(head.subarray(0, START_BYTES)) ?? null;
      if (refusal) return stop({ reason: "refused", message: refusal });
      chunk = head;
      head = null;
    }
    if (!(await take(chunk))) return stop({ reason: "too-long" });
  }
  if (head && head.byteLength > 0) {
    const refusal = options.checkStart?.(head) ?? null;
    if (refusal) return { reason: "refused", message: refusal };
    if (!(await take(head))) return { reason: "too-long" };
  }
  return null;
}

/** SHA-256 and size of a stored file, read as a stream (never whole in memory). */
export async function hashStoredFile(
  store: FileStore,
  key: string,
): Promise<{ sha256: string; sizeBytes: number }> {
  const opened = await store.open(key);
  const hash = createHash("sha256");
  let sizeBytes = 0;
  for await (const chunk of opened.stream) {
    hash.update(chunk as Buffer);
    sizeBytes += (chunk as Buffer).byteLength;
  }
  return { sha256: hash.digest("hex"), sizeBytes };
}

/**
 * The S3 store, with the AWS SDK (a few hundred ms to import) loaded on first use, so servers that
 * keep files on disk never load it.
 */
function createS3FileStoreOnFirstUse(settings: S3Settings, bucket: string): FileStore {
  let loading: Promise<FileStore> | undefined;
  const load = () => {
    loading ??= import("./s3-store.server.ts").then((s3) =>
      s3.createS3FileStore(s3.createS3Client(settings), bucket),
    );
    return loading;
  };
  return {
    put: async (key, body, contentType) => (await load()).put(key, body, contentType),
    open: async (key) => (await load()).open(key),
    deliver: async (key, options) => (await load()).deliver(key, options),
    remove: async (key) => (await load()).remove(key),
    startResumable: async (key, contentType) => (await load()).startResumable(key, contentType),
    appendResumable: async (write, body, options) => (await load()).appendResumable(write, body, options),
    completeResumable: async (write) => (await load()).completeResumable(write),
    abortResumable: async (write) => (await load()).abortResumable(write),
  };
}

/** The only place that chooses a store: S3 when S3_BUCKET is set, otherwise FILE_STORAGE_DIR. */
function createConfiguredFileStore(config: Env): FileStore {
  if (!config.S3_BUCKET) return createDiskFileStore(config.FILE_STORAGE_DIR);
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  return createS3FileStoreOnFirstUse(
    {
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    },
    config.S3_BUCKET,
  );
}

let store: FileStore | undefined;

export function fileStore(): FileStore {
  store ??= createConfiguredFileStore(env());
  return store;
}
