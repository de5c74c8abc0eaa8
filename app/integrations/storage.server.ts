import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { env } from "~/utils/env.server.ts";

/** Where paid files live. Keys are opaque paths; nothing in the store is ever served publicly. */
export interface FileStore {
  put(key: string, body: Buffer, contentType: string): Promise<{ sizeBytes: number; sha256: string }>;
  open(key: string): Promise<{ stream: Readable; sizeBytes: number }>;
  remove(key: string): Promise<void>;
}

export class FileNotFoundError extends Error {}

/** Local-disk store: the default, and fine for one server or a shared volume. */
export function createDiskFileStore(rootDir: string): FileStore {
  const root = resolve(rootDir);
  const pathFor = (key: string) => {
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

let store: FileStore | undefined;

export function fileStore(): FileStore {
  store ??= createDiskFileStore(join(env().FILE_STORAGE_DIR));
  return store;
}
