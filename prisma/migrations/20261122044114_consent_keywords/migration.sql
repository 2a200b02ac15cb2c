-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "optInKeywords" TEXT[] DEFAULT ARRAY['START', 'UNSTOP', 'SUBSCRIBE', 'ALTA', 'RESUME']::TEXT[],
ADD COLUMN     "optInReply" TEXT NOT NULL DEFAULT 'Thanks! You are subscribed again. Reply STOP at any time to unsubscribe.',
ADD COLUMN     "optOutKeywords" TEXT[] DEFAULT ARRAY['STOP', 'STOP PROMOTIONS', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'BAJA', 'ARRÊT', 'ARRET', 'PARAR', 'SAIR', 'STOPP']::TEXT[],
ADD COLUMN     "optOutReply" TEXT NOT NULL DEFAULT 'You will no longer receive promotional messages from us. Reply START to subscribe again.';
