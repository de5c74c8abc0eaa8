-- Page cache invalidation (ADR 0028): every app server keeps anonymous visitors' public pages in
-- memory and LISTENs on "stapel_page_cache"; any change to what public pages show notifies it.
-- One notification per statement (not per row), and PostgreSQL folds identical notifications of a
-- transaction into one, so a bulk update costs one message. The payload names the table.
CREATE FUNCTION "notify_page_cache"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('stapel_page_cache', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Listing_page_cache" AFTER INSERT OR UPDATE OR DELETE ON "Listing"
FOR EACH STATEMENT EXECUTE FUNCTION "notify_page_cache"();
CREATE TRIGGER "LicenseTier_page_cache" AFTER INSERT OR UPDATE OR DELETE ON "LicenseTier"
FOR EACH STATEMENT EXECUTE FUNCTION "notify_page_cache"();
CREATE TRIGGER "TierPrice_page_cache" AFTER INSERT OR UPDATE OR DELETE ON "TierPrice"
FOR EACH STATEMENT EXECUTE FUNCTION "notify_page_cache"();
CREATE TRIGGER "Review_page_cache" AFTER INSERT OR UPDATE OR DELETE ON "Review"
FOR EACH STATEMENT EXECUTE FUNCTION "notify_page_cache"();
CREATE TRIGGER "Shop_page_cache" AFTER INSERT OR UPDATE OR DELETE ON "Shop"
FOR EACH STATEMENT EXECUTE FUNCTION "notify_page_cache"();
CREATE TRIGGER "Plan_page_cache" AFTER INSERT OR UPDATE OR DELETE ON "Plan"
FOR EACH STATEMENT EXECUTE FUNCTION "notify_page_cache"();
CREATE TRIGGER "PlanPrice_page_cache" AFTER INSERT OR UPDATE OR DELETE ON "PlanPrice"
FOR EACH STATEMENT EXECUTE FUNCTION "notify_page_cache"();
CREATE TRIGGER "PlanListing_page_cache" AFTER INSERT OR UPDATE OR DELETE ON "PlanListing"
FOR EACH STATEMENT EXECUTE FUNCTION "notify_page_cache"();
CREATE TRIGGER "ListingExample_page_cache" AFTER INSERT OR UPDATE OR DELETE ON "ListingExample"
FOR EACH STATEMENT EXECUTE FUNCTION "notify_page_cache"();
CREATE TRIGGER "BundleItem_page_cache" AFTER INSERT OR UPDATE OR DELETE ON "BundleItem"
FOR EACH STATEMENT EXECUTE FUNCTION "notify_page_cache"();
CREATE TRIGGER "ListingSlug_page_cache" AFTER INSERT OR UPDATE OR DELETE ON "ListingSlug"
FOR EACH STATEMENT EXECUTE FUNCTION "notify_page_cache"();
CREATE TRIGGER "Image_page_cache" AFTER INSERT OR UPDATE OR DELETE ON "Image"
FOR EACH STATEMENT EXECUTE FUNCTION "notify_page_cache"();
