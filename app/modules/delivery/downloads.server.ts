import type { Readable } from "node:stream";
import { FileNotFoundError, type FileStore, fileStore } from "~/integrations/storage.server.ts";
import { prisma } from "~/utils/db.server.ts";
import type { DownloadGrant } from "./download-links.server.ts";
import { findActiveEntitlement } from "./entitlements.server.ts";

export type OpenedDownload =
  | { kind: "file"; stream: Readable; sizeBytes: number; fileName: string; contentType: string }
  | { kind: "no-access" }
  | { kind: "missing-from-storage" };

/** Opens a paid file if, right now, the entitlement is active and covers the file's listing. */
export async function openDownload(
  grant: DownloadGrant,
  client: { ip?: string; userAgent?: string },
): Promise<OpenedDownload> {
  const entitlement = await findActiveEntitlement(grant.userId, grant.entitlementId);
  if (!entitlement) return { kind: "no-access" };
  const file = await prisma.listingFile.findFirst({
    where: { id: grant.fileId, listingId: entitlement.listingId },
  });
  if (!file) return { kind: "no-access" };
  let opened: Awaited<ReturnType<FileStore["open"]>>;
  try {
    opened = await fileStore().open(file.storageKey);
  } catch (error) {
    if (!(error instanceof FileNotFoundError)) throw error;
    // Our fault, not the buyer's: say so, and leave a trace for whoever runs the shop.
    console.error(`Listing file ${file.id} is in the database but not in storage (${file.storageKey})`);
    return { kind: "missing-from-storage" };
  }
  await prisma.downloadLog.create({
    data: {
      userId: grant.userId,
      entitlementId: grant.entitlementId,
      fileId: file.id,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300),
    },
  });
  return { kind: "file", ...opened, fileName: file.fileName, contentType: file.contentType };
}
