-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "quietHours" JSONB;

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "contributorIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "requestAt" TIMESTAMP(3),
ADD COLUMN     "unconfirmedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Lease" (
    "key" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "renewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("key")
);
