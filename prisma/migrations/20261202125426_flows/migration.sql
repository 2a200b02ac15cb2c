-- CreateEnum
CREATE TYPE "FlowStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'DEPRECATED');

-- AlterEnum
ALTER TYPE "ConsentSource" ADD VALUE 'FLOW';

-- CreateTable
CREATE TABLE "Flow" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "status" "FlowStatus" NOT NULL DEFAULT 'DRAFT',
    "json" JSONB NOT NULL,
    "metaFlowId" TEXT,
    "metaErrors" JSONB NOT NULL DEFAULT '[]',
    "attributeMap" JSONB NOT NULL DEFAULT '{}',
    "consentListId" TEXT,
    "optInField" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Flow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowResponse" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "inboundMessageId" TEXT NOT NULL,
    "flowToken" TEXT NOT NULL,
    "messageId" TEXT,
    "outboundMessageId" TEXT,
    "campaignId" TEXT,
    "journeyId" TEXT,
    "answers" JSONB NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FlowResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Flow_workspaceId_name_key" ON "Flow"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Flow_workspaceId_metaFlowId_key" ON "Flow"("workspaceId", "metaFlowId");

-- CreateIndex
CREATE UNIQUE INDEX "FlowResponse_inboundMessageId_key" ON "FlowResponse"("inboundMessageId");

-- CreateIndex
CREATE INDEX "FlowResponse_flowId_completedAt_idx" ON "FlowResponse"("flowId", "completedAt");

-- CreateIndex
CREATE INDEX "FlowResponse_contactId_completedAt_idx" ON "FlowResponse"("contactId", "completedAt");

-- AddForeignKey
ALTER TABLE "Flow" ADD CONSTRAINT "Flow_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowResponse" ADD CONSTRAINT "FlowResponse_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowResponse" ADD CONSTRAINT "FlowResponse_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
