-- AlterTable
ALTER TABLE "WhatsAppAccount" ADD COLUMN     "qualityEventAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Template" ADD COLUMN     "categoryEventAt" TIMESTAMP(3),
ADD COLUMN     "qualityEventAt" TIMESTAMP(3),
ADD COLUMN     "statusEventAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "WebhookPart" (
    "id" BIGSERIAL NOT NULL,
    "deliveryId" BIGINT NOT NULL,
    "workspaceId" TEXT,
    "path" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "nextAttemptAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookPart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEventKey" (
    "key" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEventKey_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AccountAlert" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebhookPart_resolvedAt_nextAttemptAt_idx" ON "WebhookPart"("resolvedAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookPart_workspaceId_resolvedAt_idx" ON "WebhookPart"("workspaceId", "resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookPart_deliveryId_path_key" ON "WebhookPart"("deliveryId", "path");

-- CreateIndex
CREATE INDEX "AccountAlert_workspaceId_acknowledgedAt_resolvedAt_idx" ON "AccountAlert"("workspaceId", "acknowledgedAt", "resolvedAt");
