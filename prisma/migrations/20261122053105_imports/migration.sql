-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('UPLOADED', 'CHECKING', 'CHECKED', 'IMPORTING', 'DONE', 'FAILED');

-- DropForeignKey
ALTER TABLE "ConsentEvent" DROP CONSTRAINT "ConsentEvent_workspaceId_fkey";

-- CreateTable
CREATE TABLE "ContactImport" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "createdById" TEXT,
    "fileName" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "headers" TEXT[],
    "sample" JSONB NOT NULL DEFAULT '[]',
    "mapping" JSONB,
    "status" "ImportStatus" NOT NULL DEFAULT 'UPLOADED',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "counts" JSONB,
    "rejects" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactImport_workspaceId_createdAt_idx" ON "ContactImport"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_contactId_idx" ON "Message"("contactId");

-- AddForeignKey
ALTER TABLE "ContactImport" ADD CONSTRAINT "ContactImport_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
