// A local S3 for tests: an in-process s3rver with one bucket, a client for it, and the settings that
// make the app's fileStore() the S3 store. s3rver knows one access key id, S3RVER (it does not check
// the secret).
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
// @ts-expect-error s3rver 3.7 ships no type declarations; the part used here is typed below.
import S3rverModule from "s3rver";
import { createS3Client } from "~/integrations/s3-store.server.ts";

type S3rverServer = { run(): Promise<AddressInfo>; close(): Promise<void>; httpServer: Server };
const S3rver = S3rverModule as new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverServer;

export type LocalS3 = {
  bucket: string;
  endpoint: string;
  client: S3Client;
  /** The app's S3 settings for this bucket (assign to process.env before anything reads env()). */
  settings: Record<string, string>;
  stop(): Promise<void>;
};

export async function startLocalS3(bucket: string): Promise<LocalS3> {
  const scratchDir = await mkdtemp(join(tmpdir(), "stapel-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: scratchDir,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createS3Client({
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  return {
    bucket,
    endpoint,
    client,
    settings: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: "true",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    },
    async stop() {
      client.destroy();
      server.httpServer.closeAllConnections();
      await server.close();
      await rm(scratchDir, { recursive: true, force: true });
    },
  };
}
