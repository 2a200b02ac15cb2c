-- AlterTable
ALTER TABLE "Template" DROP COLUMN "editCount30d";
