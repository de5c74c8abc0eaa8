-- Search at 100,000 listings, sorted searches with words (ADR 32). Each sort is one bigint key
-- (app/modules/catalog/search-statements.server.ts, `sortKey`): these indexes are those keys,
-- written exactly as the search writes them, with the id as the tie-break, so a sorted search
-- whose words are common walks the index in order and stops after a page of matches instead of
-- reading every match and sorting. Expression indexes: Prisma's schema cannot say them, and its
-- diff leaves them alone.
CREATE INDEX "ListingSearch_newest_idx" ON "ListingSearch"
  (((extract(epoch FROM coalesce("publishedAt", "createdAt")) * 1000)::bigint) DESC, "listingId");
CREATE INDEX "ListingSearch_bestSelling_idx" ON "ListingSearch" (("salesCount"::bigint) DESC, "listingId");
CREATE INDEX "ListingSearch_rating_idx" ON "ListingSearch" ((CASE WHEN "ratingCount" > 0
  THEN ("ratingSum"::bigint * 1000 / "ratingCount") * 10000000 + least("ratingCount", 9999999)
  ELSE 0 END) DESC, "listingId");
CREATE INDEX "ListingSearch_priceAscEur_idx" ON "ListingSearch"
  ((-coalesce("priceEur", 1000000000000)::bigint) DESC, "listingId");
CREATE INDEX "ListingSearch_priceAscUsd_idx" ON "ListingSearch"
  ((-coalesce("priceUsd", 1000000000000)::bigint) DESC, "listingId");
CREATE INDEX "ListingSearch_priceDescEur_idx" ON "ListingSearch" ((coalesce("priceEur", -1)::bigint) DESC, "listingId");
CREATE INDEX "ListingSearch_priceDescUsd_idx" ON "ListingSearch" ((coalesce("priceUsd", -1)::bigint) DESC, "listingId");
