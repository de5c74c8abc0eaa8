-- CreateTable
CREATE TABLE "ListingDailySales" (
    "listingId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "ListingDailySales_pkey" PRIMARY KEY ("listingId","day")
);

-- CreateIndex
CREATE INDEX "ListingDailySales_day_idx" ON "ListingDailySales"("day");

-- Kept by the database (ADR 32): an order counts as a sale while it is PAID or PARTIALLY_REFUNDED
-- and has a paidAt; its items' quantities are added to their listings' day of paidAt (UTC) when it
-- starts counting and taken away when it stops (refund, status or paidAt change, deletion).
CREATE FUNCTION "listing_daily_sales_add"(listing TEXT, paid TIMESTAMP, delta INTEGER) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "ListingDailySales" ("listingId", "day", "quantity")
  VALUES (listing, paid::date, delta)
  ON CONFLICT ("listingId", "day") DO UPDATE
  SET "quantity" = "ListingDailySales"."quantity" + EXCLUDED."quantity"
$$;

CREATE FUNCTION "order_counts_as_sale"(status "OrderStatus", paid TIMESTAMP) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT status IN ('PAID', 'PARTIALLY_REFUNDED') AND paid IS NOT NULL
$$;

CREATE FUNCTION "order_daily_sales"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_counts boolean := TG_OP <> 'INSERT' AND "order_counts_as_sale"(OLD."status", OLD."paidAt");
  new_counts boolean := TG_OP <> 'DELETE' AND "order_counts_as_sale"(NEW."status", NEW."paidAt");
BEGIN
  IF old_counts AND new_counts AND OLD."paidAt"::date = NEW."paidAt"::date THEN
    RETURN NULL;
  END IF;
  IF old_counts THEN
    PERFORM "listing_daily_sales_add"(i."listingId", OLD."paidAt", -i."quantity")
    FROM "OrderItem" i WHERE i."orderId" = OLD."id";
  END IF;
  IF new_counts THEN
    PERFORM "listing_daily_sales_add"(i."listingId", NEW."paidAt", i."quantity")
    FROM "OrderItem" i WHERE i."orderId" = NEW."id";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Order_dailySales"
AFTER INSERT OR UPDATE OF "status", "paidAt" OR DELETE ON "Order"
FOR EACH ROW EXECUTE FUNCTION "order_daily_sales"();

CREATE FUNCTION "order_item_daily_sales"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "listing_daily_sales_add"(OLD."listingId", o."paidAt", -OLD."quantity")
    FROM "Order" o WHERE o."id" = OLD."orderId" AND "order_counts_as_sale"(o."status", o."paidAt");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "listing_daily_sales_add"(NEW."listingId", o."paidAt", NEW."quantity")
    FROM "Order" o WHERE o."id" = NEW."orderId" AND "order_counts_as_sale"(o."status", o."paidAt");
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "OrderItem_dailySales"
AFTER INSERT OR UPDATE OF "listingId", "orderId", "quantity" OR DELETE ON "OrderItem"
FOR EACH ROW EXECUTE FUNCTION "order_item_daily_sales"();

-- The orders so far.
INSERT INTO "ListingDailySales" ("listingId", "day", "quantity")
SELECT i."listingId", o."paidAt"::date, sum(i."quantity")::int
FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o."id"
WHERE "order_counts_as_sale"(o."status", o."paidAt")
GROUP BY 1, 2;
