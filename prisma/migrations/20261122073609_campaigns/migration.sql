-- DropIndex
DROP INDEX "Message_campaignId_state_idx";

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "quietHours" JSONB,
ADD COLUMN     "statusReason" TEXT;

-- CreateIndex
CREATE INDEX "Message_campaignId_state_nextAttemptAt_idx" ON "Message"("campaignId", "state", "nextAttemptAt");
