import type { Readable } from "node:stream";
import { FileNotFoundError, fileStore } from "~/integrations/storage.server.ts";
import { prisma } from "~/utils/db.server.ts";
import type { DownloadGrant } from "./download-links.server.ts";
import { contentDisposition, decideRange, type FileValidators, notModified } from "./download-ranges.ts";
import { findActiveEntitlement } from "./entitlements.server.ts";

/** A presigned S3 URL is followed at once; it only has to outlive the redirect. */
const PRESIGNED_URL_SECONDS = 60;

/** What the request asked for, in HTTP's words (the route passes the headers through). */
export type DownloadRequest = {
  method: "GET" | "HEAD";
  range: string | null;
  ifRange: string | null;
  ifNoneMatch: string | null;
  ip?: string;
  userAgent?: string;
};

export type FileHeaders = {
  fileName: string;
  contentType: string;
  contentDisposition: string;
  etag: string;
  lastModified: Date;
};

export type OpenedDownload =
  | { kind: "no-access" }
  | { kind: "missing-from-storage" }
  | { kind: "limit-reached"; limit: number }
  | ({ kind: "not-modified" } & FileHeaders)
  | ({ kind: "unsatisfiable"; sizeBytes: number } & FileHeaders)
  | { kind: "redirect"; url: string }
  /** HEAD: what a GET would send, without reading, logging or counting anything. */
  | ({ kind: "head"; sizeBytes: number; range: { start: number; end: number } | null } & FileHeaders)
  | ({
      kind: "stream";
      stream: Readable;
      sizeBytes: number;
      /** The bytes sent (inclusive), or null for the whole file. */
      range: { start: number; end: number } | null;
    } & FileHeaders);

/**
 * Opens a paid file if, right now, the entitlement is active and covers the file's listing, and the
 * listing's download limit (if any) is not used up. Conditional and range headers are answered here
 * (304, 416, 206) so S3 and disk behave alike up to the bytes. Each GET that sends bytes (or a
 * redirect to them) is logged; a whole file or a range from byte 0 counts against the limit, a
 * resume (a range from further in) does not.
 */
export async function openDownload(grant: DownloadGrant, request: DownloadRequest): Promise<OpenedDownload> {
  const entitlement = await findActiveEntitlement(grant.userId, grant.entitlementId);
  if (!entitlement) return { kind: "no-access" };
  const file = await prisma.listingFile.findFirst({
    where: { id: grant.fileId, listingId: entitlement.listingId },
    select: {
      id: true,
      fileName: true,
      contentType: true,
      sizeBytes: true,
      storageKey: true,
      sha256: true,
      createdAt: true,
      listing: { select: { downloadLimit: true } },
    },
  });
  if (!file) return { kind: "no-access" };
  const headers: FileHeaders = {
    fileName: file.fileName,
    contentType: file.contentType,
    contentDisposition: contentDisposition(file.fileName),
    etag: `"${file.sha256}"`,
    lastModified: file.createdAt,
  };
  if (notModified(request.ifNoneMatch, headers.etag)) return { kind: "not-modified", ...headers };

  let delivery: Awaited<ReturnType<ReturnType<typeof fileStore>["deliver"]>>;
  try {
    delivery = await fileStore().deliver(file.storageKey, {
      contentDisposition: headers.contentDisposition,
      contentType: file.contentType,
      expiresInSeconds: PRESIGNED_URL_SECONDS,
    });
  } catch (error) {
    if (!(error instanceof FileNotFoundError)) throw error;
    // Our fault, not the buyer's: say so, and leave a trace for whoever runs the shop.
    console.error(`Listing file ${file.id} is in the database but not in storage (${file.storageKey})`);
    return { kind: "missing-from-storage" };
  }
  // On disk the file itself says how long it is; on S3 the database's record does (S3 answers the
  // range itself, this only decides 416 and whether the request counts).
  const sizeBytes = delivery.kind === "stream" ? delivery.sizeBytes : file.sizeBytes;
  const validators: FileValidators = { etag: headers.etag, lastModified: file.createdAt, sizeBytes };
  const decision = decideRange(request.range, request.ifRange, validators);
  if (decision.kind === "unsatisfiable") return { kind: "unsatisfiable", sizeBytes, ...headers };
  const range = decision.kind === "partial" ? { start: decision.start, end: decision.end } : null;
  if (request.method === "HEAD") return { kind: "head", sizeBytes, range, ...headers };

  const recorded = await recordDownload(grant, file.id, file.listing.downloadLimit, {
    range: range ? (request.range?.trim().slice(0, 100) ?? null) : null,
    counted: range === null || range.start === 0,
    ip: request.ip,
    userAgent: request.userAgent,
  });
  if (!recorded.ok) return { kind: "limit-reached", limit: recorded.limit };
  if (delivery.kind === "redirect") return { kind: "redirect", url: delivery.url };
  return { kind: "stream", stream: delivery.read(range ?? undefined), sizeBytes, range, ...headers };
}

/**
 * Logs one download and, when it counts and the listing has a limit, takes one of the limit's
 * downloads. The entitlement's row is locked for the check and the insert, so two parallel requests
 * cannot both take the last download.
 */
async function recordDownload(
  grant: DownloadGrant,
  fileId: string,
  limit: number | null,
  entry: { range: string | null; counted: boolean; ip?: string; userAgent?: string },
): Promise<{ ok: true } | { ok: false; limit: number }> {
  const data = {
    userId: grant.userId,
    entitlementId: grant.entitlementId,
    fileId,
    range: entry.range,
    counted: entry.counted,
    ip: entry.ip,
    userAgent: entry.userAgent?.slice(0, 300),
  };
  if (limit === null || !entry.counted) {
    await prisma.downloadLog.create({ data });
    return { ok: true };
  }
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Entitlement" WHERE id = ${grant.entitlementId} FOR UPDATE`;
    const used = await tx.downloadLog.count({
      where: { entitlementId: grant.entitlementId, fileId, counted: true },
    });
    if (used >= limit) return { ok: false as const, limit };
    await tx.downloadLog.create({ data });
    return { ok: true as const };
  });
}

/** Counted downloads per file of one entitlement (files never downloaded are absent). */
export async function countedDownloads(entitlementId: string): Promise<Map<string, number>> {
  const used = await prisma.downloadLog.groupBy({
    by: ["fileId"],
    where: { entitlementId, counted: true },
    _count: { _all: true },
  });
  return new Map(used.map((row) => [row.fileId, row._count._all]));
}
