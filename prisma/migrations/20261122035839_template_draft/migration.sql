-- AlterTable
ALTER TABLE "Template" ADD COLUMN     "draft" JSONB,
ADD COLUMN     "submittedAt" TIMESTAMP(3);
