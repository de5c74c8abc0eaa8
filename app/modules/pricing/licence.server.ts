import { renderMarkdown } from "~/modules/markdown/render.server.ts";
import { prisma } from "~/utils/db.server.ts";

/**
 * The licence a buyer holds for an entitlement, for the library: the tier and licence text as sold
 * (OrderItem keeps them, so a later edit of the tier never rewrites what was bought); for a free
 * claim, the listing's first tier as it is now. Null when there is no licence text. Call only after
 * the entitlement check (it reads by entitlement id).
 */
export async function licenceForEntitlement(
  entitlementId: string,
): Promise<{ tierName: string | null; licenseHtml: string } | null> {
  const entitlement = await prisma.entitlement.findUnique({
    where: { id: entitlementId },
    select: {
      source: true,
      listingId: true,
      orderItem: { select: { tierName: true, licenseText: true, listingId: true } },
    },
  });
  if (!entitlement) return null;
  // A bundle's items ride on the bundle's order item: its licence is the bundle's.
  let licence = entitlement.orderItem
    ? { tierName: entitlement.orderItem.tierName, licenseText: entitlement.orderItem.licenseText }
    : null;
  if (!licence && entitlement.source === "FREE_CLAIM") {
    const tier = await prisma.licenseTier.findFirst({
      where: { listingId: entitlement.listingId, archivedAt: null },
      orderBy: { position: "asc" },
      select: { name: true, licenseText: true },
    });
    licence = tier ? { tierName: tier.name, licenseText: tier.licenseText } : null;
  }
  if (!licence || licence.licenseText.trim() === "") return null;
  return { tierName: licence.tierName, licenseHtml: renderMarkdown(licence.licenseText) };
}
