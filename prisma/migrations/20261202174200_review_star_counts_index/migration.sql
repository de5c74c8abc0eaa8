-- The listing page's star bars count a listing's visible reviews by stars (ratingDistribution,
-- the product page's query in app/modules/listings/storefront.server.ts). This index holds exactly
-- those pairs, so the count is an index-only scan of a few pages however many reviews the listing
-- has, instead of a heap page per review (566 buffers for the large seed's 665-review listing).
-- Partial: Prisma's schema cannot say it, and its diff leaves it alone.
CREATE INDEX "Review_listingId_rating_visible_idx" ON "Review" ("listingId", "rating") WHERE "hiddenAt" IS NULL;
