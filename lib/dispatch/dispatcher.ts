// The worker's dispatch loop: for each workspace with a sending campaign or a transactional message due, take its sender number (a lease,
// "sender:<phone number id>", so one worker paces a number and a dead worker's numbers are free once its
// leases expire) and send a batch. The worker's own lease ("worker:<id>") says it is alive; claims of a
// worker whose lease expired are settled by evidence (lib/dispatch/store.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { holdLease, releaseLease, renewEveryMs, workerLeaseKey } from "@/lib/jobs/leases";
import { logger } from "@/lib/logger";
import { NumberSender } from "./sender";
import { settleOrphanedClaims } from "./store";

const SETTLE_EVERY_MS = 10_000;
const senderKey = (phoneNumberId: string) => `sender:${phoneNumberId}`;

/**
 * `workspaceIds`: serve only these workspaces (a worker set aside for one large tenant, or a test that must
 * not send another test's campaigns); by default, every workspace.
 */
export function createDispatcher(workerId: string, { workspaceIds }: { workspaceIds?: string[] } = {}) {
  const senders = new Map<string, { sender: NumberSender; key: string }>();
  const draining = new Map<string, Promise<unknown>>();
  let settledAt = 0;
  let renewedAt = 0;

  /** Renews this worker's lease and its numbers'; a number whose lease another worker took is dropped. */
  async function renew() {
    renewedAt = Date.now();
    await holdLease(workerLeaseKey(workerId), workerId);
    for (const [workspaceId, { key }] of senders) {
      if (!(await holdLease(key, workerId))) letGo(workspaceId, false);
    }
  }
  // Renewed on a timer too, so a long batch (or a hanging Cloud API) never lets the lease lapse.
  const heartbeat = setInterval(
    () => void renew().catch((error: unknown) => logger.warn("lease renewal failed", { error })),
    renewEveryMs(),
  );
  heartbeat.unref();

  async function hold(workspaceId: string, phoneNumberId: string): Promise<NumberSender | null> {
    const held = senders.get(workspaceId);
    if (held) return held.sender;
    if (draining.has(workspaceId)) return null; // its last sender's requests are still out
    const key = senderKey(phoneNumberId);
    if (!(await holdLease(key, workerId))) return null;
    const sender = new NumberSender(workspaceId, workerId);
    senders.set(workspaceId, { sender, key });
    return sender;
  }

  /**
   * Stops sending for a workspace. Its requests still out are answered and recorded, and only then is its
   * number's lease released (`release`: false when another worker already took it). That can take a
   * request's whole deadline when a Cloud API stops answering, so it goes on beside the rounds.
   */
  function letGo(workspaceId: string, release = true) {
    const held = senders.get(workspaceId);
    if (!held) return;
    senders.delete(workspaceId);
    const done = held.sender
      .drain()
      .then(() => (release ? releaseLease(held.key, workerId) : undefined))
      .catch((error: unknown) => logger.warn("a sender did not stop cleanly", { workspaceId, error }))
      .finally(() => draining.delete(workspaceId));
    draining.set(workspaceId, done);
  }

  /** One round over every sending workspace; true when any batch sent something (run again at once). */
  async function round(): Promise<boolean> {
    if (Date.now() - renewedAt > renewEveryMs()) await renew();
    if (Date.now() - settledAt > SETTLE_EVERY_MS) {
      settledAt = Date.now();
      await settleOrphanedClaims();
    }
    // Workspaces with transactional messages due (the public API, journeys), found through the claim's index.
    const transactional = await db.$queryRaw<{ workspaceId: string; phoneNumberId: string }[]>`
      SELECT w."workspaceId", w."phoneNumberId" FROM "WhatsAppAccount" w
      WHERE EXISTS (SELECT 1 FROM "Message" m WHERE m."workspaceId" = w."workspaceId" AND m.origin IN ('api', 'journey')
        AND m.state = 'QUEUED' AND m."nextAttemptAt" <= now())
        AND (${workspaceIds ?? null}::text[] IS NULL OR w."workspaceId" = ANY(${workspaceIds ?? null}::text[]))`;
    const sending = await db.campaign.findMany({
      where: { status: "SENDING", ...(workspaceIds ? { workspaceId: { in: workspaceIds } } : {}) },
      select: {
        id: true,
        workspaceId: true,
        workspace: { select: { whatsAppAccount: { select: { phoneNumberId: true } } } },
      },
    });
    const byWorkspace = new Map<string, { phoneNumberId: string; transactional: boolean; campaignIds: string[] }>();
    for (const t of transactional)
      byWorkspace.set(t.workspaceId, { phoneNumberId: t.phoneNumberId, transactional: true, campaignIds: [] });
    for (const c of sending) {
      const phoneNumberId = c.workspace.whatsAppAccount?.phoneNumberId;
      if (!phoneNumberId) continue;
      const entry = byWorkspace.get(c.workspaceId) ?? { phoneNumberId, transactional: false, campaignIds: [] };
      entry.campaignIds.push(c.id);
      byWorkspace.set(c.workspaceId, entry);
    }
    for (const workspaceId of [...senders.keys()]) if (!byWorkspace.has(workspaceId)) letGo(workspaceId);
    const results = await Promise.all(
      [...byWorkspace].map(
        async ([workspaceId, { phoneNumberId, ...due }]) => (await hold(workspaceId, phoneNumberId))?.step(due) ?? 0,
      ),
    );
    return results.some((n) => n > 0);
  }

  /** Stops: every request on its way is answered and recorded, then the leases go. */
  async function close() {
    clearInterval(heartbeat);
    for (const workspaceId of [...senders.keys()]) letGo(workspaceId);
    await Promise.all(draining.values());
    await releaseLease(workerLeaseKey(workerId), workerId);
  }

  return { round, close };
}
