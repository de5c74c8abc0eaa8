// Downloads' test fixtures: a buyer entitled to a listing that ships a file of known random bytes,
// and a way to ask for it through the real route with any headers.
import { createHash, randomBytes } from "node:crypto";
import { fileStore } from "~/integrations/storage.server.ts";
import { createDownloadPath } from "~/modules/delivery/download-links.server.ts";
import * as downloadRoute from "~/routes/downloads.$fileId/route.ts";
import { prisma } from "~/utils/db.server.ts";
import { createListingForSale, createUser, requestAs } from "../support/fixtures.ts";
import { callRoute, expectResponse } from "../support/routes.ts";

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/**
 * A buyer who was given (GIFT) a listing with a `sizeBytes` file named `fileName`, and the listing's
 * download limit. The file is stored through the app's fileStore() (disk or S3, as configured).
 */
export async function entitledBuyer(
  options: { sizeBytes?: number; fileName?: string; downloadLimit?: number | null } = {},
) {
  const sale = await createListingForSale();
  if (options.downloadLimit !== undefined)
    await prisma.listing.update({
      where: { id: sale.listing.id },
      data: { downloadLimit: options.downloadLimit },
    });
  const bytes = randomBytes(options.sizeBytes ?? 300_000);
  const fileName = options.fileName ?? "archive.zip";
  const key = `listings/${sale.listing.id}/${sha256(bytes).slice(0, 12)}.bin`;
  const stored = await fileStore().put(key, bytes, "application/zip");
  const file = await prisma.listingFile.create({
    data: {
      listingId: sale.listing.id,
      fileName,
      contentType: "application/zip",
      storageKey: key,
      ...stored,
    },
  });
  const buyer = await createUser();
  const entitlement = await prisma.entitlement.create({
    data: {
      userId: buyer.id,
      listingId: sale.listing.id,
      source: "GIFT",
      grantKey: `gift:${buyer.id}:${sale.listing.id}`,
    },
  });
  const grant = { userId: buyer.id, entitlementId: entitlement.id, fileId: file.id };
  return {
    sale,
    buyer,
    entitlement,
    file,
    bytes,
    grant,
    path: (now?: number) => createDownloadPath(grant, now),
  };
}

/** GET (or HEAD) the download path through the route's loader, with these headers. */
export async function fetchDownload(
  path: string,
  headers: Record<string, string> = {},
  method: "GET" | "HEAD" = "GET",
) {
  const fileId = new URL(path, "http://stapel.test").pathname.split("/")[2] ?? "";
  const response = expectResponse(
    await callRoute(downloadRoute.loader, requestAs(null, path, { method, headers }), { fileId }),
  );
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : Buffer.alloc(0);
  return { status: response.status, headers: response.headers, body };
}
