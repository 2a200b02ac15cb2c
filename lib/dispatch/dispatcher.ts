// The worker's dispatch loop: for each workspace with a sending campaign, take its sender number (a
// PostgreSQL advisory lock held on the worker's own connection, so one worker paces a number and a
// dead worker's numbers are free at once) and send a batch. Claims a dead worker left are recovered.
import "server-only";
import type pg from "pg";
import { db } from "@/lib/db/client";
import { NumberSender } from "./sender";
import { recoverAbandonedClaims } from "./store";

const RECOVER_EVERY_MS = 10_000;

export function createDispatcher(lockClient: pg.Client) {
  const senders = new Map<string, NumberSender>();
  let recoveredAt = 0;

  async function hold(workspaceId: string, phoneNumberId: string, want: boolean): Promise<boolean> {
    const key = `parley:sender:${phoneNumberId}`;
    if (!want) {
      if (senders.delete(workspaceId)) await lockClient.query("SELECT pg_advisory_unlock(hashtext($1))", [key]);
      return false;
    }
    if (senders.has(workspaceId)) return true;
    const { rows } = await lockClient.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS ok", [key]);
    if (rows[0]?.ok) senders.set(workspaceId, new NumberSender(workspaceId));
    return Boolean(rows[0]?.ok);
  }

  /** One round over every sending workspace; true when any batch sent something (run again at once). */
  async function round(): Promise<boolean> {
    if (Date.now() - recoveredAt > RECOVER_EVERY_MS) {
      recoveredAt = Date.now();
      await recoverAbandonedClaims();
    }
    const sending = await db.campaign.findMany({
      where: { status: "SENDING" },
      select: { id: true, workspaceId: true, workspace: { select: { whatsAppAccount: { select: { phoneNumberId: true } } } } },
    });
    const byWorkspace = new Map<string, { phoneNumberId: string; campaignIds: string[] }>();
    for (const c of sending) {
      const phoneNumberId = c.workspace.whatsAppAccount?.phoneNumberId;
      if (!phoneNumberId) continue;
      const entry = byWorkspace.get(c.workspaceId) ?? { phoneNumberId, campaignIds: [] };
      entry.campaignIds.push(c.id);
      byWorkspace.set(c.workspaceId, entry);
    }
    for (const workspaceId of [...senders.keys()]) {
      if (!byWorkspace.has(workspaceId)) {
        const account = await db.whatsAppAccount.findUnique({ where: { workspaceId }, select: { phoneNumberId: true } });
        if (account) await hold(workspaceId, account.phoneNumberId, false);
        else senders.delete(workspaceId);
      }
    }
    const results = await Promise.all(
      [...byWorkspace].map(async ([workspaceId, { phoneNumberId, campaignIds }]) =>
        (await hold(workspaceId, phoneNumberId, true)) ? senders.get(workspaceId)!.step(campaignIds) : 0,
      ),
    );
    return results.some((n) => n > 0);
  }

  return { round };
}
