-- Each WhatsApp account gets its own Graph API version. Nullable: existing rows keep the version at the end
-- of graphApiBase (read by lib/whatsapp/graph-versions), so no row is rewritten and a running campaign goes on.
-- AlterTable
ALTER TABLE "WhatsAppAccount" ADD COLUMN     "graphApiVersion" TEXT,
ALTER COLUMN "graphApiBase" SET DEFAULT 'https://graph.facebook.com';
