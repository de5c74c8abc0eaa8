import type { Readable } from "node:stream";
import { FileNotFoundError, fileStore } from "~/integrations/storage.server.ts";
import { prisma } from "~/utils/db.server.ts";

export type OwnFile =
  | {
      kind: "file";
      stream: Readable;
      sizeBytes: number;
      fileName: string;
      contentType: string;
      sha256: string;
    }
  | { kind: "not-found" }
  | { kind: "missing-from-storage" };

/** A file of one of the shop's own listings, for its seller: no entitlement needed, nothing logged. */
export async function openSellerFile(shopId: string, fileId: string): Promise<OwnFile> {
  const file = await prisma.listingFile.findFirst({ where: { id: fileId, listing: { shopId } } });
  if (!file) return { kind: "not-found" };
  try {
    const opened = await fileStore().open(file.storageKey);
    return {
      kind: "file",
      ...opened,
      fileName: file.fileName,
      contentType: file.contentType,
      sha256: file.sha256,
    };
  } catch (error) {
    if (!(error instanceof FileNotFoundError)) throw error;
    console.error(`Listing file ${file.id} is in the database but not in storage (${file.storageKey})`);
    return { kind: "missing-from-storage" };
  }
}
