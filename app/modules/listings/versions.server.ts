import type { Prisma } from "~/generated/prisma/client.ts";
import type { Tx } from "~/utils/db.server.ts";

/**
 * Versions of what buyers get. The paid payload (ListingContent and the listing's files) is live:
 * buyers always get the latest. Each publish that changes it records a ListingVersion with the
 * seller's changelog and a snapshot of the payload as published, so the library can say "Version 3:
 * what changed" and "notify buyers" has something to announce. Saves that only touch the storefront
 * (title, description, price) make no version.
 */

export type PaidSnapshot = {
  body: string;
  instructions: string;
  modelNotes: string;
  templateUrl: string | null;
  guide: string;
  fileIds: string[];
  bundleItemIds: string[];
};

export async function currentPaidSnapshot(tx: Tx, listingId: string): Promise<PaidSnapshot> {
  const listing = await tx.listing.findUniqueOrThrow({
    where: { id: listingId },
    select: {
      content: {
        select: { body: true, instructions: true, modelNotes: true, templateUrl: true, guide: true },
      },
      files: { select: { id: true }, orderBy: { id: "asc" } },
      bundleItems: { select: { listingId: true }, orderBy: { listingId: "asc" } },
    },
  });
  return {
    body: listing.content?.body ?? "",
    instructions: listing.content?.instructions ?? "",
    modelNotes: listing.content?.modelNotes ?? "",
    templateUrl: listing.content?.templateUrl ?? null,
    guide: listing.content?.guide ?? "",
    fileIds: listing.files.map((file) => file.id),
    bundleItemIds: listing.bundleItems.map((item) => item.listingId),
  };
}

/** Field by field: PostgreSQL's jsonb does not keep key order, so the stored JSON text differs. */
function sameSnapshot(stored: PaidSnapshot, current: PaidSnapshot): boolean {
  return (Object.keys(current) as (keyof PaidSnapshot)[]).every(
    (key) => JSON.stringify(stored[key] ?? null) === JSON.stringify(current[key]),
  );
}

async function latestVersion(tx: Tx, listingId: string) {
  return tx.listingVersion.findFirst({
    where: { listingId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, snapshot: true },
  });
}

/** Whether the paid payload differs from what the latest version published (true before the first). */
export async function paidContentChanged(tx: Tx, listingId: string): Promise<boolean> {
  const latest = await latestVersion(tx, listingId);
  if (!latest) return true;
  return !sameSnapshot(latest.snapshot as PaidSnapshot, await currentPaidSnapshot(tx, listingId));
}

/**
 * Records a version when the payload differs from the latest one (or there is none yet), and makes
 * it the listing's current version. Returns the new number, or null when nothing changed. For the
 * file uploads too: after attaching or removing a file of a published listing, call this with the
 * seller's changelog.
 */
export async function recordVersionIfChanged(
  tx: Tx,
  listingId: string,
  changelog: string,
): Promise<number | null> {
  const latest = await latestVersion(tx, listingId);
  const snapshot = await currentPaidSnapshot(tx, listingId);
  if (latest && sameSnapshot(latest.snapshot as PaidSnapshot, snapshot)) return null;
  const number = (latest?.number ?? 0) + 1;
  await tx.listingVersion.create({
    data: {
      listingId,
      number,
      changelog: changelog || (number === 1 ? "First release." : ""),
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
    },
  });
  await tx.listing.update({ where: { id: listingId }, data: { currentVersion: number } });
  return number;
}
