import { enqueueShopGrantSync } from "~/modules/billing/subscriptions/plan-grants.server.ts";
import { sellerImageWhere } from "~/modules/media/images.server.ts";
import { prisma, type Tx } from "~/utils/db.server.ts";
import { EXAMPLE_SLOTS, type ListingFormValue } from "./forms.ts";
import { changeSlug, freeSlugFor } from "./slugs.server.ts";
import { paidContentChanged, recordVersionIfChanged } from "./versions.server.ts";

/**
 * Creating and editing a seller's listings. Everything one save writes happens in one transaction;
 * a refusal (the address is taken, a published change without a changelog) rolls all of it back, so
 * a refused save stores nothing. Another shop's listing is "not-found", exactly like a missing one.
 */

export type EditorRefusal =
  | "not-found"
  | "type-changed"
  | "slug-taken"
  | "slug-reserved"
  | "changelog-required"
  | "image-not-found";
export type SaveResult =
  | { ok: true; listingId: string; version: number | null }
  | { ok: false; refusal: EditorRefusal };

/** Thrown inside a transaction to roll it back with a refusal the route can explain. */
class Refused extends Error {
  constructor(readonly refusal: EditorRefusal) {
    super(refusal);
  }
}

async function refusable<T extends { ok: true }>(
  work: () => Promise<T>,
): Promise<T | { ok: false; refusal: EditorRefusal }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal };
    throw error;
  }
}

/** The listings a bundle of this shop may hold: its own, published, not bundles. */
export async function bundleChoices(shopId: string, exceptListingId?: string) {
  return prisma.listing.findMany({
    where: {
      shopId,
      status: "PUBLISHED",
      type: { not: "BUNDLE" },
      ...(exceptListingId && { id: { not: exceptListingId } }),
    },
    select: { id: true, title: true, type: true },
    orderBy: { title: "asc" },
  });
}

export const choiceIds = (choices: { id: string }[]) => new Set(choices.map((choice) => choice.id));

/** The shop's listings for the dashboard list, drafts included. */
export async function listShopListings(shopId: string) {
  return prisma.listing.findMany({
    where: { shopId },
    orderBy: [{ updatedAt: "desc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      type: true,
      status: true,
      priceAmount: true,
      currency: true,
      currentVersion: true,
      updatedAt: true,
      _count: { select: { entitlements: { where: { status: "ACTIVE" } } } },
    },
  });
}

/** One listing of the shop with everything the editor shows; null for another shop's or none. */
export async function getEditableListing(shopId: string, listingId: string) {
  const listing = await prisma.listing.findFirst({
    where: { id: listingId, shopId },
    select: {
      id: true,
      slug: true,
      type: true,
      status: true,
      title: true,
      tagline: true,
      description: true,
      teaser: true,
      category: true,
      aiModels: true,
      aiGenerated: true,
      priceAmount: true,
      currency: true,
      downloadLimit: true,
      language: true,
      compatibleApps: true,
      agentPlatform: true,
      requiredTools: true,
      currentVersion: true,
      publishedAt: true,
      pricingMode: true,
      tiers: { where: { archivedAt: null }, select: { _count: { select: { prices: true } } } },
      content: {
        select: { body: true, instructions: true, modelNotes: true, templateUrl: true, guide: true },
      },
      examples: {
        orderBy: { position: "asc" },
        select: {
          input: true,
          output: true,
          image: { select: { id: true, alt: true, width: true, height: true, widths: true } },
        },
      },
      bundleItems: { select: { listingId: true } },
      oldSlugs: { select: { slug: true }, orderBy: { createdAt: "desc" } },
      coverImage: { select: { id: true, alt: true, width: true, height: true, widths: true } },
      files: {
        orderBy: { createdAt: "asc" },
        select: { id: true, fileName: true, sizeBytes: true, sha256: true },
      },
      versions: {
        orderBy: { number: "desc" },
        take: 20,
        select: { id: true, number: true, changelog: true, notifiedAt: true, createdAt: true },
      },
    },
  });
  if (!listing) return null;
  const buyers = await entitledBuyerCount(listing.id, shopId);
  // Files attached by uploads since the last version: the next save asks for a changelog.
  const unversionedChanges =
    listing.status === "PUBLISHED" && (await prisma.$transaction((tx) => paidContentChanged(tx, listing.id)));
  const { tiers, ...rest } = listing;
  // Several tiers or currencies, pay what you want or free: the pricing page owns the prices.
  const pricesManagedElsewhere =
    listing.pricingMode !== "FIXED" || tiers.length !== 1 || (tiers[0]?._count.prices ?? 0) !== 1;
  return { ...rest, buyers, unversionedChanges, pricesManagedElsewhere };
}

/** Buyers with access to the listing (the seller's own access aside). */
export async function entitledBuyerCount(listingId: string, shopId: string): Promise<number> {
  const shop = await prisma.shop.findUniqueOrThrow({ where: { id: shopId }, select: { ownerId: true } });
  const rows = await prisma.entitlement.findMany({
    where: { listingId, status: "ACTIVE", userId: { not: shop.ownerId } },
    distinct: ["userId"],
    select: { userId: true },
  });
  return rows.length;
}

function listingColumns(value: ListingFormValue) {
  const isType = (type: ListingFormValue["type"]) => value.type === type;
  return {
    coverImageId: value.coverImageId ?? null,
    title: value.title,
    tagline: value.tagline,
    description: value.description,
    teaser: value.teaser,
    category: value.category,
    aiModels: value.aiModels,
    aiGenerated: value.aiGenerated,
    downloadLimit: value.downloadLimit,
    ...(value.language && { language: value.language }),
    // Null: the pricing page owns the prices (updateListing leaves them), or a new listing (checked).
    ...(value.price !== null && !value.keepPrices && { priceAmount: value.price }),
    compatibleApps: isType("TEMPLATE") ? value.compatibleApps : [],
    agentPlatform: isType("AGENT") ? (value.agentPlatform ?? null) : null,
    requiredTools: isType("AGENT") ? value.requiredTools : [],
  };
}

/** The paid payload as the form gives it: fields of other types are not kept. */
function contentColumns(value: ListingFormValue) {
  return {
    body: value.type === "BUNDLE" ? "" : value.body,
    instructions: value.type === "PROMPT" ? value.instructions : "",
    modelNotes: value.type === "PROMPT" ? value.modelNotes : "",
    templateUrl: value.type === "TEMPLATE" ? value.templateUrl : null,
    guide: value.type === "TEMPLATE" || value.type === "AGENT" ? value.guide : "",
  };
}

function formExamples(value: ListingFormValue) {
  const examples: { input: string; output: string; imageId: string | null }[] = [];
  for (const slot of EXAMPLE_SLOTS) {
    const input = value[`exampleInput${slot}`];
    const output = value[`exampleOutput${slot}`];
    const imageId = value[`exampleImage${slot}`] ?? null;
    if (output !== "" || imageId) examples.push({ input, output, imageId });
  }
  return examples;
}

/** The cover must be one of the shop's own images (another shop's looks like a missing one). */
async function checkCover(tx: Tx, shopId: string, value: ListingFormValue) {
  if (!value.coverImageId) return;
  const image = await tx.image.findFirst({
    where: { id: value.coverImageId, ...sellerImageWhere(shopId) },
    select: { id: true },
  });
  if (!image) throw new Refused("image-not-found");
}

/** Example images follow the cover's rule: the shop's own, or refused as missing (nothing stored). */
async function checkExampleImages(tx: Tx, shopId: string, value: ListingFormValue) {
  const ids = [
    ...new Set(formExamples(value).flatMap((example) => (example.imageId ? [example.imageId] : []))),
  ];
  if (ids.length === 0) return;
  const found = await tx.image.count({ where: { id: { in: ids }, ...sellerImageWhere(shopId) } });
  if (found !== ids.length) throw new Refused("image-not-found");
}

/** The form holds every example (text and image), so a save replaces them all. */
async function writeExamples(tx: Tx, listingId: string, value: ListingFormValue) {
  await tx.listingExample.deleteMany({ where: { listingId } });
  await tx.listingExample.createMany({
    data: formExamples(value).map((example, index) => ({ listingId, position: index, ...example })),
  });
}

async function writeBundleItems(tx: Tx, listingId: string, value: ListingFormValue) {
  await tx.bundleItem.deleteMany({ where: { bundleId: listingId } });
  if (value.type !== "BUNDLE") return;
  await tx.bundleItem.createMany({
    data: value.bundleItemIds.map((id) => ({ bundleId: listingId, listingId: id })),
  });
}

/**
 * The price field edits the first tier's price in the listing's currency, and the listing's shown
 * price with it. Licence tiers and other currencies are the pricing screens' (they keep
 * Listing.priceAmount in step the same way).
 */
async function writeStandardPrice(tx: Tx, listingId: string, currency: string, amount: number) {
  const tier = await tx.licenseTier.findFirst({
    where: { listingId, archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const tierId =
    tier?.id ??
    (
      await tx.licenseTier.create({
        data: { listingId, name: "Standard", position: 0 },
        select: { id: true },
      })
    ).id;
  await tx.tierPrice.upsert({
    where: { tierId_currency: { tierId, currency } },
    create: { tierId, currency, amount },
    update: { amount },
  });
}

export async function createListing(shopId: string, value: ListingFormValue): Promise<SaveResult> {
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const shop = await tx.shop.findUniqueOrThrow({
        where: { id: shopId },
        select: { defaultCurrency: true },
      });
      await checkCover(tx, shopId, value);
      await checkExampleImages(tx, shopId, value);
      let slug = value.slug;
      if (slug) {
        const taken =
          (await tx.listing.count({ where: { slug } })) + (await tx.listingSlug.count({ where: { slug } }));
        if (taken > 0) throw new Refused("slug-taken");
      } else {
        slug = await freeSlugFor(tx, value.title);
      }
      const listing = await tx.listing.create({
        data: {
          shopId,
          slug,
          type: value.type,
          status: "DRAFT",
          currency: shop.defaultCurrency,
          priceAmount: value.price ?? 0,
          ...listingColumns(value),
          content: { create: contentColumns(value) },
        },
        select: { id: true },
      });
      await writeExamples(tx, listing.id, value);
      await writeBundleItems(tx, listing.id, value);
      // The form's schema requires a price on new listings (checkPrice).
      await writeStandardPrice(tx, listing.id, shop.defaultCurrency, value.price ?? 0);
      return { ok: true as const, listingId: listing.id, version: null };
    }),
  );
}

/**
 * Saves the editor. A published listing's changes are live at once; when they change what buyers
 * get (the paid content or the bundle's items), the seller must say what changed, and the save
 * records a new version with that changelog.
 */
export async function updateListing(
  shopId: string,
  listingId: string,
  value: ListingFormValue,
): Promise<SaveResult> {
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const listing = await tx.listing.findFirst({
        where: { id: listingId, shopId },
        select: { id: true, type: true, status: true, slug: true, currency: true, category: true },
      });
      if (!listing) throw new Refused("not-found");
      if (listing.type !== value.type) throw new Refused("type-changed");
      await checkCover(tx, shopId, value);
      await checkExampleImages(tx, shopId, value);
      await tx.listing.update({ where: { id: listingId }, data: listingColumns(value) });
      await tx.listingContent.upsert({
        where: { listingId },
        create: { listingId, ...contentColumns(value) },
        update: contentColumns(value),
      });
      await writeExamples(tx, listingId, value);
      await writeBundleItems(tx, listingId, value);
      if (value.price !== null && !value.keepPrices)
        await writeStandardPrice(tx, listingId, listing.currency, value.price);
      if (value.slug) {
        const moved = await changeSlug(tx, listingId, listing.slug, value.slug);
        if (!moved.ok) throw new Refused(moved.refusal);
      }
      let version: number | null = null;
      if (listing.status === "PUBLISHED") {
        if (value.changelog === "" && (await paidContentChanged(tx, listingId)))
          throw new Refused("changelog-required");
        version = await recordVersionIfChanged(tx, listingId, value.changelog);
        // Plans that include whole categories gain or lose the listing when it moves.
        if (listing.category !== value.category) await enqueueShopGrantSync(tx, shopId);
      }
      return { ok: true as const, listingId, version };
    }),
  );
}

/** New listings are priced in the shop's default currency. */
export async function shopCurrency(shopId: string): Promise<string> {
  const shop = await prisma.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: { defaultCurrency: true },
  });
  return shop.defaultCurrency;
}
