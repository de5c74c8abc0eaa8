import type { Readable } from "node:stream";
import { fileStore } from "~/integrations/storage.server.ts";
import { prisma } from "~/utils/db.server.ts";
import type { DownloadGrant } from "./download-links.server.ts";
import { findActiveEntitlement } from "./entitlements.server.ts";

export type OpenedDownload = { stream: Readable; sizeBytes: number; fileName: string; contentType: string };

/** Opens a paid file if, right now, the entitlement is active and covers the file's listing. */
export async function openDownload(
  grant: DownloadGrant,
  client: { ip?: string; userAgent?: string },
): Promise<OpenedDownload | null> {
  const entitlement = await findActiveEntitlement(grant.userId, grant.entitlementId);
  if (!entitlement) return null;
  const file = await prisma.listingFile.findFirst({
    where: { id: grant.fileId, listingId: entitlement.listingId },
  });
  if (!file) return null;
  const opened = await fileStore().open(file.storageKey);
  await prisma.downloadLog.create({
    data: {
      userId: grant.userId,
      entitlementId: grant.entitlementId,
      fileId: file.id,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300),
    },
  });
  return { ...opened, fileName: file.fileName, contentType: file.contentType };
}
