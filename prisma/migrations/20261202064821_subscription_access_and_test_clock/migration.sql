-- AlterEnum
ALTER TYPE "StripeEventIgnoreReason" ADD VALUE 'UNKNOWN_SUBSCRIPTION';

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "grantsAccess" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stripeTestClockId" TEXT;
