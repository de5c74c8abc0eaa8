import { LISTING_PAGE_REVIEWS } from "~/modules/catalog/listings.server.ts";
import { renderMarkdown } from "~/modules/markdown/render.server.ts";
import type { PublicImage } from "~/modules/media/image-urls.ts";
import { headlinePrice, type PlanPriceView } from "~/modules/plans/storefront.server.ts";
import { type OfferTiers, offerFromTiers } from "~/modules/pricing/offer.server.ts";
import { type PublicReview, reviewView } from "~/modules/reviews/reviews.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { currentSlugFor } from "./slugs.server.ts";

/**
 * The listing page's view in ONE statement (ADR 33): the public listing with its shop, cover,
 * examples, files and bundle items, the live tiers and prices of the buy box, the plans on sale that
 * include it, the first reviews and the star bars, and, when someone is signed in, whether they own
 * it (or the bundle's items), wrote a review of it, or sell it. The markdown description is rendered
 * and sanitised here.
 *
 * Like the catalogue's reads, nothing here selects the paid content (ListingContent, file storage
 * keys, licence texts): the page-speed tests compare this with the Prisma reads it replaced.
 */

type Timestamp = string;

type ReviewRow = {
  id: string;
  rating: number;
  body: string;
  proofText: string | null;
  proofImage: PublicImage | null;
  orderItemId: string | null;
  sellerReply: string | null;
  sellerRepliedAt: Timestamp | null;
  createdAt: Timestamp;
  user: { name: string | null; deletedAt: Timestamp | null };
};

/** The statement's one JSON value (timestamps as PostgreSQL writes them: ISO, UTC, no zone). */
type ListingPageRow = {
  id: string;
  slug: string;
  type: "PROMPT" | "TEMPLATE" | "AGENT" | "BUNDLE";
  title: string;
  tagline: string;
  aiModels: string[];
  category: string;
  priceAmount: number;
  currency: string;
  language: string;
  description: string;
  teaser: string;
  publishedAt: Timestamp | null;
  ratingCount: number;
  ratingSum: number;
  pricingMode: OfferTiers["pricingMode"];
  aiGenerated: boolean;
  shop: { handle: string; name: string; bio: string; defaultCurrency: string };
  cover: PublicImage | null;
  examples: { id: string; input: string; output: string; image: PublicImage | null }[];
  files: { id: string; fileName: string; sizeBytes: number }[];
  bundleItems: { slug: string; title: string; type: ListingPageRow["type"]; owned: boolean }[];
  reviews: ReviewRow[];
  /** Visible reviews per number of stars ("5": 12); null when the listing has none. */
  stars: Record<string, number> | null;
  tiers: OfferTiers["tiers"];
  plans: { id: string; name: string; prices: PlanPriceView[] | null }[];
  isOwnListing: boolean | null;
  owned: boolean;
  hasOwnReview: boolean;
};

const image = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'alt', ${alias}.alt, 'width', ${alias}.width, 'height', ${alias}.height, 'widths', ${alias}.widths)`;

/**
 * A page of a listing's visible reviews (newest first; `limit` is "LIMIT n" or "LIMIT $2 OFFSET $3")
 * as JSON, each with what a page shows of it, for the listing `l`. The page is cut before authors and
 * images are joined, so a deep page reads only its own authors.
 */
const reviewsSql = (limit: string) => `
      SELECT r.id, r."createdAt",
             json_build_object('id', r.id, 'rating', r.rating, 'body', r.body, 'proofText', r."proofText",
                               'proofImage', (SELECT ${image("pim")} FROM "Image" pim WHERE pim.id = r."proofImageId"),
                               'orderItemId', r."orderItemId", 'sellerReply', r."sellerReply",
                               'sellerRepliedAt', r."sellerRepliedAt", 'createdAt', r."createdAt",
                               'user', json_build_object('name', u.name, 'deletedAt', u."deletedAt")) AS review
      FROM (SELECT * FROM "Review" r
            WHERE r."listingId" = l.id AND r."hiddenAt" IS NULL
            ORDER BY r."createdAt" DESC, r.id DESC
            ${limit}) r
      JOIN "User" u ON u.id = r."userId"`;

/** Visible reviews of `l` per number of stars, as {"5": 12, …}; NULL when the listing has none. */
const STARS_SQL = `CASE WHEN l."ratingCount" > 0 THEN (
    SELECT json_object_agg(g.rating, g.reviews)
    FROM (SELECT r.rating, count(*) AS reviews FROM "Review" r
          WHERE r."listingId" = l.id AND r."hiddenAt" IS NULL GROUP BY r.rating) g) END`;

// $1: the slug; $2: the signed-in viewer's user id, or NULL (then every viewer fact is false).
export const LISTING_PAGE_SQL = `
SELECT json_build_object(
  'id', l.id, 'slug', l.slug, 'type', l.type, 'title', l.title, 'tagline', l.tagline,
  'aiModels', l."aiModels", 'category', l.category, 'priceAmount', l."priceAmount",
  'currency', l.currency, 'language', l.language, 'description', l.description,
  'teaser', l.teaser, 'publishedAt', l."publishedAt", 'ratingCount', l."ratingCount",
  'ratingSum', l."ratingSum", 'pricingMode', l."pricingMode", 'aiGenerated', l."aiGenerated",
  'shop', json_build_object('handle', s.handle, 'name', s.name, 'bio', s.bio,
                            'defaultCurrency', s."defaultCurrency"),
  'cover', (SELECT ${image("i")} FROM "Image" i WHERE i.id = l."coverImageId"),
  'examples', COALESCE((
    SELECT json_agg(json_build_object('id', e.id, 'input', e.input, 'output', e.output,
                                      'image', CASE WHEN i.id IS NULL THEN NULL ELSE ${image("i")} END)
                    ORDER BY e.position)
    FROM "ListingExample" e LEFT JOIN "Image" i ON i.id = e."imageId"
    WHERE e."listingId" = l.id), '[]'),
  'files', COALESCE((
    SELECT json_agg(json_build_object('id', f.id, 'fileName', f."fileName", 'sizeBytes', f."sizeBytes")
                    ORDER BY f."createdAt", f.id)
    FROM "ListingFile" f WHERE f."listingId" = l.id), '[]'),
  'bundleItems', COALESCE((
    SELECT json_agg(json_build_object('slug', b.slug, 'title', b.title, 'type', b.type,
      'owned', EXISTS (SELECT 1 FROM "Entitlement" en
                       WHERE en."userId" = $2 AND en."listingId" = b.id AND en.status = 'ACTIVE'))
                    ORDER BY bi."listingId")
    FROM "BundleItem" bi JOIN "Listing" b ON b.id = bi."listingId"
    WHERE bi."bundleId" = l.id), '[]'),
  'reviews', COALESCE((
    SELECT json_agg(shown.review ORDER BY shown."createdAt" DESC, shown.id DESC)
    FROM (${reviewsSql(`LIMIT ${LISTING_PAGE_REVIEWS}`)}) shown), '[]'),
  'stars', ${STARS_SQL},
  'tiers', COALESCE((
    SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'activationLimit', t."activationLimit",
      'prices', COALESCE((SELECT json_agg(json_build_object('currency', p.currency, 'amount', p.amount,
                                                            'suggestedAmount', p."suggestedAmount"))
                          FROM "TierPrice" p WHERE p."tierId" = t.id), '[]'))
                    ORDER BY t.position)
    FROM "LicenseTier" t WHERE t."listingId" = l.id AND t."archivedAt" IS NULL), '[]'),
  'plans', COALESCE((
    SELECT json_agg(json_build_object('id', pl.id, 'name', pl.name,
      'prices', (SELECT json_agg(json_build_object('id', pp.id, 'amount', pp.amount, 'currency', pp.currency,
                                                   'interval', pp.interval) ORDER BY pp.interval, pp.currency)
                 FROM "PlanPrice" pp WHERE pp."planId" = pl.id AND pp."archivedAt" IS NULL))
                    ORDER BY pl."createdAt")
    FROM "Plan" pl
    WHERE pl."shopId" = l."shopId" AND pl."archivedAt" IS NULL
      AND EXISTS (SELECT 1 FROM "PlanPrice" pp WHERE pp."planId" = pl.id AND pp."archivedAt" IS NULL)
      AND (pl."includesAllListings" OR l.category = ANY (pl."includedCategories")
           OR EXISTS (SELECT 1 FROM "PlanListing" pi WHERE pi."planId" = pl.id AND pi."listingId" = l.id))), '[]'),
  'isOwnListing', s."ownerId" = $2,
  'owned', EXISTS (SELECT 1 FROM "Entitlement" en
                   WHERE en."userId" = $2 AND en."listingId" = l.id AND en.status = 'ACTIVE'),
  'hasOwnReview', EXISTS (SELECT 1 FROM "Review" r WHERE r."listingId" = l.id AND r."userId" = $2)
)::text AS page
FROM "Listing" l JOIN "Shop" s ON s.id = l."shopId"
WHERE l.slug = $1 AND l.status = 'PUBLISHED' AND l."takenDownAt" IS NULL`;

/** A timestamp(3) as PostgreSQL's JSON writes it (UTC without a zone) as a Date. */
export const utcDate = (value: Timestamp) => new Date(`${value}Z`);
const optionalDate = (value: Timestamp | null) => (value === null ? null : utcDate(value));

type Buyer = { chosenCurrency?: string | null; acceptLanguage: string | null };

const publicReview = (review: ReviewRow): PublicReview =>
  reviewView({
    ...review,
    sellerRepliedAt: optionalDate(review.sellerRepliedAt),
    createdAt: utcDate(review.createdAt),
    user: { name: review.user.name, deletedAt: optionalDate(review.user.deletedAt) },
  });

/** The average (one decimal) from the kept count and sum; the review module keeps them exact. */
const rating = ({ ratingCount, ratingSum }: { ratingCount: number; ratingSum: number }) => ({
  average: ratingCount > 0 ? Math.round((ratingSum / ratingCount) * 10) / 10 : null,
  count: ratingCount,
});

const distribution = (stars: Record<string, number> | null) =>
  [5, 4, 3, 2, 1].map((count) => ({ stars: count, count: stars?.[String(count)] ?? 0 }));

function toPage(row: ListingPageRow, viewer: { id: string } | null, buyer: Buyer) {
  const listing = {
    id: row.id,
    slug: row.slug,
    type: row.type,
    title: row.title,
    tagline: row.tagline,
    aiModels: row.aiModels,
    category: row.category,
    priceAmount: row.priceAmount,
    currency: row.currency,
    shop: { handle: row.shop.handle, name: row.shop.name, bio: row.shop.bio },
    language: row.language,
    description: row.description,
    teaser: row.teaser,
    publishedAt: optionalDate(row.publishedAt),
    ratingCount: row.ratingCount,
    ratingSum: row.ratingSum,
    examples: row.examples.map(({ id, input, output }) => ({ id, input, output })),
    files: row.files,
    bundleItems: row.bundleItems.map(({ slug, title, type }) => ({ listing: { slug, title, type } })),
    rating: rating(row),
  };
  return {
    listing,
    descriptionHtml: renderMarkdown(row.description),
    aiGenerated: row.aiGenerated,
    cover: row.cover,
    /** Each example's image (by example id); the image carries its own alt text. */
    exampleImages: Object.fromEntries(
      row.examples.flatMap((example) => (example.image ? [[example.id, example.image]] : [])),
    ),
    isOwnListing: viewer !== null && row.isOwnListing === true,
    /** Slugs of the bundle's items the visitor already has. */
    ownedBundleItemSlugs: viewer ? row.bundleItems.filter((item) => item.owned).map((item) => item.slug) : [],
    plans: row.plans.map((plan) => ({
      id: plan.id,
      name: plan.name,
      price: headlinePrice(plan.prices ?? [], row.currency),
    })),
    owned: viewer !== null && row.owned,
    offer: offerFromTiers(
      row,
      { pricingMode: row.pricingMode, shop: { defaultCurrency: row.shop.defaultCurrency }, tiers: row.tiers },
      buyer,
    ),
    reviews: {
      distribution: distribution(row.stars),
      hasOwnReview: viewer !== null && row.hasOwnReview,
      shown: row.reviews.map(publicReview),
    },
  };
}

export type ListingPage = ReturnType<typeof toPage>;
export type ListingPageListing = ListingPage["listing"];

export type ListingPageLookup =
  | { kind: "found"; page: ListingPage }
  | { kind: "moved"; slug: string }
  | { kind: "missing" };

/**
 * The listing page for `slug`, seen by `viewer` (null: anonymous) buying in `buyer`'s currency; an
 * address the listing had before says where it moved. One statement when the listing is there.
 */
export async function findListingPage(
  slug: string,
  viewer: { id: string } | null,
  buyer: Buyer,
): Promise<ListingPageLookup> {
  const rows = await prisma.$queryRawUnsafe<{ page: string }[]>(LISTING_PAGE_SQL, slug, viewer?.id ?? null);
  const row = rows[0];
  if (row) return { kind: "found", page: toPage(JSON.parse(row.page) as ListingPageRow, viewer, buyer) };
  const current = await currentSlugFor(slug);
  return current ? { kind: "moved", slug: current } : { kind: "missing" };
}

// $1: the slug; $2: how many reviews (a page and one more, to know whether there are more); $3: offset.
export const REVIEWS_PAGE_SQL = `
SELECT json_build_object(
  'slug', l.slug, 'title', l.title, 'shopName', s.name,
  'ratingCount', l."ratingCount", 'ratingSum', l."ratingSum",
  'reviews', COALESCE((
    SELECT json_agg(shown.review ORDER BY shown."createdAt" DESC, shown.id DESC)
    FROM (${reviewsSql("LIMIT $2 OFFSET $3")}) shown), '[]'),
  'stars', ${STARS_SQL}
)::text AS page
FROM "Listing" l JOIN "Shop" s ON s.id = l."shopId"
WHERE l.slug = $1 AND l.status = 'PUBLISHED' AND l."takenDownAt" IS NULL`;

type ReviewsPageRow = {
  slug: string;
  title: string;
  shopName: string;
  ratingCount: number;
  ratingSum: number;
  reviews: ReviewRow[];
  stars: Record<string, number> | null;
};

/**
 * A page of a listing's visible reviews (`/p/<slug>/reviews`), newest first, with the listing's
 * rating and star bars, in one statement; null when the listing is not on sale.
 */
export async function findReviewsPage(slug: string, page: number, perPage: number) {
  const rows = await prisma.$queryRawUnsafe<{ page: string }[]>(
    REVIEWS_PAGE_SQL,
    slug,
    perPage + 1,
    (page - 1) * perPage,
  );
  const row = rows[0];
  if (!row) return null;
  const found = JSON.parse(row.page) as ReviewsPageRow;
  return {
    listing: {
      slug: found.slug,
      title: found.title,
      shopName: found.shopName,
      rating: rating(found),
    },
    reviews: found.reviews.slice(0, perPage).map(publicReview),
    hasMore: found.reviews.length > perPage,
    distribution: distribution(found.stars),
  };
}
