-- Contacts known by a phone, a BSUID or both (docs/identity.md). Every statement here changes only the
-- catalog (nullable columns, a dropped NOT NULL, renames, a new table), so it takes no time on a large
-- Contact table and a running campaign goes on. The two Contact indexes are built CONCURRENTLY, each in a
-- migration of its own (CONCURRENTLY cannot run inside the transaction a multi-statement script runs in).
-- CreateEnum
CREATE TYPE "IdentityKind" AS ENUM ('PHONE', 'BSUID', 'PARENT_BSUID', 'USERNAME', 'MERGED');

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "bsuid" TEXT,
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "parentBsuid" TEXT,
ADD COLUMN     "username" TEXT,
ALTER COLUMN "phone" DROP NOT NULL;

-- AlterTable: an erased contact is kept as a hash of each of its identifiers, not only of its phone. The
-- hashes already stored are of phones, which stay valid under the new name.
ALTER TABLE "Suppression" RENAME COLUMN "phoneHash" TO "identityHash";
ALTER INDEX "Suppression_workspaceId_phoneHash_key" RENAME TO "Suppression_workspaceId_identityHash_key";

-- CreateTable
CREATE TABLE "ContactIdentityChange" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "kind" "IdentityKind" NOT NULL,
    "previous" TEXT,
    "next" TEXT,
    "source" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactIdentityChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactIdentityChange_contactId_occurredAt_idx" ON "ContactIdentityChange"("contactId", "occurredAt");

-- AddForeignKey
ALTER TABLE "ContactIdentityChange" ADD CONSTRAINT "ContactIdentityChange_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
