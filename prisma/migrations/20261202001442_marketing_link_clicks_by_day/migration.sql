-- AlterTable
ALTER TABLE "Campaign" DROP COLUMN "marketingTtlSeconds";

-- CreateIndex
CREATE INDEX "MarketingLinkClick_workspaceId_clickedAt_idx" ON "MarketingLinkClick"("workspaceId", "clickedAt");
