/*
  Warnings:

  - A unique constraint covering the columns `[stripeChargeId]` on the table `Order` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[avatarImageId]` on the table `Shop` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "UploadStatus" AS ENUM ('RECEIVING', 'COMPLETE', 'FAILED');

-- CreateEnum
CREATE TYPE "PricingMode" AS ENUM ('FIXED', 'PAY_WHAT_YOU_WANT', 'FREE');

-- CreateEnum
CREATE TYPE "AgentPlatform" AS ENUM ('N8N', 'MAKE', 'ZAPIER', 'CUSTOM_GPT', 'CLAUDE_PROJECT', 'LANGCHAIN', 'OTHER');

-- CreateEnum
CREATE TYPE "DiscountKind" AS ENUM ('PERCENT', 'FIXED');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'CANCELED');

-- AlterTable
ALTER TABLE "Listing" ADD COLUMN     "agentPlatform" "AgentPlatform",
ADD COLUMN     "aiGenerated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "compatibleApps" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "coverImageId" TEXT,
ADD COLUMN     "currentVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pricingMode" "PricingMode" NOT NULL DEFAULT 'FIXED',
ADD COLUMN     "requiredTools" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "ListingContent" ADD COLUMN     "guide" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "modelNotes" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "templateUrl" TEXT;

-- AlterTable
ALTER TABLE "ListingExample" ADD COLUMN     "imageId" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "country" TEXT,
ADD COLUMN     "destinationAccountId" TEXT,
ADD COLUMN     "discountCodeId" TEXT,
ADD COLUMN     "netAmount" INTEGER,
ADD COLUMN     "platformFeeAmount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stripeChargeId" TEXT,
ADD COLUMN     "stripeFeeAmount" INTEGER,
ADD COLUMN     "stripeTransferId" TEXT;

-- AlterTable
ALTER TABLE "OrderItem" ADD COLUMN     "licenseText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "licenseTierId" TEXT,
ADD COLUMN     "tierName" TEXT;

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "status" "RefundStatus" NOT NULL DEFAULT 'SUCCEEDED',
ALTER COLUMN "stripeRefundId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "avatarImageId" TEXT,
ADD COLUMN     "links" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "stripeDetailsSubmitted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stripeDisabledReason" TEXT,
ADD COLUMN     "stripeRequirementsDue" TEXT[] DEFAULT ARRAY[]::TEXT[],
ALTER COLUMN "platformFeeBps" DROP NOT NULL,
ALTER COLUMN "platformFeeBps" DROP DEFAULT;

-- CreateTable
CREATE TABLE "ShopUnsubscribe" (
    "shopId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShopUnsubscribe_pkey" PRIMARY KEY ("shopId","userId")
);

-- CreateTable
CREATE TABLE "Image" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "alt" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "widths" INTEGER[],
    "storagePrefix" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "listingId" TEXT,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "receivedBytes" BIGINT NOT NULL DEFAULT 0,
    "storageKey" TEXT NOT NULL,
    "s3UploadId" TEXT,
    "parts" JSONB NOT NULL DEFAULT '[]',
    "status" "UploadStatus" NOT NULL DEFAULT 'RECEIVING',
    "failure" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ListingSlug" (
    "slug" TEXT NOT NULL,
    "listingId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ListingSlug_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "ListingVersion" (
    "id" TEXT NOT NULL,
    "listingId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "changelog" TEXT NOT NULL DEFAULT '',
    "snapshot" JSONB NOT NULL,
    "notifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ListingVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LicenseTier" (
    "id" TEXT NOT NULL,
    "listingId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "licenseText" TEXT NOT NULL DEFAULT '',
    "activationLimit" INTEGER,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LicenseTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TierPrice" (
    "tierId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "suggestedAmount" INTEGER,

    CONSTRAINT "TierPrice_pkey" PRIMARY KEY ("tierId","currency")
);

-- CreateTable
CREATE TABLE "DiscountCode" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "DiscountKind" NOT NULL,
    "percentOff" INTEGER,
    "amountOff" INTEGER,
    "currency" TEXT,
    "appliesToShop" BOOLEAN NOT NULL DEFAULT false,
    "durationInMonths" INTEGER,
    "maxRedemptions" INTEGER,
    "redemptionCount" INTEGER NOT NULL DEFAULT 0,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "stripeCouponId" TEXT,
    "stripePromotionCodeId" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DiscountCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscountCodeListing" (
    "discountCodeId" TEXT NOT NULL,
    "listingId" TEXT NOT NULL,

    CONSTRAINT "DiscountCodeListing_pkey" PRIMARY KEY ("discountCodeId","listingId")
);

-- CreateTable
CREATE TABLE "DiscountCodePlan" (
    "discountCodeId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,

    CONSTRAINT "DiscountCodePlan_pkey" PRIMARY KEY ("discountCodeId","planId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Image_storagePrefix_key" ON "Image"("storagePrefix");

-- CreateIndex
CREATE INDEX "Image_shopId_idx" ON "Image"("shopId");

-- CreateIndex
CREATE UNIQUE INDEX "Upload_storageKey_key" ON "Upload"("storageKey");

-- CreateIndex
CREATE INDEX "Upload_shopId_status_idx" ON "Upload"("shopId", "status");

-- CreateIndex
CREATE INDEX "ListingSlug_listingId_idx" ON "ListingSlug"("listingId");

-- CreateIndex
CREATE UNIQUE INDEX "ListingVersion_listingId_number_key" ON "ListingVersion"("listingId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "LicenseTier_listingId_position_key" ON "LicenseTier"("listingId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "DiscountCode_stripeCouponId_key" ON "DiscountCode"("stripeCouponId");

-- CreateIndex
CREATE UNIQUE INDEX "DiscountCode_stripePromotionCodeId_key" ON "DiscountCode"("stripePromotionCodeId");

-- CreateIndex
CREATE UNIQUE INDEX "DiscountCode_shopId_code_key" ON "DiscountCode"("shopId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Order_stripeChargeId_key" ON "Order"("stripeChargeId");

-- CreateIndex
CREATE UNIQUE INDEX "Shop_avatarImageId_key" ON "Shop"("avatarImageId");

-- AddForeignKey
ALTER TABLE "Shop" ADD CONSTRAINT "Shop_avatarImageId_fkey" FOREIGN KEY ("avatarImageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopUnsubscribe" ADD CONSTRAINT "ShopUnsubscribe_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopUnsubscribe" ADD CONSTRAINT "ShopUnsubscribe_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_coverImageId_fkey" FOREIGN KEY ("coverImageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListingExample" ADD CONSTRAINT "ListingExample_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListingSlug" ADD CONSTRAINT "ListingSlug_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListingVersion" ADD CONSTRAINT "ListingVersion_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseTier" ADD CONSTRAINT "LicenseTier_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TierPrice" ADD CONSTRAINT "TierPrice_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "LicenseTier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscountCode" ADD CONSTRAINT "DiscountCode_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscountCodeListing" ADD CONSTRAINT "DiscountCodeListing_discountCodeId_fkey" FOREIGN KEY ("discountCodeId") REFERENCES "DiscountCode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscountCodeListing" ADD CONSTRAINT "DiscountCodeListing_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscountCodePlan" ADD CONSTRAINT "DiscountCodePlan_discountCodeId_fkey" FOREIGN KEY ("discountCodeId") REFERENCES "DiscountCode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscountCodePlan" ADD CONSTRAINT "DiscountCodePlan_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_discountCodeId_fkey" FOREIGN KEY ("discountCodeId") REFERENCES "DiscountCode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_licenseTierId_fkey" FOREIGN KEY ("licenseTierId") REFERENCES "LicenseTier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every listing has at least one licence tier: existing ones get "Standard" at their price (ids
-- shaped like ours: 25 lowercase hex characters). Free listings are FREE and have no tier price.
INSERT INTO "LicenseTier" ("id", "listingId", "name", "position", "licenseText", "createdAt")
SELECT 't' || substr(md5("id"), 1, 24), "id", 'Standard', 0, '', CURRENT_TIMESTAMP FROM "Listing";
INSERT INTO "TierPrice" ("tierId", "currency", "amount")
SELECT 't' || substr(md5("id"), 1, 24), "currency", "priceAmount" FROM "Listing" WHERE "priceAmount" > 0;
UPDATE "Listing" SET "pricingMode" = 'FREE' WHERE "priceAmount" = 0;
UPDATE "OrderItem" SET "licenseTierId" = 't' || substr(md5("listingId"), 1, 24), "tierName" = 'Standard';

-- Shops on the old default (500) follow the platform's fee (PLATFORM_FEE_BPS) from now on.
UPDATE "Shop" SET "platformFeeBps" = NULL WHERE "platformFeeBps" = 500;
