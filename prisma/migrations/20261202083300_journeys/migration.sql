-- CreateEnum
CREATE TYPE "JourneyStatus" AS ENUM ('DRAFT', 'LIVE', 'PAUSED', 'STOPPED');

-- CreateEnum
CREATE TYPE "JourneyRunStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'EXITED');

-- CreateTable
CREATE TABLE "Journey" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "JourneyStatus" NOT NULL DEFAULT 'DRAFT',
    "draft" JSONB NOT NULL,
    "liveVersionId" TEXT,
    "trigger" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Journey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyVersion" (
    "id" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "graph" JSONB NOT NULL,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JourneyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyRun" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "status" "JourneyRunStatus" NOT NULL DEFAULT 'ACTIVE',
    "stepId" TEXT,
    "stepAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3),
    "waitEvent" TEXT,
    "waitSignal" TEXT,
    "lastMessageId" TEXT,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "variant" TEXT,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "convertedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "JourneyRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyStepLog" (
    "runId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "journeyId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "messageId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JourneyStepLog_pkey" PRIMARY KEY ("runId","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "Journey_liveVersionId_key" ON "Journey"("liveVersionId");

-- CreateIndex
CREATE INDEX "Journey_workspaceId_trigger_idx" ON "Journey"("workspaceId", "trigger");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyVersion_journeyId_number_key" ON "JourneyVersion"("journeyId", "number");

-- CreateIndex
CREATE INDEX "JourneyRun_journeyId_status_stepId_idx" ON "JourneyRun"("journeyId", "status", "stepId");

-- CreateIndex
CREATE INDEX "JourneyRun_contactId_journeyId_idx" ON "JourneyRun"("contactId", "journeyId");


-- CreateIndex
CREATE INDEX "JourneyStepLog_journeyId_stepId_outcome_idx" ON "JourneyStepLog"("journeyId", "stepId", "outcome");

-- AddForeignKey
ALTER TABLE "Journey" ADD CONSTRAINT "Journey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Journey" ADD CONSTRAINT "Journey_liveVersionId_fkey" FOREIGN KEY ("liveVersionId") REFERENCES "JourneyVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyVersion" ADD CONSTRAINT "JourneyVersion_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyRun" ADD CONSTRAINT "JourneyRun_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyRun" ADD CONSTRAINT "JourneyRun_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "JourneyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyRun" ADD CONSTRAINT "JourneyRun_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyStepLog" ADD CONSTRAINT "JourneyStepLog_runId_fkey" FOREIGN KEY ("runId") REFERENCES "JourneyRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (Prisma's schema cannot say "partial"):
-- at most one active run per person per journey;
CREATE UNIQUE INDEX "JourneyRun_active_key" ON "JourneyRun" ("journeyId", "contactId") WHERE status = 'ACTIVE';
-- the engine's claim of due runs;
CREATE INDEX "JourneyRun_due_idx" ON "JourneyRun" ("dueAt") WHERE status = 'ACTIVE';
-- branches waiting for a signal on their last message (lib/journeys/engine.ts, wakeSignalledRuns);
CREATE INDEX "JourneyRun_signal_idx" ON "JourneyRun" ("lastMessageId") WHERE status = 'ACTIVE' AND "waitSignal" IS NOT NULL;
-- the engine's claim of events no journey has looked at yet.
CREATE INDEX "ContactEvent_pending_idx" ON "ContactEvent" ("receivedAt") WHERE "processedAt" IS NULL;
