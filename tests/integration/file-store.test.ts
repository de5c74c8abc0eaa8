// The file stores behind fileStore(): one contract, run against the disk store and against the S3
// store talking to an in-process s3rver; then that fileStore() picks S3 exactly when S3_BUCKET is set.
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { HeadObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createS3FileStore } from "~/integrations/s3-store.server.ts";
import { createDiskFileStore, FileNotFoundError, type FileStore } from "~/integrations/storage.server.ts";
import { parseEnv } from "~/utils/env.server.ts";
import { type LocalS3, startLocalS3 } from "../support/local-s3.ts";
import { testEnv } from "../support/test-env.ts";

const BUCKET = "stapel-test";
// s3rver knows one access key id, S3RVER (it does not check the secret).
const S3_VARIABLES = [
  "S3_BUCKET",
  "S3_REGION",
  "S3_ENDPOINT",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_FORCE_PATH_STYLE",
];
const S3RVER_CREDENTIALS = { S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER" };

let scratchDir: string;
let s3: LocalS3;
let s3Endpoint: string;
let s3Client: S3Client;

beforeAll(async () => {
  scratchDir = await mkdtemp(join(tmpdir(), "stapel-file-store-"));
  s3 = await startLocalS3(BUCKET);
  s3Endpoint = s3.endpoint;
  s3Client = s3.client;
});

afterAll(async () => {
  await s3?.stop();
  await rm(scratchDir, { recursive: true, force: true });
});

const read = async (stream: Readable) => buffer(stream);
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

const stores: [string, () => Promise<FileStore>][] = [
  ["disk", async () => createDiskFileStore(await mkdtemp(join(scratchDir, "disk-")))],
  ["S3 (s3rver)", async () => createS3FileStore(s3Client, BUCKET)],
];

describe.each(stores)("the %s file store", (_name, createStore) => {
  let store: FileStore;
  beforeAll(async () => {
    store = await createStore();
  });

  it("gives back the bytes and size it stored, with the sha256 node:crypto computes", async () => {
    const bytes = Buffer.from("# Prompt pack\nYou are a senior copywriter…\n");
    const stored = await store.put("listings/l1/pack.md", bytes, "text/markdown");
    expect(stored).toEqual({ sizeBytes: bytes.byteLength, sha256: sha256(bytes) });

    const opened = await store.open("listings/l1/pack.md");
    expect(opened.sizeBytes).toBe(bytes.byteLength);
    expect(await read(opened.stream)).toEqual(bytes);
  });

  it("round-trips a 5 MB binary file exactly", async () => {
    const bytes = randomBytes(5 * 1024 * 1024);
    const stored = await store.put("listings/l2/archive.zip", bytes, "application/zip");
    expect(stored.sha256).toBe(sha256(bytes));

    const opened = await store.open("listings/l2/archive.zip");
    expect(opened.sizeBytes).toBe(bytes.byteLength);
    const back = await read(opened.stream);
    expect(back.byteLength).toBe(bytes.byteLength);
    expect(sha256(back)).toBe(sha256(bytes));
  });

  it("replaces a file stored again under the same key", async () => {
    await store.put("listings/l3/pack.md", Buffer.from("first version"), "text/markdown");
    await store.put("listings/l3/pack.md", Buffer.from("second"), "text/markdown");
    const opened = await store.open("listings/l3/pack.md");
    expect(opened.sizeBytes).toBe(6);
    expect((await read(opened.stream)).toString()).toBe("second");
  });

  it("throws FileNotFoundError for a key that was never stored", async () => {
    await expect(store.open("listings/none/missing.md")).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it("forgets a removed file, and removing it again is not an error", async () => {
    await store.put("listings/l4/pack.md", Buffer.from("short-lived"), "text/markdown");
    await store.remove("listings/l4/pack.md");
    await expect(store.open("listings/l4/pack.md")).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(store.remove("listings/l4/pack.md")).resolves.toBeUndefined();
  });

  it("refuses keys that are not plain relative paths", async () => {
    for (const key of ["../x", "a/../../x", "/etc/passwd", "a//b", "./a", "a\\..\\x", ""]) {
      await expect(store.put(key, Buffer.from("x"), "text/plain"), key).rejects.toThrow(
        /Invalid storage key/,
      );
      await expect(store.open(key), key).rejects.toThrow(/Invalid storage key/);
      await expect(store.remove(key), key).rejects.toThrow(/Invalid storage key/);
    }
  });
});

describe("the disk file store", () => {
  it("never writes outside its folder", async () => {
    const root = await mkdtemp(join(scratchDir, "disk-escape-"));
    const store = createDiskFileStore(root);
    await expect(store.put("../x", Buffer.from("escape"), "text/plain")).rejects.toThrow(
      /Invalid storage key/,
    );
    expect(existsSync(join(dirname(root), "x"))).toBe(false);
  });
});

describe("the S3 file store", () => {
  it("stores the content type on the object and nothing but the file's bytes", async () => {
    const store = createS3FileStore(s3Client, BUCKET);
    const bytes = randomBytes(300_000);
    await store.put("listings/l5/image.png", bytes, "image/png");
    const head = await s3Client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "listings/l5/image.png" }));
    expect(head.ContentType).toBe("image/png");
    expect(head.ContentLength).toBe(bytes.byteLength);
  });

  it("computes and validates checksums only where S3 requires them", async () => {
    // The SDK's default would add checksum trailers that some S3-compatible servers store inside
    // streamed objects; with Buffer bodies, as here, s3rver cannot show the difference, so check the setting.
    expect(await s3Client.config.requestChecksumCalculation()).toBe("WHEN_REQUIRED");
    expect(await s3Client.config.responseChecksumValidation()).toBe("WHEN_REQUIRED");
  });

  it("reports a missing bucket as a configuration error, not as a missing file", async () => {
    const store = createS3FileStore(s3Client, "no-such-bucket");
    const failure = await store.open("listings/l1/pack.md").catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(FileNotFoundError);
    expect(failure).toMatchObject({ name: "NoSuchBucket" });
  });
});

describe("fileStore()", () => {
  let diskDir: string;

  // A folder per test: each asserts what its store wrote there, whichever ran first.
  beforeEach(async () => {
    diskDir = await mkdtemp(join(scratchDir, "configured-"));
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /**
   * The app's store for these variables, from a fresh module graph so env() parses them instead of
   * returning its cached copy. FileNotFoundError comes from that graph too.
   */
  async function configuredFileStore(variables: Record<string, string>) {
    const unset = Object.fromEntries(S3_VARIABLES.map((name) => [name, ""]));
    for (const [name, value] of Object.entries({
      ...testEnv,
      ...unset,
      FILE_STORAGE_DIR: diskDir,
      ...variables,
    })) {
      vi.stubEnv(name, value);
    }
    vi.resetModules();
    const storage = await import("~/integrations/storage.server.ts");
    return { store: storage.fileStore(), FileNotFoundError: storage.FileNotFoundError };
  }

  it("stores files in the S3 bucket when S3_BUCKET is set", async () => {
    const { store, FileNotFoundError } = await configuredFileStore({
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: s3Endpoint,
      S3_FORCE_PATH_STYLE: "true",
      ...S3RVER_CREDENTIALS,
    });
    const bytes = Buffer.from("stored through the configured store");
    await store.put("configured/s3.md", bytes, "text/markdown");

    const direct = await createS3FileStore(s3Client, BUCKET).open("configured/s3.md");
    expect(await read(direct.stream)).toEqual(bytes);
    expect(await readdir(diskDir)).toEqual([]);
    await expect(store.open("configured/missing.md")).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it("stores files in FILE_STORAGE_DIR when S3_BUCKET is not set", async () => {
    const { store } = await configuredFileStore({});
    await store.put("configured/disk.md", Buffer.from("on disk"), "text/markdown");
    expect(existsSync(join(diskDir, "configured", "disk.md"))).toBe(true);
    await expect(createS3FileStore(s3Client, BUCKET).open("configured/disk.md")).rejects.toBeInstanceOf(
      FileNotFoundError,
    );
  });
});

describe("S3 settings in the environment", () => {
  const base = { ...testEnv, DATABASE_URL: "postgresql://localhost/stapel" };

  it("defaults to the disk store's settings and AWS conventions", () => {
    const config = parseEnv(base);
    expect(config.S3_BUCKET).toBeUndefined();
    expect(config.S3_REGION).toBe("us-east-1");
    expect(config.S3_FORCE_PATH_STYLE).toBe(false);
  });

  it("reads a complete S3 configuration", () => {
    const config = parseEnv({
      ...base,
      S3_BUCKET: "stapel-files",
      S3_REGION: "auto",
      S3_ENDPOINT: "https://account.r2.cloudflarestorage.com",
      S3_FORCE_PATH_STYLE: "true",
      ...S3RVER_CREDENTIALS,
    });
    expect(config).toMatchObject({ S3_BUCKET: "stapel-files", S3_REGION: "auto", S3_FORCE_PATH_STYLE: true });
  });

  it.each([
    [{ S3_BUCKET: "s3://stapel-files" }, /S3_BUCKET: S3_BUCKET must be a bucket name/],
    [
      { S3_BUCKET: "stapel-files", S3_ENDPOINT: "minio:9000" },
      /S3_ENDPOINT: S3_ENDPOINT must be the http\(s\) URL/,
    ],
    [
      { S3_BUCKET: "stapel-files", S3_FORCE_PATH_STYLE: "yes" },
      /S3_FORCE_PATH_STYLE: S3_FORCE_PATH_STYLE must be/,
    ],
    [
      { S3_BUCKET: "stapel-files", S3_ACCESS_KEY_ID: "AKIA" },
      /S3_SECRET_ACCESS_KEY: S3_SECRET_ACCESS_KEY is required when S3_ACCESS_KEY_ID is set/,
    ],
    [{ S3_ENDPOINT: "http://127.0.0.1:9000" }, /S3_BUCKET: S3_BUCKET is required when S3_ENDPOINT is set/],
  ])("refuses %o with a message naming the variable", (variables, message) => {
    expect(() => parseEnv({ ...base, ...variables })).toThrow(message);
  });
});
