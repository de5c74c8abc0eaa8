import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { type Env, env } from "~/utils/env.server.ts";
import type { S3Settings } from "./s3-store.server.ts";

/** Where paid files live. Keys are opaque paths; nothing in the store is ever served publicly. */
export interface FileStore {
  put(key: string, body: Buffer, contentType: string): Promise<{ sizeBytes: number; sha256: string }>;
  open(key: string): Promise<{ stream: Readable; sizeBytes: number }>;
  remove(key: string): Promise<void>;
}

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
      const temporary = `${path}.${process.pid}.tmp`;
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
    async remove(key) {
      await rm(pathFor(key), { force: true });
    },
  };
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
    remove: async (key) => (await load()).remove(key),
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
