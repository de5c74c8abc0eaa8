import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import {
  assertValidKey,
  consumeBody,
  FileNotFoundError,
  type FileStore,
  type UploadedPart,
} from "./storage.server.ts";

/**
 * Size of each part of a multipart upload. S3 wants at least 5 MiB for every part but the last and
 * at most 10,000 parts: 8 MiB parts carry 2 GB in 239. One part is held in memory per upload while it
 * fills, so this is also the memory an upload costs.
 */
export const PART_BYTES = 8 * 1024 * 1024;
const MIN_PART_BYTES = 5 * 1024 * 1024;

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
    async deliver(key, options) {
      assertValidKey(key);
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentDisposition: options.contentDisposition,
        ResponseContentType: options.contentType,
        ResponseCacheControl: "private, no-store",
      });
      return { kind: "redirect", url: await presign(client, command, options.expiresInSeconds) };
    },
    async remove(key) {
      assertValidKey(key);
      // S3 answers 204 whether or not the object existed, like the disk store's rm({ force: true }).
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async startResumable(key, contentType) {
      assertValidKey(key);
      const created = await client.send(
        new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType }),
      );
      if (!created.UploadId)
        throw new Error(`S3 answered CreateMultipartUpload for ${key} without an UploadId`);
      return { s3UploadId: created.UploadId };
    },
    /**
     * Bytes arrive in request-sized chunks and leave as parts of PART_BYTES. A part is recorded once S3
     * has it, so an interrupted body resumes from the end of the last whole part: the bytes of a part
     * still filling when the client went away are sent again.
     */
    async appendResumable(write, body, options) {
      assertValidKey(write.key);
      const uploadId = write.s3UploadId;
      if (!uploadId) throw new Error(`Upload of ${write.key} has no S3 multipart upload`);
      const parts: UploadedPart[] = [...write.parts];
      let stored = write.receivedBytes;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        if (pendingBytes === 0) return;
        const bytes = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        const partNumber = (parts.at(-1)?.partNumber ?? 0) + 1;
        const answer = await client.send(
          new UploadPartCommand({
            Bucket: bucket,
            Key: write.key,
            UploadId: uploadId,
            PartNumber: partNumber,
            Body: bytes,
            ContentLength: bytes.byteLength,
            ContentMD5: createHash("md5").update(bytes).digest("base64"),
          }),
        );
        if (!answer.ETag)
          throw new Error(`S3 answered UploadPart ${partNumber} of ${write.key} without an ETag`);
        parts.push({ partNumber, etag: answer.ETag, size: bytes.byteLength });
        stored += bytes.byteLength;
        await options.onProgress?.({ receivedBytes: stored, parts: [...parts] });
      };
      const stopped = await consumeBody(body, write, options, async (chunk) => {
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        if (pendingBytes >= PART_BYTES) await flush();
      });
      // The file's last part may be small; any other part must reach S3's minimum, or it waits for
      // the client to send its bytes again.
      if (stored + pendingBytes === write.sizeBytes || pendingBytes >= MIN_PART_BYTES) await flush();
      return { receivedBytes: stored, parts, stopped };
    },
    async completeResumable(write) {
      assertValidKey(write.key);
      await client.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: write.key,
          UploadId: write.s3UploadId ?? undefined,
          MultipartUpload: {
            Parts: write.parts.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })),
          },
        }),
      );
    },
    /**
     * Best effort: the upload is given up either way. Parts an abort could not remove cost storage
     * until the bucket's lifecycle rule (AbortIncompleteMultipartUpload, see README) removes them.
     */
    async abortResumable(write) {
      assertValidKey(write.key);
      if (!write.s3UploadId) return;
      await client
        .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: write.key, UploadId: write.s3UploadId }))
        .catch((error: unknown) => {
          if (error instanceof S3ServiceException && error.name === "NoSuchUpload") return;
          console.warn(
            `Could not abort the multipart upload of ${write.key} (${error instanceof Error ? error.name : error}); a lifecycle rule must remove its parts`,
          );
        });
    },
  };
}

/** The parts of the SDK's HttpRequest and handler context the presigner reads. */
type SignableRequest = {
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query: Record<string, string | string[] | null>;
  headers: Record<string, string>;
};
type SigningContext = {
  selectedHttpAuthScheme?: { httpAuthOption: { signingProperties?: Record<string, unknown> } };
};

/**
 * A presigned URL for one command, made with the client's own SigV4 signer (what
 * `@aws-sdk/s3-request-presigner` does, without that package, which is not installed here): the
 * command runs through the client's middleware (endpoint, path or virtual-host style, bucket and
 * key, query parameters) up to signing, where the request is presigned instead of sent. Nothing
 * goes over the network; the URL is good for `expiresInSeconds`.
 */
async function presign(
  client: S3Client,
  command: GetObjectCommand,
  expiresInSeconds: number,
): Promise<string> {
  const stack = client.middlewareStack.clone();
  stack.addRelativeTo(
    ((_next: unknown, context: SigningContext) => async (args: { request: unknown }) => {
      const request = args.request as SignableRequest;
      if (typeof request?.hostname !== "string" || typeof request.headers !== "object")
        throw new Error("S3 presign: the command did not build an HTTP request");
      for (const name of ["amz-sdk-invocation-id", "amz-sdk-request", "x-amz-user-agent"])
        delete request.headers[name];
      request.headers["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD";
      request.headers.host = `${request.hostname}${request.port ? `:${request.port}` : ""}`;
      const scheme = context.selectedHttpAuthScheme?.httpAuthOption.signingProperties as
        | { signingRegion?: string; signingName?: string }
        | undefined;
      const signer = (await client.config.signer()) as unknown as {
        presign(request: SignableRequest, options: Record<string, unknown>): Promise<SignableRequest>;
      };
      const presigned = await signer.presign(request, {
        expiresIn: expiresInSeconds,
        signingRegion: scheme?.signingRegion ?? (await client.config.region()),
        signingService: scheme?.signingName ?? "s3",
        unsignableHeaders: new Set(["content-type"]),
      });
      return { response: {}, output: { $metadata: { httpStatusCode: 200 }, presigned } };
    }) as never,
    { name: "stapelPresign", relation: "before", toMiddleware: "awsAuthMiddleware", override: true },
  );
  const handler = command.resolveMiddleware(stack as never, client.config, {});
  const { output } = (await handler({ input: command.input })) as unknown as {
    output: { presigned: SignableRequest };
  };
  const url = output.presigned;
  const query = Object.entries(url.query)
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value ?? ""]).map(
        (item) => `${encodeURIComponent(name)}=${encodeURIComponent(item)}`,
      ),
    )
    .join("&");
  const port = url.port ? `:${url.port}` : "";
  return `${url.protocol}//${url.hostname}${port}${url.path}${query ? `?${query}` : ""}`;
}

function isMissingObject(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  if (error.name === "NoSuchKey") return true;
  // Some S3-compatible servers answer a bare 404. A missing bucket is a configuration error, though,
  // and must not look like a missing file.
  return error.$metadata.httpStatusCode === 404 && error.name !== "NoSuchBucket";
}
