-- Search at 100,000 listings, the narrow table (ADR 32). A search whose words match a quarter of
-- the catalogue read almost every page of the fat "Listing" table (descriptions, teasers, ~1.8 kB a
-- row) for its page and again for its facet counts. "ListingSearch" holds, for each visible listing
-- only (published, not taken down), the search document and the columns filters, sorts and facets
-- read: a quarter of the bytes, so the same matches sit on a quarter of the pages. The database keeps
-- it from "Listing" (after the triggers that compute the document and the prices); the app never
-- writes it. The GIN index moves here: searches no longer read "Listing"'s document.

-- DropIndex
DROP INDEX "Listing_searchDocument_idx";

-- CreateTable
CREATE TABLE "ListingSearch" (
    "listingId" TEXT NOT NULL,
    "searchDocument" tsvector,
    "type" "ListingType" NOT NULL,
    "aiModels" TEXT[],
    "category" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "priceEur" INTEGER,
    "priceUsd" INTEGER,
    "ratingCount" INTEGER NOT NULL,
    "ratingSum" INTEGER NOT NULL,
    "salesCount" INTEGER NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ListingSearch_pkey" PRIMARY KEY ("listingId")
);

-- AddForeignKey
ALTER TABLE "ListingSearch" ADD CONSTRAINT "ListingSearch_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A visible listing has its row, with the values it has now; any other has none.
CREATE FUNCTION "listing_search_row"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" = 'PUBLISHED' AND NEW."takenDownAt" IS NULL THEN
    INSERT INTO "ListingSearch" ("listingId", "searchDocument", "type", "aiModels", "category", "language",
      "priceEur", "priceUsd", "ratingCount", "ratingSum", "salesCount", "publishedAt", "createdAt")
    VALUES (NEW."id", NEW."searchDocument", NEW."type", NEW."aiModels", NEW."category", NEW."language",
      NEW."priceEur", NEW."priceUsd", NEW."ratingCount", NEW."ratingSum", NEW."salesCount", NEW."publishedAt",
      NEW."createdAt")
    ON CONFLICT ("listingId") DO UPDATE SET
      "searchDocument" = EXCLUDED."searchDocument", "type" = EXCLUDED."type", "aiModels" = EXCLUDED."aiModels",
      "category" = EXCLUDED."category", "language" = EXCLUDED."language", "priceEur" = EXCLUDED."priceEur",
      "priceUsd" = EXCLUDED."priceUsd", "ratingCount" = EXCLUDED."ratingCount", "ratingSum" = EXCLUDED."ratingSum",
      "salesCount" = EXCLUDED."salesCount", "publishedAt" = EXCLUDED."publishedAt", "createdAt" = EXCLUDED."createdAt";
  ELSIF TG_OP = 'UPDATE' THEN
    DELETE FROM "ListingSearch" WHERE "listingId" = NEW."id";
  END IF;
  RETURN NULL;
END
$$;

-- AFTER, so the document and the prices the BEFORE triggers computed are in NEW. Writes that move
-- nothing search reads (an edit of the teaser, a new version number) write no row.
CREATE TRIGGER "Listing_searchRow_insert"
AFTER INSERT ON "Listing" FOR EACH ROW EXECUTE FUNCTION "listing_search_row"();

CREATE TRIGGER "Listing_searchRow_update"
AFTER UPDATE ON "Listing" FOR EACH ROW
WHEN ((OLD."status", OLD."takenDownAt", OLD."searchDocument", OLD."type", OLD."aiModels", OLD."category",
        OLD."language", OLD."priceEur", OLD."priceUsd", OLD."ratingCount", OLD."ratingSum", OLD."salesCount",
        OLD."publishedAt", OLD."createdAt")
  IS DISTINCT FROM (NEW."status", NEW."takenDownAt", NEW."searchDocument", NEW."type", NEW."aiModels",
        NEW."category", NEW."language", NEW."priceEur", NEW."priceUsd", NEW."ratingCount", NEW."ratingSum",
        NEW."salesCount", NEW."publishedAt", NEW."createdAt"))
EXECUTE FUNCTION "listing_search_row"();

-- The listings that are visible now.
INSERT INTO "ListingSearch" ("listingId", "searchDocument", "type", "aiModels", "category", "language",
  "priceEur", "priceUsd", "ratingCount", "ratingSum", "salesCount", "publishedAt", "createdAt")
SELECT "id", "searchDocument", "type", "aiModels", "category", "language", "priceEur", "priceUsd",
  "ratingCount", "ratingSum", "salesCount", "publishedAt", "createdAt"
FROM "Listing" WHERE "status" = 'PUBLISHED' AND "takenDownAt" IS NULL;

-- CreateIndex (after the rows: one build instead of 100,000 inserts into the index)
CREATE INDEX "ListingSearch_searchDocument_idx" ON "ListingSearch" USING GIN ("searchDocument");
