-- AlterTable
ALTER TABLE "Journey" ADD COLUMN     "segmentSeededAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "JourneySegmentMember" (
    "journeyId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JourneySegmentMember_pkey" PRIMARY KEY ("journeyId","contactId")
);

-- CreateIndex
CREATE INDEX "JourneySegmentMember_contactId_idx" ON "JourneySegmentMember"("contactId");

-- AddForeignKey
ALTER TABLE "JourneySegmentMember" ADD CONSTRAINT "JourneySegmentMember_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneySegmentMember" ADD CONSTRAINT "JourneySegmentMember_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
