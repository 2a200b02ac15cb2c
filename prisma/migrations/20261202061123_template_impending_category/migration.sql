-- AlterTable
ALTER TABLE "Template" ADD COLUMN     "impendingCategory" "TemplateCategory",
ADD COLUMN     "impendingCategoryAt" TIMESTAMP(3);
