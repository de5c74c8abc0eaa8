-- Storefront search (ADR 0027): a weighted full-text document per listing, stemmed in the listing's
-- own language, and a table of the words buyers may mistype, for typo tolerance through pg_trgm.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Listing" ADD COLUMN "searchDocument" tsvector;

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- The text search configuration for a listing's language ("de" stems German, anything else English).
CREATE FUNCTION "listing_search_config"(language TEXT) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN language = 'de' THEN 'german'::regconfig ELSE 'english'::regconfig END
$$;

-- Weights: A title; B tagline, tags, AI models and category; C description. Public fields only:
-- the paid content (ListingContent) is never part of the document, so it can never be a snippet.
-- Title, tag, category and model words also go into "SearchWord" for the typo corrections.
CREATE FUNCTION "listing_search_document"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  config regconfig := "listing_search_config"(NEW."language");
  keywords TEXT := coalesce(array_to_string(NEW."tags", ' '), '') || ' '
    || coalesce(array_to_string(NEW."aiModels", ' '), '') || ' ' || coalesce(NEW."category", '');
BEGIN
  NEW."searchDocument" :=
    setweight(to_tsvector(config, coalesce(NEW."title", '')), 'A')
    || setweight(to_tsvector(config, coalesce(NEW."tagline", '') || ' ' || keywords), 'B')
    || setweight(to_tsvector(config, coalesce(NEW."description", '')), 'C');
  INSERT INTO "SearchWord" ("word")
    SELECT DISTINCT word
    FROM regexp_split_to_table(lower(coalesce(NEW."title", '') || ' ' || keywords), '[^[:alnum:]]+') AS word
    WHERE length(word) BETWEEN 3 AND 40
    ORDER BY word
    ON CONFLICT DO NOTHING;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Listing_searchDocument"
BEFORE INSERT OR UPDATE OF "title", "tagline", "description", "tags", "aiModels", "category", "language"
ON "Listing" FOR EACH ROW EXECUTE FUNCTION "listing_search_document"();

-- Fill the document for listings that exist already (the trigger does the work).
UPDATE "Listing" SET "title" = "title";

-- CreateIndex
CREATE INDEX "Listing_searchDocument_idx" ON "Listing" USING GIN ("searchDocument");

-- CreateIndex
CREATE INDEX "Listing_title_idx" ON "Listing" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);
