-- Search at 100,000 listings (ADR 32). Each listing carries its first tier's price in EUR and in
-- USD, so price sorts, price filters and price facets in the viewer's currency read a column
-- instead of looking up the first tier's TierPrice for every listing priced in the other currency.
-- The columns are kept here, in the database, whoever writes prices (editor, seeds, SQL): the app
-- never writes them.

ALTER TABLE "Listing" ADD COLUMN "priceEur" INTEGER,
ADD COLUMN "priceUsd" INTEGER;

-- The first (lowest position, not archived) tier's price of a listing in a currency, or NULL.
CREATE FUNCTION "listing_first_tier_price"(listing TEXT, wanted TEXT) RETURNS INTEGER
LANGUAGE sql STABLE AS $$
  SELECT p."amount" FROM "TierPrice" p
  WHERE p."currency" = wanted AND p."tierId" = (
    SELECT t."id" FROM "LicenseTier" t
    WHERE t."listingId" = listing AND t."archivedAt" IS NULL
    ORDER BY t."position" LIMIT 1)
$$;

-- The price in the listing's own currency is `priceAmount` (kept by the editor from the first
-- tier); the other currency's comes from the first tier's prices. Any write to the price columns
-- recomputes them, so the tier triggers below only need to touch the row.
CREATE FUNCTION "listing_viewer_prices"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."priceEur" := CASE WHEN NEW."currency" = 'EUR' THEN NEW."priceAmount"
    ELSE "listing_first_tier_price"(NEW."id", 'EUR') END;
  NEW."priceUsd" := CASE WHEN NEW."currency" = 'USD' THEN NEW."priceAmount"
    ELSE "listing_first_tier_price"(NEW."id", 'USD') END;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Listing_viewerPrices"
BEFORE INSERT OR UPDATE OF "priceAmount", "currency", "priceEur", "priceUsd"
ON "Listing" FOR EACH ROW EXECUTE FUNCTION "listing_viewer_prices"();

-- A tier added, moved, archived or removed, or one of its prices changed: recompute its listing's
-- prices (only when they change, so a tier edit that moves no price writes no listing row).
CREATE FUNCTION "listing_refresh_viewer_prices"(listing TEXT) RETURNS void
LANGUAGE sql AS $$
  UPDATE "Listing" l SET "priceEur" = NULL
  WHERE l."id" = listing
    AND (l."priceEur" IS DISTINCT FROM CASE WHEN l."currency" = 'EUR' THEN l."priceAmount"
           ELSE "listing_first_tier_price"(l."id", 'EUR') END
      OR l."priceUsd" IS DISTINCT FROM CASE WHEN l."currency" = 'USD' THEN l."priceAmount"
           ELSE "listing_first_tier_price"(l."id", 'USD') END)
$$;

CREATE FUNCTION "license_tier_viewer_prices"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "listing_refresh_viewer_prices"(OLD."listingId");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW."listingId" IS DISTINCT FROM OLD."listingId") THEN
    PERFORM "listing_refresh_viewer_prices"(NEW."listingId");
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "LicenseTier_viewerPrices"
AFTER INSERT OR UPDATE OR DELETE ON "LicenseTier"
FOR EACH ROW EXECUTE FUNCTION "license_tier_viewer_prices"();

CREATE FUNCTION "tier_price_viewer_prices"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "listing_refresh_viewer_prices"(t."listingId") FROM "LicenseTier" t WHERE t."id" = OLD."tierId";
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."tierId" IS DISTINCT FROM OLD."tierId") THEN
    PERFORM "listing_refresh_viewer_prices"(t."listingId") FROM "LicenseTier" t WHERE t."id" = NEW."tierId";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "TierPrice_viewerPrices"
AFTER INSERT OR UPDATE OR DELETE ON "TierPrice"
FOR EACH ROW EXECUTE FUNCTION "tier_price_viewer_prices"();

-- Existing listings (the BEFORE trigger computes both columns).
UPDATE "Listing" SET "priceEur" = NULL;

-- Price sorts and filters in either currency.
CREATE INDEX "Listing_priceEur_idx" ON "Listing"("priceEur");
CREATE INDEX "Listing_priceUsd_idx" ON "Listing"("priceUsd");

-- "Best-selling this week" reads the last seven days' orders, not all of them.
CREATE INDEX "Order_paidAt_idx" ON "Order"("paidAt");
