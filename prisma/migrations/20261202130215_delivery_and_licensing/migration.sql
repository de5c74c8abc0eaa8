/*
  Warnings:

  - A unique constraint covering the columns `[buyerCode]` on the table `Entitlement` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[subscriptionId]` on the table `LicenseKey` will be added. If there are existing duplicate values, this will fail.
  - Added the required column `shopId` to the `LicenseKey` table without a default value. This is not possible if the table is not empty.

*/
-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LicenseKeyStatus" ADD VALUE 'DISABLED';
ALTER TYPE "LicenseKeyStatus" ADD VALUE 'EXPIRED';

-- DropForeignKey
ALTER TABLE "LicenseKey" DROP CONSTRAINT "LicenseKey_entitlementId_fkey";

-- DropForeignKey
ALTER TABLE "LicenseKey" DROP CONSTRAINT "LicenseKey_listingId_fkey";

-- DropIndex
DROP INDEX "LicenseActivation_licenseKeyId_instanceName_key";

-- AlterTable
ALTER TABLE "DownloadLog" ADD COLUMN     "counted" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "range" TEXT;

-- AlterTable
ALTER TABLE "Entitlement" ADD COLUMN     "buyerCode" TEXT,
ADD COLUMN     "seenVersion" INTEGER NOT NULL DEFAULT 0;
-- Nothing bought so far counts as updated since the buyer saw it.
UPDATE "Entitlement" e SET "seenVersion" = l."currentVersion" FROM "Listing" l WHERE l."id" = e."listingId";

-- AlterTable
ALTER TABLE "LicenseKey" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "planId" TEXT,
ADD COLUMN     "rotatedAt" TIMESTAMP(3),
ADD COLUMN     "shopId" TEXT,
ADD COLUMN     "subscriptionId" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "uses" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "entitlementId" DROP NOT NULL,
ALTER COLUMN "listingId" DROP NOT NULL;

-- Existing keys belong to the shop of their listing.
UPDATE "LicenseKey" k SET "shopId" = l."shopId" FROM "Listing" l WHERE l."id" = k."listingId";
ALTER TABLE "LicenseKey" ALTER COLUMN "shopId" SET NOT NULL;

-- AlterTable
ALTER TABLE "Listing" ADD COLUMN     "downloadLimit" INTEGER;

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "licenseKeyPrefix" TEXT NOT NULL DEFAULT 'STPL';
-- Existing shops: the first six letters and digits of the handle (keys issued so far keep STPL-).
UPDATE "Shop" SET "licenseKeyPrefix" = left(upper(regexp_replace("handle", '[^a-zA-Z0-9]', '', 'g')), 6)
  WHERE length(regexp_replace("handle", '[^a-zA-Z0-9]', '', 'g')) >= 2;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "EmailChangeToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "newEmail" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailChangeToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailChangeToken_tokenHash_key" ON "EmailChangeToken"("tokenHash");

-- CreateIndex
CREATE INDEX "EmailChangeToken_userId_createdAt_idx" ON "EmailChangeToken"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "DownloadLog_entitlementId_counted_idx" ON "DownloadLog"("entitlementId", "counted");

-- CreateIndex
CREATE UNIQUE INDEX "Entitlement_buyerCode_key" ON "Entitlement"("buyerCode");

-- CreateIndex
CREATE INDEX "LicenseActivation_licenseKeyId_createdAt_idx" ON "LicenseActivation"("licenseKeyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LicenseKey_subscriptionId_key" ON "LicenseKey"("subscriptionId");

-- CreateIndex
CREATE INDEX "LicenseKey_shopId_createdAt_idx" ON "LicenseKey"("shopId", "createdAt");

-- CreateIndex
CREATE INDEX "LicenseKey_userId_idx" ON "LicenseKey"("userId");

-- AddForeignKey
ALTER TABLE "EmailChangeToken" ADD CONSTRAINT "EmailChangeToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseKey" ADD CONSTRAINT "LicenseKey_entitlementId_fkey" FOREIGN KEY ("entitlementId") REFERENCES "Entitlement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseKey" ADD CONSTRAINT "LicenseKey_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseKey" ADD CONSTRAINT "LicenseKey_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseKey" ADD CONSTRAINT "LicenseKey_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseKey" ADD CONSTRAINT "LicenseKey_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
