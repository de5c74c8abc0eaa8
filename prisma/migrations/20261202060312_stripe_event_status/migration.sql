-- CreateEnum
CREATE TYPE "StripeEventStatus" AS ENUM ('RECEIVED', 'HANDLED', 'IGNORED');

-- CreateEnum
CREATE TYPE "StripeEventIgnoreReason" AS ENUM ('UNSUPPORTED_TYPE', 'MALFORMED_OBJECT', 'UNKNOWN_CHECKOUT_SESSION', 'UNKNOWN_PAYMENT', 'INVALID_DATA');

-- DropIndex
DROP INDEX "StripeEvent_handledAt_idx";

-- AlterTable
ALTER TABLE "StripeEvent" ADD COLUMN     "ignoreReason" "StripeEventIgnoreReason",
ADD COLUMN     "payloadSanitised" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "status" "StripeEventStatus" NOT NULL DEFAULT 'RECEIVED';

-- Backfill: events handled before this migration. Those of a type Stapel never acted on were only
-- acknowledged: they become IGNORED (UNSUPPORTED_TYPE) without a handledAt.
UPDATE "StripeEvent" SET "status" = 'HANDLED' WHERE "handledAt" IS NOT NULL;
UPDATE "StripeEvent"
SET "status" = 'IGNORED', "ignoreReason" = 'UNSUPPORTED_TYPE', "handledAt" = NULL
WHERE "status" = 'HANDLED'
  AND "type" NOT IN (
    'checkout.session.completed',
    'checkout.session.async_payment_succeeded',
    'checkout.session.expired',
    'charge.refunded',
    'refund.created',
    'charge.dispute.created'
  );

-- CreateIndex
CREATE INDEX "StripeEvent_status_receivedAt_idx" ON "StripeEvent"("status", "receivedAt");
