import { randomBytes } from "node:crypto";
import { prisma, type Tx } from "~/utils/db.server.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";

/**
 * A listing's address (`/p/<slug>`). It is chosen once from the title and then stays put when the
 * title changes (links people shared keep working); the seller can change it, and every address it
 * had before keeps answering with a 301 to the current one (ListingSlug). An address belongs to one
 * listing for good: another listing can never take a slug that still redirects.
 */

/** Words that would make an address look like one of our own pages. */
const RESERVED = new Set(["new", "edit", "admin", "api", "dashboard", "library", "checkout", "login"]);

export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return SLUG_PATTERN.test(slug) && !RESERVED.has(slug) ? slug : "listing";
}

async function isTaken(tx: Tx, slug: string, exceptListingId?: string): Promise<boolean> {
  const [current, old] = await Promise.all([
    tx.listing.findUnique({ where: { slug }, select: { id: true } }),
    tx.listingSlug.findUnique({ where: { slug }, select: { listingId: true } }),
  ]);
  return (
    (current !== null && current.id !== exceptListingId) ||
    (old !== null && old.listingId !== exceptListingId)
  );
}

/** A free address for a new listing: the title's, or the title's with a short suffix. */
export async function freeSlugFor(tx: Tx, title: string): Promise<string> {
  const base = slugify(title);
  if (!(await isTaken(tx, base))) return base;
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = `${base}-${randomBytes(3).toString("hex")}`;
    if (!(await isTaken(tx, candidate))) return candidate;
  }
  return `${base}-${randomBytes(8).toString("hex")}`;
}

export type SlugChange =
  | { ok: true; changed: boolean }
  | { ok: false; refusal: "slug-taken" | "slug-reserved" };

/**
 * Moves a listing to `slug`, keeping its current address as a redirect. Taking back one of its own
 * old addresses removes that redirect.
 */
export async function changeSlug(
  tx: Tx,
  listingId: string,
  currentSlug: string,
  slug: string,
): Promise<SlugChange> {
  if (slug === currentSlug) return { ok: true, changed: false };
  if (RESERVED.has(slug)) return { ok: false, refusal: "slug-reserved" };
  if (await isTaken(tx, slug, listingId)) return { ok: false, refusal: "slug-taken" };
  await tx.listingSlug.deleteMany({ where: { slug, listingId } });
  await tx.listingSlug.create({ data: { slug: currentSlug, listingId } });
  await tx.listing.update({ where: { id: listingId }, data: { slug } });
  return { ok: true, changed: true };
}

/** The current address of a listing that `slug` used to name, or null. */
export async function currentSlugFor(oldSlug: string): Promise<string | null> {
  const row = await prisma.listingSlug.findUnique({
    where: { slug: oldSlug },
    select: { listing: { select: { slug: true, status: true } } },
  });
  return row && row.listing.status === "PUBLISHED" ? row.listing.slug : null;
}
