-- The consent log keeps no foreign keys: checked row by row they were a fifth of a large import. The writers
-- keep what they gave (schema.prisma, ConsentEvent).
-- DropForeignKey
ALTER TABLE "ConsentEvent" DROP CONSTRAINT "ConsentEvent_contactId_fkey";

-- DropForeignKey
ALTER TABLE "ConsentEvent" DROP CONSTRAINT "ConsentEvent_consentListId_fkey";
