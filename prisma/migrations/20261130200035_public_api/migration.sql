-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "apiKeyId" TEXT,
ADD COLUMN     "callbackData" TEXT,
ADD COLUMN     "category" "TemplateCategory",
ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'campaign',
ADD COLUMN     "request" JSONB,
ADD COLUMN     "templateId" TEXT,
ALTER COLUMN "campaignId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiIdempotency" (
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiIdempotency_pkey" PRIMARY KEY ("workspaceId","key")
);

-- CreateTable
CREATE TABLE "ContactEvent" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "apiKeyId" TEXT,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "ContactEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "eventTypes" TEXT[],
    "secretEncrypted" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledReason" TEXT,
    "failingSince" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundEvent" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "orderingKey" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboundEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundDelivery" (
    "id" BIGSERIAL NOT NULL,
    "endpointId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "orderingKey" TEXT,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboundDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundAttempt" (
    "id" BIGSERIAL NOT NULL,
    "deliveryId" BIGINT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "status" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "responseExcerpt" TEXT,
    "error" TEXT,
    "attemptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboundAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiRateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "ApiRateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE INDEX "ApiKey_workspaceId_createdAt_idx" ON "ApiKey"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "ApiIdempotency_createdAt_idx" ON "ApiIdempotency"("createdAt");

-- CreateIndex
CREATE INDEX "ContactEvent_workspaceId_processedAt_receivedAt_idx" ON "ContactEvent"("workspaceId", "processedAt", "receivedAt");

-- CreateIndex
CREATE INDEX "ContactEvent_contactId_occurredAt_idx" ON "ContactEvent"("contactId", "occurredAt");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_workspaceId_idx" ON "WebhookEndpoint"("workspaceId");

-- CreateIndex
CREATE INDEX "OutboundEvent_workspaceId_createdAt_idx" ON "OutboundEvent"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboundDelivery_state_nextAttemptAt_idx" ON "OutboundDelivery"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboundDelivery_endpointId_orderingKey_state_idx" ON "OutboundDelivery"("endpointId", "orderingKey", "state");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundDelivery_endpointId_eventId_key" ON "OutboundDelivery"("endpointId", "eventId");

-- CreateIndex
CREATE INDEX "OutboundAttempt_endpointId_attemptedAt_idx" ON "OutboundAttempt"("endpointId", "attemptedAt" DESC);

-- CreateIndex
CREATE INDEX "Message_workspaceId_origin_state_nextAttemptAt_idx" ON "Message"("workspaceId", "origin", "state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Message_templateId_createdAt_idx" ON "Message"("templateId", "createdAt");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactEvent" ADD CONSTRAINT "ContactEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundDelivery" ADD CONSTRAINT "OutboundDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundDelivery" ADD CONSTRAINT "OutboundDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OutboundEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundAttempt" ADD CONSTRAINT "OutboundAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "OutboundDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Transactional messages (campaignId null) have no campaign rollup: their analytics read the messages
-- by template (lib/analytics/transactional.ts). The rest of the function is as before.
CREATE OR REPLACE FUNCTION parley_message_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "RollupDelta" ("campaignId", minute, key, n)
    SELECT r."campaignId", date_trunc('minute', f.at), f.key, sum(f.n)
    FROM new_rows r CROSS JOIN LATERAL parley_message_facts(r::"Message") f WHERE r."campaignId" IS NOT NULL GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "RollupDelta" ("campaignId", minute, key, n)
    SELECT r."campaignId", date_trunc('minute', f.at), f.key, -sum(f.n)
    FROM old_rows r CROSS JOIN LATERAL parley_message_facts(r::"Message") f WHERE r."campaignId" IS NOT NULL GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO "RollupDelta" ("campaignId", minute, key, n)
    SELECT "campaignId", minute, key, sum(n) FROM (
      SELECT r."campaignId", date_trunc('minute', f.at) AS minute, f.key, -f.n AS n
      FROM old_rows r CROSS JOIN LATERAL parley_message_facts(r::"Message") f WHERE r."campaignId" IS NOT NULL
      UNION ALL
      SELECT r."campaignId", date_trunc('minute', f.at), f.key, f.n
      FROM new_rows r CROSS JOIN LATERAL parley_message_facts(r::"Message") f WHERE r."campaignId" IS NOT NULL
    ) changes GROUP BY 1, 2, 3 HAVING sum(n) <> 0;
  END IF;
  RETURN NULL;
END $$;
