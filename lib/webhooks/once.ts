// Webhook events that must count once however often Meta delivers them (Meta retries for days, and a
// delivery may be processed again after a crash): the first transaction to insert a key applies the event,
// a later one finds the key and skips it. Concurrent copies wait on the key's row, so exactly one wins.
import "server-only";
import type { Prisma } from "@/lib/db/client";

/** True the first time this key is seen in this workspace (in the caller's transaction). */
export async function firstTime(tx: Prisma.TransactionClient, workspaceId: string, key: string): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "WebhookEventKey" (key, "workspaceId") VALUES (${`${workspaceId}:${key}`}, ${workspaceId}) ON CONFLICT DO NOTHING`;
  return inserted === 1;
}
