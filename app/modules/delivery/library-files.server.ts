import { prisma } from "~/utils/db.server.ts";
import { createDownloadPath } from "./download-links.server.ts";

/**
 * The files of a library item with a fresh signed link each. Call only after `getLibraryItem` (the
 * entitlement check) returned the item. JSON-safe: the page sends it as loader data.
 */
export async function libraryFiles(userId: string, entitlement: { id: string; listingId: string }) {
  const files = await prisma.listingFile.findMany({
    where: { listingId: entitlement.listingId },
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, sizeBytes: true, contentType: true, sha256: true },
  });
  return files.map((file) => ({
    ...file,
    href: createDownloadPath({ userId, entitlementId: entitlement.id, fileId: file.id }),
  }));
}

export type LibraryFile = Awaited<ReturnType<typeof libraryFiles>>[number];
