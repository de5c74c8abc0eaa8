// A shop with everything the listing and shop pages show (cover, examples with and without
// images, files, a bundle, tiers in two currencies, plans of every kind, reviews visible, hidden,
// replied to and by a deleted account), made straight in the database, and a statement counter.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { prisma } from "~/utils/db.server.ts";
import { testEnv } from "../support/test-env.ts";

for (const [name, value] of Object.entries(testEnv)) process.env[name] ??= value;

export const unique = () => randomBytes(5).toString("hex");

/**
 * Counts the SQL statements the app sends while `run` runs, by wrapping `pg`'s Client.query (the
 * Prisma adapter's pool sends every statement through it, whether PGlite or PostgreSQL answers).
 */
export async function countStatements<T>(
  run: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first] = args;
    const text = typeof first === "string" ? first : (first as { text?: string } | undefined)?.text;
    statements.push(String(text ?? "?"));
    return original.apply(this, args);
  };
  try {
    return { result: await run(), statements };
  } finally {
    proto.query = original;
  }
}

async function image(shopId: string, alt: string) {
  return prisma.image.create({
    data: {
      shopId,
      alt,
      width: 1200,
      height: 800,
      widths: [400, 800, 1200],
      storagePrefix: `images/${unique()}`,
      sha256: unique(),
    },
  });
}

async function listing(
  shopId: string,
  fields: { title: string; type?: "PROMPT" | "BUNDLE"; category?: string },
) {
  return prisma.listing.create({
    data: {
      shopId,
      slug: `speed-${unique()}`,
      type: fields.type ?? "PROMPT",
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - 86_400_000),
      title: fields.title,
      tagline: `${fields.title}, ready to use`,
      description: `# ${fields.title}\n\nUse it **as it is**.`,
      aiModels: ["ChatGPT", "Claude"],
      category: fields.category ?? "Marketing",
      priceAmount: 900,
      currency: "EUR",
    },
  });
}

export type PageSpeedWorld = Awaited<ReturnType<typeof pageSpeedWorld>>;

export async function pageSpeedWorld() {
  const owner = await prisma.user.create({
    data: { email: `speed-${unique()}@example.com`, role: "SELLER", name: "Maren" },
  });
  const shop = await prisma.shop.create({
    data: {
      ownerId: owner.id,
      handle: `speed-${unique()}`,
      name: "Speed shop",
      bio: "Prompts that sell.",
      links: ["https://example.com/maren"],
      defaultCurrency: "EUR",
    },
  });
  const avatar = await image(shop.id, "Maren's face");
  await prisma.shop.update({ where: { id: shop.id }, data: { avatarImageId: avatar.id } });

  const main = await listing(shop.id, { title: "Cold email opener" });
  const cover = await image(shop.id, "An inbox");
  const exampleImage = await image(shop.id, "A reply");
  await prisma.listing.update({
    where: { id: main.id },
    data: {
      coverImageId: cover.id,
      aiGenerated: true,
      teaser: "You are a copywriter…",
      pricingMode: "FIXED",
      examples: {
        create: [
          { position: 1, input: "Second input", output: "Second output" },
          { position: 0, input: "First input", output: "First output", imageId: exampleImage.id },
        ],
      },
      files: {
        create: [
          {
            fileName: "guide.pdf",
            contentType: "application/pdf",
            sizeBytes: 1234,
            storageKey: `k/${unique()}`,
            sha256: "a",
          },
          {
            fileName: "sheet.csv",
            contentType: "text/csv",
            sizeBytes: 99,
            storageKey: `k/${unique()}`,
            sha256: "b",
          },
        ],
      },
      tiers: {
        create: [
          {
            name: "Personal",
            position: 0,
            licenseText: "PAID-LICENCE-TEXT personal",
            prices: {
              create: [
                { currency: "EUR", amount: 900 },
                { currency: "USD", amount: 1000 },
              ],
            },
          },
          {
            name: "Commercial",
            position: 1,
            activationLimit: 3,
            licenseText: "PAID-LICENCE-TEXT commercial",
            prices: { create: [{ currency: "EUR", amount: 2900 }] },
          },
          {
            name: "Old",
            position: 2,
            archivedAt: new Date(),
            prices: { create: [{ currency: "GBP", amount: 500 }] },
          },
        ],
      },
    },
  });
  await prisma.listingContent.create({
    data: { listingId: main.id, body: "PAID-PROMPT-BODY secret", guide: "PAID-GUIDE secret" },
  });

  const itemA = await listing(shop.id, { title: "Follow-up writer" });
  const itemB = await listing(shop.id, { title: "Subject line lab", category: "Writing" });
  const bundle = await listing(shop.id, { title: "Outreach bundle", type: "BUNDLE" });
  await prisma.bundleItem.createMany({
    data: [
      { bundleId: bundle.id, listingId: itemA.id },
      { bundleId: bundle.id, listingId: itemB.id },
    ],
  });
  const hidden = await prisma.listing.create({
    data: {
      shopId: shop.id,
      slug: `speed-${unique()}`,
      type: "PROMPT",
      status: "PUBLISHED",
      publishedAt: new Date(),
      takenDownAt: new Date(),
      title: "Taken down",
      tagline: "Gone",
      description: "Gone",
      aiModels: [],
      category: "Marketing",
      priceAmount: 100,
      currency: "EUR",
    },
  });

  // Plans: all listings; by category; chosen one by one; archived; without a live price; other category.
  const plan = (
    name: string,
    data: Record<string, unknown>,
    prices: { amount: number; currency: string; interval: "MONTH" | "YEAR"; archivedAt?: Date }[],
  ) =>
    prisma.plan.create({
      data: { shopId: shop.id, name, description: `${name}, described`, ...data, prices: { create: prices } },
    });
  const everything = await plan("Everything", { includesAllListings: true, trialDays: 7 }, [
    { amount: 9000, currency: "EUR", interval: "YEAR" },
    { amount: 1000, currency: "USD", interval: "MONTH" },
    { amount: 900, currency: "EUR", interval: "MONTH" },
    { amount: 800, currency: "EUR", interval: "MONTH", archivedAt: new Date() },
  ]);
  const marketing = await plan("Marketing club", { includedCategories: ["Marketing"] }, [
    { amount: 500, currency: "USD", interval: "YEAR" },
  ]);
  const chosen = await plan(
    "Hand-picked",
    { listings: { create: [{ listingId: main.id }, { listingId: itemB.id }] } },
    [{ amount: 300, currency: "EUR", interval: "MONTH" }],
  );
  await plan("Archived", { includesAllListings: true, archivedAt: new Date() }, [
    { amount: 100, currency: "EUR", interval: "MONTH" },
  ]);
  await plan("No live price", { includesAllListings: true }, [
    { amount: 100, currency: "EUR", interval: "MONTH", archivedAt: new Date() },
  ]);
  await plan("Writing club", { includedCategories: ["Writing"] }, [
    { amount: 200, currency: "EUR", interval: "MONTH" },
  ]);

  // Reviews: 8 visible (more than a page), one hidden, one by a deleted account, one replied to.
  const reviewers = [];
  const proof = await image(shop.id, "What the prompt made");
  for (let index = 0; index < 10; index++) {
    const user = await prisma.user.create({
      data: {
        email: `reviewer-${unique()}@example.com`,
        name: index === 3 ? null : `Reviewer ${index}`,
        ...(index === 4 && { deletedAt: new Date() }),
      },
    });
    reviewers.push(user);
    await prisma.review.create({
      data: {
        listingId: main.id,
        userId: user.id,
        rating: [5, 4, 5, 3, 1, 5, 4, 2, 5, 4][index] as number,
        body: `Review ${index}: it wrote openers that got replies.`,
        proofText: index === 1 ? "Output: Hi there" : null,
        ...(index === 6 && { proofImageId: proof.id }),
        createdAt: new Date(Date.UTC(2026, 10, 1 + index, 12, 0, 0, 123)),
        ...(index === 2 && { sellerReply: "Thank you!", sellerRepliedAt: new Date(Date.UTC(2026, 10, 20)) }),
        ...(index === 9 && { hiddenAt: new Date() }),
      },
    });
  }
  const visible = await prisma.review.aggregate({
    where: { listingId: main.id, hiddenAt: null },
    _count: { _all: true },
    _sum: { rating: true },
  });
  await prisma.listing.update({
    where: { id: main.id },
    data: { ratingCount: visible._count._all, ratingSum: visible._sum.rating ?? 0 },
  });

  // A buyer of the main listing (with a review of their own) and a buyer of one bundle item.
  const buyer = reviewers[0] as { id: string };
  const itemOwner = await prisma.user.create({
    data: { email: `item-${unique()}@example.com`, name: "Ida" },
  });
  const grant = (userId: string, listingId: string, status: "ACTIVE" | "REVOKED" = "ACTIVE") =>
    prisma.entitlement.create({
      data: { userId, listingId, source: "GIFT", grantKey: `speed:${unique()}`, status },
    });
  await grant(buyer.id, main.id);
  await grant(itemOwner.id, itemA.id);
  await grant(itemOwner.id, itemB.id, "REVOKED");
  const stranger = await prisma.user.create({ data: { email: `stranger-${unique()}@example.com` } });

  return {
    owner,
    shop,
    main,
    bundle,
    items: [itemA, itemB],
    hidden,
    plans: { everything, marketing, chosen },
    users: { buyer, itemOwner, stranger },
  };
}
