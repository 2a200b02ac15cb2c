-- DropIndex
DROP INDEX "ConsentEvent_consentListId_occurredAt_idx";
