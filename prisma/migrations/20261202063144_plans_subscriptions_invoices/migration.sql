-- Plans get prices per interval and currency (PlanPrice), categories, trials and archiving;
-- subscriptions get Stripe's whole state; invoices are kept as receipts; the reason access ended
-- becomes an enum. Existing rows are carried over (edited by hand from the generated SQL).
-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('DRAFT', 'OPEN', 'PAID', 'UNCOLLECTIBLE', 'VOID');

-- CreateEnum
CREATE TYPE "RevokeReason" AS ENUM ('REFUNDED', 'DISPUTED', 'SUBSCRIPTION_ENDED', 'REMOVED_FROM_PLAN', 'UNPUBLISHED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SubscriptionStatus" ADD VALUE 'INCOMPLETE_EXPIRED';
ALTER TYPE "SubscriptionStatus" ADD VALUE 'PAUSED';

-- DropIndex
DROP INDEX "Plan_stripePriceId_key";

-- AlterTable: the free-text reasons written so far were 'refunded' and 'disputed'.
ALTER TABLE "Entitlement" ALTER COLUMN "revokeReason" TYPE "RevokeReason"
  USING (CASE "revokeReason"
    WHEN 'refunded' THEN 'REFUNDED'
    WHEN 'disputed' THEN 'DISPUTED'
    WHEN NULL THEN NULL
    ELSE 'REFUNDED' END)::"RevokeReason";

-- CreateTable (before Plan loses its price columns, so they can be carried over)
CREATE TABLE "PlanPrice" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "interval" "PlanInterval" NOT NULL,
    "stripePriceId" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanPrice_pkey" PRIMARY KEY ("id")
);

INSERT INTO "PlanPrice" ("id", "planId", "amount", "currency", "interval", "stripePriceId", "archivedAt", "createdAt")
SELECT 'pp' || substr(md5("id"), 1, 23), "id", "amount", "currency", "interval", "stripePriceId",
       CASE WHEN "active" THEN NULL ELSE CURRENT_TIMESTAMP END, "createdAt"
FROM "Plan";

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN "archivedAt" TIMESTAMP(3);
UPDATE "Plan" SET "archivedAt" = CURRENT_TIMESTAMP WHERE NOT "active";
ALTER TABLE "Plan" DROP COLUMN "active",
DROP COLUMN "amount",
DROP COLUMN "currency",
DROP COLUMN "interval",
DROP COLUMN "stripePriceId",
ADD COLUMN     "includedCategories" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "trialDays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "Plan" ALTER COLUMN "updatedAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "canceledAt" TIMESTAMP(3),
ADD COLUMN     "currentPeriodStart" TIMESTAMP(3),
ADD COLUMN     "endedAt" TIMESTAMP(3),
ADD COLUMN     "pastDueSince" TIMESTAMP(3),
ADD COLUMN     "planPriceId" TEXT,
ADD COLUMN     "stripeCustomerId" TEXT,
ADD COLUMN     "stripeStateAt" TIMESTAMP(3),
ADD COLUMN     "trialEnd" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL,
    "stripeInvoiceId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "number" TEXT,
    "status" "InvoiceStatus" NOT NULL,
    "currency" TEXT NOT NULL,
    "subtotalAmount" INTEGER NOT NULL,
    "taxAmount" INTEGER NOT NULL DEFAULT 0,
    "totalAmount" INTEGER NOT NULL,
    "amountPaid" INTEGER NOT NULL DEFAULT 0,
    "periodStart" TIMESTAMP(3),
    "periodEnd" TIMESTAMP(3),
    "hostedInvoiceUrl" TEXT,
    "lines" JSONB NOT NULL DEFAULT '[]',
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlanPrice_stripePriceId_key" ON "PlanPrice"("stripePriceId");

-- CreateIndex
CREATE INDEX "PlanPrice_planId_archivedAt_idx" ON "PlanPrice"("planId", "archivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_stripeInvoiceId_key" ON "Invoice"("stripeInvoiceId");

-- CreateIndex
CREATE INDEX "Invoice_userId_createdAt_idx" ON "Invoice"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Plan_shopId_idx" ON "Plan"("shopId");

-- CreateIndex
CREATE INDEX "Subscription_planId_status_idx" ON "Subscription"("planId", "status");

-- AddForeignKey
ALTER TABLE "PlanPrice" ADD CONSTRAINT "PlanPrice_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_planPriceId_fkey" FOREIGN KEY ("planPriceId") REFERENCES "PlanPrice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
