-- AlterTable
ALTER TABLE "SignInToken" ADD COLUMN     "language" TEXT;
