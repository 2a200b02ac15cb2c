-- AlterTable
ALTER TABLE "Journey" ADD COLUMN     "dateScanAt" TIMESTAMP(3);
