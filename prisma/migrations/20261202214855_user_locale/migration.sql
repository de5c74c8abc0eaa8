-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" TEXT;

-- Only the languages Stapel speaks (Prisma does not model CHECK constraints; the app validates too).
ALTER TABLE "User" ADD CONSTRAINT "User_locale_check" CHECK ("locale" IS NULL OR "locale" IN ('en', 'de'));
