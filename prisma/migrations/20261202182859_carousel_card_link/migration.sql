-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "linkCard" INTEGER;
