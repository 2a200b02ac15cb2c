-- AlterTable
ALTER TABLE "WhatsAppAccount" ADD COLUMN     "marketingMessagesStatus" TEXT,
ADD COLUMN     "marketingMessagesStatusAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "marketingTtlSeconds" INTEGER;

-- CreateTable
CREATE TABLE "MarketingLinkClick" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "clickId" TEXT NOT NULL,
    "messageId" TEXT,
    "component" TEXT,
    "productId" TEXT,
    "clickedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MarketingLinkClick_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MarketingLinkClick_messageId_idx" ON "MarketingLinkClick"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "MarketingLinkClick_workspaceId_clickId_key" ON "MarketingLinkClick"("workspaceId", "clickId");
