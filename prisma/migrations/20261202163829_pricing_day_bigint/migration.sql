-- AlterTable
ALTER TABLE "MetaPricingDay" ALTER COLUMN "costMicros" SET DATA TYPE BIGINT;
