// Downloads with S3 as the file store (an in-process s3rver): the app answers with a 302 to a
// short-lived presigned GET carrying the Content-Disposition (it never sends the bytes itself), S3
// serves the bytes and ranges at that URL, the limit and the log work as on disk, and validators
// (304, 416) are answered before any redirect.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { type LocalS3, startLocalS3 } from "../support/local-s3.ts";
import { entitledBuyer, fetchDownload, sha256 } from "./downloads-fixtures.ts";

const BUCKET = "stapel-downloads-test";

let app: Awaited<ReturnType<typeof startTestApp>>;
let s3: LocalS3;
beforeAll(async () => {
  app = await startTestApp();
  s3 = await startLocalS3(BUCKET);
  // Before anything reads the settings: the app's fileStore() is then the S3 store.
  Object.assign(process.env, s3.settings);
});
afterAll(async () => {
  await s3?.stop();
  await app.stop();
});

describe("downloads on S3", { timeout: 60_000 }, () => {
  it("redirects to a presigned GET that serves the file, its ranges and its name", async () => {
    expect(env().S3_BUCKET).toBe(BUCKET);
    const { path, bytes, entitlement } = await entitledBuyer({
      sizeBytes: 200_000,
      fileName: "Prompt-Paket für Ärzte.zip",
    });
    const answer = await fetchDownload(path());
    expect(answer.status).toBe(302);
    expect(answer.body.byteLength).toBe(0);
    expect(answer.headers.get("Cache-Control")).toBe("private, no-store");
    const location = new URL(answer.headers.get("Location") ?? "");
    expect(location.origin).toBe(s3.endpoint);
    expect(location.pathname.startsWith(`/${BUCKET}/listings/`)).toBe(true);
    expect(location.searchParams.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
    expect(location.searchParams.get("X-Amz-Expires")).toBe("60");
    expect(location.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    expect(location.searchParams.get("response-content-disposition")).toContain(
      "filename*=UTF-8''Prompt-Paket%20f%C3%BCr%20%C3%84rzte.zip",
    );

    // s3rver does not check signatures: recompute SigV4's query signature here (secret S3RVER).
    expect(location.searchParams.get("X-Amz-SignedHeaders")).toBe("host");
    expect(location.searchParams.get("X-Amz-Signature")).toBe(expectedSignature(location, "S3RVER"));

    const fromS3 = await fetch(location);
    expect(fromS3.status).toBe(200);
    const received = Buffer.from(await fromS3.arrayBuffer());
    expect(sha256(received)).toBe(sha256(bytes));
    expect(fromS3.headers.get("Content-Disposition")).toContain('filename="Prompt-Paket fur Arzte.zip"');

    // A resume: the browser repeats its Range at the redirect's target.
    const resumed = await fetchDownload(path(), { Range: "bytes=150000-" });
    expect(resumed.status).toBe(302);
    const rest = await fetch(resumed.headers.get("Location") ?? "", { headers: { Range: "bytes=150000-" } });
    expect(rest.status).toBe(206);
    expect(Buffer.from(await rest.arrayBuffer()).equals(bytes.subarray(150_000))).toBe(true);

    const logs = await prisma.downloadLog.findMany({
      where: { entitlementId: entitlement.id },
      orderBy: { createdAt: "asc" },
      select: { range: true, counted: true },
    });
    expect(logs).toEqual([
      { range: null, counted: true },
      { range: "bytes=150000-", counted: false },
    ]);
  });

  it("answers 304 and 416 itself, and refuses a used-up limit before redirecting", async () => {
    const { path, bytes } = await entitledBuyer({ sizeBytes: 1000, downloadLimit: 1 });
    expect((await fetchDownload(path(), { "If-None-Match": `"${sha256(bytes)}"` })).status).toBe(304);
    const outside = await fetchDownload(path(), { Range: "bytes=5000-" });
    expect(outside.status).toBe(416);
    expect(outside.headers.get("Content-Range")).toBe("bytes */1000");
    expect((await fetchDownload(path())).status).toBe(302);
    const refused = await fetchDownload(path());
    expect(refused.status).toBe(403);
    expect(refused.headers.get("Location")).toBeNull();
  });

  it("redirects without asking S3, so a missing object is S3's 404", async () => {
    const { path, file } = await entitledBuyer({ sizeBytes: 10 });
    await prisma.listingFile.update({
      where: { id: file.id },
      data: { storageKey: `${file.storageKey}.gone` },
    });
    // A presigned URL is made without asking S3, so the redirect is sent; S3 then answers 404.
    const answer = await fetchDownload(path());
    expect(answer.status).toBe(302);
    expect((await fetch(answer.headers.get("Location") ?? "")).status).toBe(404);
  });
});

/** AWS Signature V4 for a presigned GET whose only signed header is host (AWS's documented steps). */
function expectedSignature(url: URL, secret: string): string {
  const encode = (value: string) =>
    encodeURIComponent(value).replace(
      /[!'()*]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  const query = [...url.searchParams]
    .filter(([name]) => name !== "X-Amz-Signature")
    .map(([name, value]) => [encode(name), encode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  const canonical = ["GET", url.pathname, query, `host:${url.host}`, "", "host", "UNSIGNED-PAYLOAD"].join(
    "\n",
  );
  const amzDate = url.searchParams.get("X-Amz-Date") ?? "";
  const scope = (url.searchParams.get("X-Amz-Credential") ?? "").split("/").slice(1).join("/");
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(Buffer.from(canonical))].join("\n");
  const [day = "", region = "", service = ""] = scope.split("/");
  let key: Buffer = Buffer.from(`AWS4${secret}`);
  for (const part of [day, region, service, "aws4_request"])
    key = createHmac("sha256", key).update(part).digest();
  return createHmac("sha256", key).update(toSign).digest("hex");
}
