/**
 * Demo shop seed: three seller shops with a published catalog, a plan each (monthly and yearly prices,
 * without Stripe ids: the start-up sync creates their Products and Prices), reviews, downloadable files,
 * and the demo accounts (buyer@stapel.test, seller@stapel.test, admin@stapel.test). No orders or
 * entitlements are created, so the demo buyer starts with an empty library.
 *
 * Safe to call on every boot: it does nothing once any user exists, and concurrent boots are settled by
 * one transaction plus the unique constraints on User.email / Shop.handle / Listing.slug.
 *
 * Run directly with `npm run db:seed` (needs DATABASE_URL).
 */
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import type { Prisma, PrismaClient } from "../app/generated/prisma/client.ts";
import { createDiskFileStore, type FileStore, fileStore } from "../app/integrations/storage.server.ts";
import { addDemoCovers } from "./demo-covers.ts";
import {
  type AccountSeed,
  DEMO_ADMIN,
  DEMO_BUYER,
  DEMO_SELLER_EMAIL,
  listingTags,
  REVIEWERS,
  REVIEWS,
  SHOPS,
} from "./seed-data/index.ts";
import { validateCatalog } from "./seed-data/validate.ts";

export interface SeedDemoShopOptions {
  log?: (line: string) => void;
  /** Where listing files are stored. Defaults to the app's fileStore() (which reads the full environment). */
  fileStore?: FileStore;
  /** Reference time for createdAt / publishedAt; defaults to now. */
  now?: Date;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export async function seedDemoShop(
  prisma: PrismaClient,
  options: SeedDemoShopOptions = {},
): Promise<{ seeded: boolean }> {
  const log = options.log ?? (() => {});
  if (await anyUserExists(prisma)) {
    log("Demo seed skipped: the database already has users.");
    return { seeded: false };
  }

  const startedAt = performance.now();
  validateCatalog(SHOPS);
  const rows = buildRows(options.now ?? new Date());
  const store = options.fileStore ?? fileStore();

  // The file store is not transactional: write the files first (keys contain fresh random listing ids, so a
  // concurrent boot never touches the same keys), and remove them again if the database transaction loses.
  const storedKeys: string[] = [];
  const fileRows: Prisma.ListingFileCreateManyInput[] = [];
  try {
    for (const file of rows.files) {
      const body = Buffer.from(file.content, "utf8");
      const { sizeBytes, sha256 } = await store.put(file.storageKey, body, file.contentType);
      storedKeys.push(file.storageKey);
      fileRows.push({
        id: file.id,
        listingId: file.listingId,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes,
        sha256,
        storageKey: file.storageKey,
        createdAt: file.createdAt,
      });
    }
  } catch (error) {
    await removeQuietly(store, storedKeys);
    throw error;
  }

  let seeded: boolean;
  try {
    seeded = await prisma.$transaction(
      async (tx) => {
        // Re-check inside the transaction; a boot that committed in the meantime wins.
        if (await tx.user.findFirst({ select: { id: true } })) return false;
        // Users first: if another boot is seeding right now, this blocks on its uncommitted emails and then
        // fails with a unique-constraint error once that boot commits.
        await tx.user.createMany({ data: rows.users });
        await tx.shop.createMany({ data: rows.shops });
        await tx.listing.createMany({ data: rows.listings });
        await tx.listingContent.createMany({ data: rows.contents });
        await tx.licenseTier.createMany({ data: rows.tiers });
        await tx.tierPrice.createMany({ data: rows.tierPrices });
        await tx.listingExample.createMany({ data: rows.examples });
        await tx.listingFile.createMany({ data: fileRows });
        await tx.bundleItem.createMany({ data: rows.bundleItems });
        await tx.plan.createMany({ data: rows.plans });
        await tx.planPrice.createMany({ data: rows.planPrices });
        await tx.planListing.createMany({ data: rows.planListings });
        await tx.review.createMany({ data: rows.reviews });
        await tx.listingReport.createMany({ data: rows.listingReports });
        return true;
      },
      { maxWait: 30_000, timeout: 60_000 },
    );
  } catch (error) {
    await removeQuietly(store, storedKeys);
    if (await anyUserExists(prisma)) {
      log(`Demo seed skipped: another process seeded the database first (${errorSummary(error)}).`);
      return { seeded: false };
    }
    throw error;
  }

  if (!seeded) {
    await removeQuietly(store, storedKeys);
    log("Demo seed skipped: another process seeded the database first.");
    return { seeded: false };
  }

  const published = rows.listings.filter((listing) => listing.status === "PUBLISHED").length;
  log(
    `Demo seed: ${rows.users.length} users, ${rows.shops.length} shops, ${rows.listings.length} listings ` +
      `(${published} published), ${rows.examples.length} examples, ${fileRows.length} files, ` +
      `${rows.plans.length} plans, ${rows.reviews.length} reviews in ${Math.round(performance.now() - startedAt)} ms. ` +
      `Sign in as ${DEMO_BUYER.email}, ${DEMO_SELLER_EMAIL} or ${DEMO_ADMIN.email}.`,
  );
  return { seeded: true };
}

async function anyUserExists(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.findFirst({ select: { id: true } })) !== null;
}

async function removeQuietly(store: FileStore, keys: string[]) {
  await Promise.all(keys.map((key) => store.remove(key).catch(() => undefined)));
}

function errorSummary(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message.split("\n").at(-1)?.trim() : String(error);
  return typeof code === "string" ? `${code}: ${message}` : (message ?? "unknown error");
}

/** A cuid-like id (lowercase, starts with a letter, 25 characters), matching what @default(cuid()) produces. */
function newId(): string {
  const time = Date.now().toString(36).padStart(9, "0").slice(-9);
  const random = BigInt(`0x${randomBytes(12).toString("hex")}`)
    .toString(36)
    .padStart(15, "0")
    .slice(-15);
  return `c${time}${random}`;
}

function daysBefore(now: Date, days: number, extraMinutes = 0): Date {
  return new Date(now.getTime() - days * DAY - extraMinutes * MINUTE);
}

/** Turns the catalog into createMany rows with ids and dates relative to `now`. */
function buildRows(now: Date) {
  const users: Array<AccountSeed & { id: string; createdAt: Date; updatedAt: Date }> = [];
  const userIdByEmail = new Map<string, string>();
  const addUser = (account: AccountSeed, daysAgo: number) => {
    const id = newId();
    const createdAt = daysBefore(now, daysAgo);
    users.push({ ...account, id, createdAt, updatedAt: createdAt });
    userIdByEmail.set(account.email, id);
    return id;
  };
  addUser(DEMO_ADMIN, 140);
  addUser(DEMO_BUYER, 120);
  for (const [index, reviewer] of REVIEWERS.entries()) addUser(reviewer, 110 - index * 3);

  const shops: Prisma.ShopCreateManyInput[] = [];
  const listings: Array<Prisma.ListingCreateManyInput & { status: "PUBLISHED" | "DRAFT" }> = [];
  const contents: Prisma.ListingContentCreateManyInput[] = [];
  const examples: Prisma.ListingExampleCreateManyInput[] = [];
  const files: Array<{
    id: string;
    listingId: string;
    fileName: string;
    contentType: string;
    content: string;
    storageKey: string;
    createdAt: Date;
  }> = [];
  const bundleItems: Prisma.BundleItemCreateManyInput[] = [];
  const tiers: Prisma.LicenseTierCreateManyInput[] = [];
  const tierPrices: Prisma.TierPriceCreateManyInput[] = [];
  const plans: Prisma.PlanCreateManyInput[] = [];
  const planPrices: Prisma.PlanPriceCreateManyInput[] = [];
  const planListings: Prisma.PlanListingCreateManyInput[] = [];
  const listingBySlug = new Map<string, { id: string; publishedAt: Date | null }>();
  let listingIndex = 0;

  for (const [shopIndex, shop] of SHOPS.entries()) {
    const ownerId = addUser({ ...shop.owner, role: "SELLER" }, 130 - shopIndex * 7);
    const shopId = newId();
    const shopCreatedAt = daysBefore(now, 125 - shopIndex * 7);
    shops.push({
      id: shopId,
      ownerId,
      handle: shop.handle,
      name: shop.name,
      bio: shop.bio,
      defaultCurrency: shop.defaultCurrency,
      createdAt: shopCreatedAt,
      updatedAt: shopCreatedAt,
    });

    const shopListingIds = new Map<string, string>();
    for (const listing of shop.listings) {
      const id = newId();
      // Spread publish times over the day as well, deterministically, so ordering by publishedAt is stable.
      const minuteOffset = (listingIndex * 137) % 600;
      const publishedAt =
        listing.status === "PUBLISHED" ? daysBefore(now, listing.publishedDaysAgo ?? 0, minuteOffset) : null;
      const createdAt = publishedAt
        ? new Date(publishedAt.getTime() - 3 * DAY)
        : daysBefore(now, 4 + (listingIndex % 5), minuteOffset);
      listingIndex++;
      listings.push({
        id,
        shopId,
        slug: listing.slug,
        type: listing.type,
        status: listing.status,
        title: listing.title,
        tagline: listing.tagline,
        description: listing.description,
        teaser: listing.teaser,
        aiModels: listing.aiModels,
        category: listing.category,
        priceAmount: listing.priceAmount,
        currency: listing.currency,
        language: listing.language ?? "en",
        tags: listingTags(listing),
        publishedAt,
        createdAt,
        updatedAt: publishedAt ?? createdAt,
      });
      contents.push({ listingId: id, body: listing.body, instructions: listing.instructions });
      for (const [position, tier] of (listing.tiers ?? []).entries()) {
        const tierId = newId();
        tiers.push({
          id: tierId,
          listingId: id,
          name: tier.name,
          position,
          licenseText: tier.licenseText,
          activationLimit: tier.activationLimit ?? null,
          createdAt,
        });
        for (const price of tier.prices) tierPrices.push({ tierId, ...price });
      }
      listing.examples.forEach((example, position) => {
        examples.push({ id: newId(), listingId: id, position, input: example.input, output: example.output });
      });
      for (const file of listing.files ?? []) {
        files.push({
          id: newId(),
          listingId: id,
          fileName: file.fileName,
          contentType: file.contentType,
          content: withFinalNewline(file.build()),
          storageKey: `listings/${id}/${file.fileName}`,
          createdAt,
        });
      }
      shopListingIds.set(listing.slug, id);
      listingBySlug.set(listing.slug, { id, publishedAt });
    }

    for (const listing of shop.listings) {
      const bundleId = shopListingIds.get(listing.slug);
      for (const slug of listing.bundleOf ?? []) {
        const listingId = shopListingIds.get(slug);
        if (bundleId && listingId) bundleItems.push({ bundleId, listingId });
      }
    }

    for (const plan of shop.plans) {
      const planId = newId();
      const createdAt = daysBefore(now, 40 + shopIndex);
      plans.push({
        id: planId,
        shopId,
        name: plan.name,
        description: plan.description,
        includesAllListings: plan.includesAllListings,
        includedCategories: plan.includedCategories ?? [],
        trialDays: plan.trialDays ?? 0,
        createdAt,
        updatedAt: createdAt,
      });
      for (const price of plan.prices) {
        planPrices.push({
          id: newId(),
          planId,
          amount: price.amount,
          currency: price.currency,
          interval: price.interval,
          createdAt,
        });
      }
      for (const slug of plan.listingSlugs ?? []) {
        const listingId = shopListingIds.get(slug);
        if (listingId) planListings.push({ planId, listingId });
      }
    }
  }

  const reviews: Prisma.ReviewCreateManyInput[] = [];
  for (const review of REVIEWS) {
    const listing = listingBySlug.get(review.listingSlug);
    const userId = userIdByEmail.get(review.reviewerEmail);
    if (!listing?.publishedAt || !userId) continue;
    const createdAt = new Date(
      Math.min(listing.publishedAt.getTime() + review.daysAfterPublish * DAY, now.getTime() - 60 * MINUTE),
    );
    reviews.push({
      id: newId(),
      listingId: listing.id,
      userId,
      rating: review.rating,
      body: review.body,
      proofText: review.proofText ?? null,
      createdAt,
      ...(review.sellerReply && {
        sellerReply: review.sellerReply,
        sellerRepliedAt: new Date(Math.min(createdAt.getTime() + DAY, now.getTime())),
      }),
    });
    // The listing's kept rating (ADR 0027): the review module keeps it from here on.
    const row = listings.find((candidate) => candidate.id === listing.id);
    if (row) {
      row.ratingCount = (row.ratingCount ?? 0) + 1;
      row.ratingSum = (row.ratingSum ?? 0) + review.rating;
    }
  }

  // One open report, so the admin queue has something to show at first look.
  const reported = listingBySlug.get("headline-stress-test");
  const listingReports: Prisma.ListingReportCreateManyInput[] = reported
    ? [
        {
          id: newId(),
          listingId: reported.id,
          reporterEmail: "copy.watch@example.com",
          kind: "COPYRIGHT",
          details:
            "The five-test checklist in this listing reads like the one in my 2023 newsletter issue on headline testing. Could you compare them?",
          createdAt: new Date(now.getTime() - 3 * 60 * MINUTE),
        },
      ]
    : [];

  return {
    users,
    shops,
    listings,
    contents,
    examples,
    files,
    bundleItems,
    tiers,
    tierPrices,
    plans,
    planPrices,
    planListings,
    reviews,
    listingReports,
  };
}

function withFinalNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set: point it at the PostgreSQL database to seed.");
    process.exitCode = 1;
    return;
  }
  const { createPrismaClient } = await import("../app/utils/db.server.ts");
  const prisma = createPrismaClient(databaseUrl);
  try {
    const result = await seedDemoShop(prisma, {
      log: (line) => console.log(line),
      fileStore: cliFileStore(),
    });
    if (!result.seeded) console.log("Nothing to do.");
    else await addDemoCovers(prisma, cliFileStore(), (line) => console.log(line));
  } finally {
    await prisma.$disconnect();
  }
}

/** The app's file store when the environment is complete; otherwise the same disk folder the app defaults to. */
function cliFileStore(): FileStore {
  try {
    return fileStore();
  } catch {
    const dir = process.env.FILE_STORAGE_DIR || "./data/files";
    console.log(`Environment incomplete for the app; storing demo files on disk in ${dir}.`);
    return createDiskFileStore(dir);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
