// The dispatcher's statements: claim due messages (FOR UPDATE SKIP LOCKED, consent checked in the same
// statement), record what happened to a batch in one UPDATE, recover claims of a dead worker, finish
// campaigns with nothing left to send.
import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export type ClaimedMessage = {
  id: string;
  campaignId: string;
  contactId: string;
  attempts: number;
  phone: string;
  name: string | null;
  locale: string | null;
  timeZone: string | null;
  attributes: unknown;
};

/**
 * Claims up to `limit` due messages of the given (sending) campaigns. A contact who opted out of the
 * campaign's list since launch, or turned out not to be on WhatsApp, is skipped here instead.
 */
export async function claimMessages(campaignIds: string[], limit: number): Promise<ClaimedMessage[]> {
  const rows = await db.$queryRaw<(ClaimedMessage & { state: string })[]>`
    WITH picked AS (
      SELECT m.id FROM "Message" m
      WHERE m."campaignId" = ANY(${campaignIds}::text[]) AND m.state = 'QUEUED' AND m."nextAttemptAt" <= now()
      ORDER BY m."nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), judged AS (
      SELECT p.id, c.phone, c.name, c.locale, c."timeZone", c.attributes,
        CASE WHEN cc."optedIn" IS NOT TRUE THEN 'opted_out' WHEN c.unreachable THEN 'not_on_whatsapp' END AS skip
      FROM picked p
      JOIN "Message" m ON m.id = p.id
      JOIN "Campaign" k ON k.id = m."campaignId"
      JOIN "Contact" c ON c.id = m."contactId"
      LEFT JOIN "ContactConsent" cc ON cc."contactId" = c.id AND cc."consentListId" = k."consentListId"
    )
    UPDATE "Message" m SET
      state = (CASE WHEN j.skip IS NULL THEN 'CLAIMED' ELSE 'SKIPPED' END)::"MessageState",
      "skipReason" = j.skip,
      "claimedAt" = now(),
      attempts = m.attempts + CASE WHEN j.skip IS NULL THEN 1 ELSE 0 END
    FROM judged j WHERE m.id = j.id
    RETURNING m.id, m."campaignId", m."contactId", m.attempts, m.state, j.phone, j.name, j.locale, j."timeZone", j.attributes`;
  return rows.filter((r) => r.state === "CLAIMED");
}

export type Outcome =
  | { id: string; kind: "sent"; wamid: string; at: Date }
  | { id: string; kind: "failed"; code: number | null; reason: string; at: Date }
  | { id: string; kind: "skipped"; reason: string }
  /** Back to the queue, due at `at` (a cancelled campaign's are skipped instead). */
  | { id: string; kind: "release"; at: Date; refund?: boolean };

/**
 * Records a batch's outcomes in one statement. Rows a webhook already moved on are left as they are.
 * Should the statement fail, each outcome is recorded on its own, so one bad row never costs the others
 * their record (an unrecorded send stays claimed until its webhook or the recovery settles it).
 */
export async function recordOutcomes(outcomes: Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  try {
    await recordBatch(outcomes);
  } catch (error) {
    if (outcomes.length === 1) throw error;
    logger.error("recording a batch failed; recording one by one", { error });
    for (const outcome of outcomes) await recordBatch([outcome]).catch((e: unknown) => logger.error("an outcome could not be recorded", { messageId: outcome.id, error: e }));
  }
}

async function recordBatch(outcomes: Outcome[]): Promise<void> {
  // Rows are locked in id order, as the webhook processing locks them, so the two never deadlock.
  const sorted = [...outcomes].sort((a, b) => (a.id < b.id ? -1 : 1));
  const col = <T,>(pick: (o: Outcome) => T | undefined) => sorted.map((o) => pick(o) ?? null);
  await db.$executeRaw`
    WITH locked AS (SELECT id FROM "Message" WHERE id = ANY(${col((o) => o.id)}::text[]) ORDER BY id FOR UPDATE)
    UPDATE "Message" m SET
      state = (CASE o.kind WHEN 'sent' THEN 'SENT' WHEN 'failed' THEN 'FAILED' WHEN 'skipped' THEN 'SKIPPED'
               ELSE CASE WHEN k.status = 'CANCELLED' THEN 'SKIPPED' ELSE 'QUEUED' END END)::"MessageState",
      wamid = COALESCE(m.wamid, o.wamid),
      "sentAt" = CASE WHEN o.kind = 'sent' THEN LEAST(m."sentAt", o.at) ELSE m."sentAt" END,
      "failedAt" = CASE WHEN o.kind = 'failed' THEN o.at ELSE m."failedAt" END,
      "errorCode" = CASE WHEN o.kind = 'failed' THEN o.code ELSE m."errorCode" END,
      "errorReason" = CASE WHEN o.kind = 'failed' THEN o.reason ELSE m."errorReason" END,
      "skipReason" = CASE WHEN o.kind = 'skipped' THEN o.reason WHEN o.kind = 'release' AND k.status = 'CANCELLED' THEN 'cancelled' ELSE m."skipReason" END,
      "nextAttemptAt" = CASE WHEN o.kind = 'release' THEN o.at ELSE m."nextAttemptAt" END,
      attempts = CASE WHEN o.refund THEN greatest(m.attempts - 1, 0) ELSE m.attempts END,
      "claimedAt" = NULL
    FROM unnest(${col((o) => o.id)}::text[], ${col((o) => o.kind)}::text[], ${col((o) => ("wamid" in o ? o.wamid : null))}::text[],
                ${col((o) => ("at" in o ? o.at : null))}::timestamptz[], ${col((o) => ("code" in o ? o.code : null))}::int[],
                ${col((o) => ("reason" in o ? o.reason : null))}::text[], ${col((o) => ("refund" in o ? o.refund : false))}::boolean[])
      AS o(id, kind, wamid, at, code, reason, refund), "Campaign" k, locked l
    WHERE m.id = o.id AND l.id = o.id AND k.id = m."campaignId" AND m.state = 'CLAIMED'`;
}

/**
 * Claims a worker left behind (it died between claim and record): a send that reached Meta has been
 * reported by a status webhook carrying Parley's id, which moved the row on. A row still CLAIMED this
 * long after its claim never reached Meta, so it goes back to the queue. Never a blind resend.
 */
export async function recoverAbandonedClaims(): Promise<number> {
  const seconds = env().PARLEY_RECLAIM_SECONDS;
  return db.$executeRaw`
    UPDATE "Message" m SET state = (CASE WHEN k.status = 'CANCELLED' THEN 'SKIPPED' ELSE 'QUEUED' END)::"MessageState",
      "skipReason" = CASE WHEN k.status = 'CANCELLED' THEN 'cancelled' ELSE m."skipReason" END,
      "nextAttemptAt" = now(), "claimedAt" = NULL
    FROM "Campaign" k
    WHERE k.id = m."campaignId" AND k.status IN ('SENDING', 'PAUSED', 'CANCELLED')
      AND m.state = 'CLAIMED' AND m."claimedAt" < now() - make_interval(secs => ${seconds})`;
}

/** Campaigns with nothing queued or claimed are complete. Returns the ids that just completed. */
export async function completeFinished(campaignIds: string[]): Promise<string[]> {
  if (campaignIds.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Campaign" k SET status = 'COMPLETED', "completedAt" = now(), "updatedAt" = now()
    WHERE k.id = ANY(${campaignIds}::text[]) AND k.status = 'SENDING'
      AND NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."campaignId" = k.id AND m.state IN ('QUEUED', 'CLAIMED'))
    RETURNING k.id`;
  return rows.map((r) => r.id);
}
