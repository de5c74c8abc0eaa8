import { prisma } from "~/utils/db.server.ts";
import { createDownloadPath } from "./download-links.server.ts";
import { countedDownloads } from "./downloads.server.ts";

/**
 * The files of a library item with a fresh signed link each, their size and SHA-256, and how many
 * downloads are left when the seller set a per-purchase limit (null: unlimited). Call only after
 * `getLibraryItem` (the entitlement check) returned the item. JSON-safe: the page sends it as loader
 * data.
 */
export async function libraryFiles(userId: string, entitlement: { id: string; listingId: string }) {
  const [listing, files, used] = await Promise.all([
    prisma.listing.findUnique({ where: { id: entitlement.listingId }, select: { downloadLimit: true } }),
    prisma.listingFile.findMany({
      where: { listingId: entitlement.listingId },
      orderBy: { createdAt: "asc" },
      select: { id: true, fileName: true, sizeBytes: true, contentType: true, sha256: true },
    }),
    countedDownloads(entitlement.id),
  ]);
  const limit = listing?.downloadLimit ?? null;
  return files.map((file) => ({
    ...file,
    downloadLimit: limit,
    downloadsLeft: limit === null ? null : Math.max(0, limit - (used.get(file.id) ?? 0)),
    href: createDownloadPath({ userId, entitlementId: entitlement.id, fileId: file.id }),
  }));
}

export type LibraryFile = Awaited<ReturnType<typeof libraryFiles>>[number];
