import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { assertValidKey, FileNotFoundError, type FileStore } from "./storage.server.ts";

export type S3Settings = {
  region: string;
  /** Only for S3-compatible servers (MinIO, R2, s3rver); unset means AWS. */
  endpoint?: string;
  /** Bucket in the URL path instead of the host name: MinIO and s3rver need it. */
  forcePathStyle: boolean;
  /** Unset: the SDK's default credential chain (env, shared profile, instance or task role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    // Checksums only where an operation demands one. The SDK's default adds CRC32 trailers
    // (aws-chunked framing) that S3-compatible servers may store inside the object.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** Paid files as private objects in one bucket, under the same keys the disk store uses. */
export function createS3FileStore(client: S3Client, bucket: string): FileStore {
  return {
    async put(key, body, contentType) {
      assertValidKey(key);
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ContentLength: body.byteLength,
          // S3, R2 and MinIO reject the upload if the bytes they received differ (s3rver ignores it).
          ContentMD5: createHash("md5").update(body).digest("base64"),
        }),
      );
      return { sizeBytes: body.byteLength, sha256: createHash("sha256").update(body).digest("hex") };
    },
    async open(key) {
      assertValidKey(key);
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key })).catch((error) => {
        throw isMissingObject(error) ? new FileNotFoundError(key) : error;
      });
      if (!(object.Body instanceof Readable) || object.ContentLength === undefined) {
        (object.Body as { destroy?: () => void } | undefined)?.destroy?.();
        throw new Error(`S3 answered GetObject for ${key} without a readable body and Content-Length`);
      }
      return { stream: object.Body, sizeBytes: object.ContentLength };
    },
    async remove(key) {
      assertValidKey(key);
      // S3 answers 204 whether or not the object existed, like the disk store's rm({ force: true }).
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}

function isMissingObject(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  if (error.name === "NoSuchKey") return true;
  // Some S3-compatible servers answer a bare 404. A missing bucket is a configuration error, though,
  // and must not look like a missing file.
  return error.$metadata.httpStatusCode === 404 && error.name !== "NoSuchBucket";
}
