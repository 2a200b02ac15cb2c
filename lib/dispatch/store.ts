// The dispatcher's statements: claim due messages (FOR UPDATE SKIP LOCKED, consent checked in the same
// statement by lib/consent's rule), mark each request just before it leaves, record what happened in one
// UPDATE, settle claims of a dead worker by evidence, finish campaigns with nothing left to send.
//
// No resend on a guess: a claimed row with no `requestAt` never reached Meta and goes back to the queue as
// soon as its worker's lease has expired; a row with one may have reached Meta and is settled only by its
// webhooks (status events carry Parley's id in biz_opaque_callback_data). Without any within the evidence
// window (PARLEY_RECLAIM_SECONDS), once every stored webhook has been processed, it ends FAILED as
// "unconfirmed", explained, and is never sent again. A later webhook still moves it on (apply-statuses).
import "server-only";
import { CAMPAIGN_CONSENT_REFUSAL, campaignConsentJoin, consentRefusalSql } from "@/lib/consent/eligibility";
import { db, Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { messageKey } from "@/lib/i18n/message-key";
import { workerLeaseKey } from "@/lib/jobs/leases";
import { logger } from "@/lib/logger";
import { countMessageOutcomes } from "@/lib/observability/metrics";
import { emitEvents } from "@/lib/outbound-webhooks/emit";
import { emitMessageStatusEvents } from "@/lib/outbound-webhooks/domain-events";

/** The explanation kept on a message whose request may have reached Meta but was never confirmed (a message key). */
export const UNCONFIRMED_REASON = messageKey("cloudApi.unconfirmed");

export type ClaimedMessage = {
  id: string;
  /** Null: a transactional message (the public API), sent as `request` says. */
  campaignId: string | null;
  request: unknown;
  contactId: string;
  attempts: number;
  phone: string | null;
  bsuid: string | null;
  name: string | null;
  locale: string | null;
  timeZone: string | null;
  attributes: unknown;
};

/**
 * Claims up to `limit` due messages for `workerId`: the workspace's transactional messages first (someone
 * is waiting for an order update now), then those of the given (sending) campaigns. A contact who may no
 * longer be sent the template (lib/consent: opted out since it was accepted or launched), or turned out not
 * to be on WhatsApp, is skipped here instead.
 */
export async function claimMessages(
  workerId: string,
  due: { workspaceId: string; transactional: boolean; campaignIds: string[] },
  limit: number,
): Promise<ClaimedMessage[]> {
  const claimed = due.transactional
    ? await claim(workerId, Prisma.sql`m."workspaceId" = ${due.workspaceId} AND m.origin IN ('api', 'journey')`, limit)
    : [];
  if (claimed.length < limit && due.campaignIds.length) {
    claimed.push(
      ...(await claim(workerId, Prisma.sql`m."campaignId" = ANY(${due.campaignIds}::text[])`, limit - claimed.length)),
    );
  }
  return claimed;
}

async function claim(workerId: string, which: Prisma.Sql, limit: number): Promise<ClaimedMessage[]> {
  // A campaign's consent is through its one list; a transactional template's through any list of its
  // category; a session message (no category) answers the person inside their 24-hour window.
  const refusal = Prisma.sql`CASE WHEN m."campaignId" IS NOT NULL THEN ${CAMPAIGN_CONSENT_REFUSAL}
    WHEN m.category IS NOT NULL THEN ${consentRefusalSql(Prisma.sql`c.id`, Prisma.sql`m.category`)} END`;
  const rows = await db.$queryRaw<(ClaimedMessage & { state: string })[]>`
    WITH picked AS (
      SELECT m.id FROM "Message" m
      WHERE ${which} AND m.state = 'QUEUED' AND m."nextAttemptAt" <= now()
      ORDER BY m."nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), judged AS (
      SELECT p.id, c.phone, c.bsuid, c.name, c.locale, c."timeZone", c.attributes,
        CASE WHEN ${refusal} IS NOT NULL THEN ${refusal} WHEN c.unreachable THEN 'not_on_whatsapp'
          -- WhatsApp sends authentication templates to phone numbers only (not to a username's BSUID).
          WHEN c.phone IS NULL AND COALESCE(t.category, m.category) = 'AUTHENTICATION' THEN 'no_phone_for_authentication'
          WHEN c.phone IS NULL AND c.bsuid IS NULL THEN 'no_identity' END AS skip
      FROM picked p
      JOIN "Message" m ON m.id = p.id
      LEFT JOIN "Campaign" k ON k.id = m."campaignId"
      LEFT JOIN "Template" t ON t.id = k."templateId"
      JOIN "Contact" c ON c.id = m."contactId"
      ${campaignConsentJoin(Prisma.sql`c.id`, Prisma.sql`k."consentListId"`, Prisma.sql`t.category`)}
    )
    UPDATE "Message" m SET
      state = (CASE WHEN j.skip IS NULL THEN 'CLAIMED' ELSE 'SKIPPED' END)::"MessageState",
      "skipReason" = j.skip,
      "claimedAt" = now(),
      "claimedBy" = CASE WHEN j.skip IS NULL THEN ${workerId} END,
      "requestAt" = NULL,
      attempts = m.attempts + CASE WHEN j.skip IS NULL THEN 1 ELSE 0 END
    FROM judged j WHERE m.id = j.id
    RETURNING m.id, m."campaignId", m.request, m."contactId", m.attempts, m.state, j.phone, j.bsuid, j.name, j.locale, j."timeZone", j.attributes`;
  return rows.filter((r) => r.state === "CLAIMED");
}

/**
 * Marks the moment each request leaves, just before it does; returns the ids still claimed by this worker
 * (only those may be sent: a row that went back to the queue while this worker was cut off is someone else's).
 */
export async function markLeaving(workerId: string, ids: string[]): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Message" SET "requestAt" = now()
    WHERE id = ANY(${ids}::text[]) AND state = 'CLAIMED' AND "claimedBy" = ${workerId}
    RETURNING id`;
  return new Set(rows.map((r) => r.id));
}

export type Outcome =
  | { id: string; kind: "sent"; wamid: string; at: Date }
  /** No answer (timeout, connection lost): Meta may have it. Handed to the settlement by evidence. */
  | { id: string; kind: "in_doubt" }
  | { id: string; kind: "failed"; code: number | null; reason: string; at: Date }
  | { id: string; kind: "skipped"; reason: string }
  /** Back to the queue, due at `at` (a cancelled campaign's are skipped instead). */
  | { id: string; kind: "release"; at: Date; refund?: boolean };

/**
 * Records outcomes in one statement; only rows this worker still holds change, and rows a webhook already
 * moved on are left as they are. Returns the outcomes that could not be recorded (the database is away, or
 * one row fails the statement: then each is tried on its own), for the caller to try again.
 */
export async function recordOutcomes(workerId: string, outcomes: Outcome[]): Promise<Outcome[]> {
  if (outcomes.length === 0) return [];
  try {
    await recordBatch(workerId, outcomes);
    countMessageOutcomes(outcomes);
    return [];
  } catch (error) {
    logger.error("recording outcomes failed; trying one by one", { count: outcomes.length, error });
    if (outcomes.length === 1) return outcomes;
    const left: Outcome[] = [];
    for (const outcome of outcomes) await recordBatch(workerId, [outcome]).catch(() => left.push(outcome));
    countMessageOutcomes(outcomes.filter((outcome) => !left.includes(outcome)));
    return left;
  }
}

async function recordBatch(workerId: string, outcomes: Outcome[]): Promise<void> {
  // Rows are locked in id order, as the webhook processing locks them, so the two never deadlock.
  const sorted = [...outcomes].sort((a, b) => (a.id < b.id ? -1 : 1));
  const col = <T>(pick: (o: Outcome) => T | undefined) => sorted.map((o) => pick(o) ?? null);
  const cancelled = Prisma.sql`EXISTS (SELECT 1 FROM "Campaign" k WHERE k.id = m."campaignId" AND k.status = 'CANCELLED')`;
  const failures = new Map(sorted.flatMap((o) => (o.kind === "failed" ? [[o.id, o] as const] : [])));
  // A failure Parley saw itself (Meta refused the request) is a message.failed event, emitted with the change
  // in one transaction; a batch without failures (most) is one statement, with no transaction to open.
  const record = async (tx: Pick<Prisma.TransactionClient, "$queryRaw" | "$queryRawUnsafe">) => {
    const failed = await tx.$queryRaw<{ id: string; workspaceId: string }[]>`
    WITH locked AS (SELECT id FROM "Message" WHERE id = ANY(${col((o) => o.id)}::text[]) ORDER BY id FOR UPDATE)
    UPDATE "Message" m SET
      state = (CASE o.kind WHEN 'sent' THEN 'SENT' WHEN 'failed' THEN 'FAILED' WHEN 'skipped' THEN 'SKIPPED' WHEN 'in_doubt' THEN 'CLAIMED'
               ELSE CASE WHEN ${cancelled} THEN 'SKIPPED' ELSE 'QUEUED' END END)::"MessageState",
      wamid = COALESCE(m.wamid, o.wamid),
      "sentAt" = CASE WHEN o.kind = 'sent' THEN LEAST(m."sentAt", o.at) ELSE m."sentAt" END,
      "failedAt" = CASE WHEN o.kind = 'failed' THEN o.at ELSE m."failedAt" END,
      "errorCode" = CASE WHEN o.kind = 'failed' THEN o.code ELSE m."errorCode" END,
      "errorReason" = CASE WHEN o.kind = 'failed' THEN o.reason ELSE m."errorReason" END,
      "skipReason" = CASE WHEN o.kind = 'skipped' THEN o.reason WHEN o.kind = 'release' AND ${cancelled} THEN 'cancelled' ELSE m."skipReason" END,
      "nextAttemptAt" = CASE WHEN o.kind = 'release' THEN o.at ELSE m."nextAttemptAt" END,
      attempts = CASE WHEN o.refund THEN greatest(m.attempts - 1, 0) ELSE m.attempts END,
      "claimedAt" = CASE WHEN o.kind = 'in_doubt' THEN m."claimedAt" END,
      "claimedBy" = NULL,
      "requestAt" = CASE WHEN o.kind IN ('in_doubt', 'sent') THEN m."requestAt" END
    FROM unnest(${col((o) => o.id)}::text[], ${col((o) => o.kind)}::text[], ${col((o) => ("wamid" in o ? o.wamid : null))}::text[],
                ${col((o) => ("at" in o ? o.at : null))}::timestamptz[], ${col((o) => ("code" in o ? o.code : null))}::int[],
                ${col((o) => ("reason" in o ? o.reason : null))}::text[], ${col((o) => ("refund" in o ? o.refund : false))}::boolean[])
      AS o(id, kind, wamid, at, code, reason, refund), locked l
    WHERE m.id = o.id AND l.id = o.id AND m.state = 'CLAIMED' AND m."claimedBy" = ${workerId}
    RETURNING m.id, m."workspaceId"`.then((rows) => rows.filter((r) => failures.has(r.id)));
    await emitMessageStatusEvents(
      tx,
      failed.map((r) => {
        const o = failures.get(r.id)!;
        return {
          workspaceId: r.workspaceId,
          status: "failed" as const,
          messageId: r.id,
          occurredAt: o.at,
          errorCode: o.code,
          explanation: o.reason,
        };
      }),
    );
  };
  await (failures.size ? db.$transaction(record) : record(db));
}

/**
 * Settles claims nobody holds any more (their worker's lease expired, or the worker handed them over after
 * no answer). Never-sent rows go back to the queue at once; rows that may have reached Meta end
 * "unconfirmed" after the evidence window, if no webhook moved them on and none is waiting to be processed.
 */
export async function settleOrphanedClaims(): Promise<{ requeued: number; unconfirmed: number }> {
  const seconds = env().PARLEY_RECLAIM_SECONDS;
  const cancelled = Prisma.sql`EXISTS (SELECT 1 FROM "Campaign" k WHERE k.id = m."campaignId" AND k.status = 'CANCELLED')`;
  const orphaned = Prisma.sql`m.state = 'CLAIMED'
    AND (m."campaignId" IS NULL OR EXISTS (SELECT 1 FROM "Campaign" k WHERE k.id = m."campaignId" AND k.status IN ('SENDING', 'PAUSED', 'CANCELLED', 'COMPLETED')))
    AND (m."claimedBy" IS NULL OR NOT EXISTS (SELECT 1 FROM "Lease" l WHERE l.key = ${workerLeaseKey("")} || m."claimedBy" AND l."expiresAt" > now()))`;
  const requeued = await db.$executeRaw`
    UPDATE "Message" m SET state = (CASE WHEN ${cancelled} THEN 'SKIPPED' ELSE 'QUEUED' END)::"MessageState",
      "skipReason" = CASE WHEN ${cancelled} THEN 'cancelled' ELSE m."skipReason" END,
      attempts = greatest(m.attempts - 1, 0), "nextAttemptAt" = now(), "claimedAt" = NULL, "claimedBy" = NULL
    WHERE ${orphaned} AND m."requestAt" IS NULL`;
  const unconfirmed = await db.$executeRaw`
    UPDATE "Message" m SET state = 'FAILED', "failedAt" = now(), "unconfirmedAt" = now(), "errorCode" = NULL, "errorReason" = ${UNCONFIRMED_REASON},
      "claimedAt" = NULL, "claimedBy" = NULL
    WHERE ${orphaned} AND m."requestAt" < now() - make_interval(secs => ${seconds})
      AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."processedAt" IS NULL AND d.attempts = 0)`;
  if (requeued || unconfirmed) logger.warn("settled claims of a stopped worker", { requeued, unconfirmed });
  return { requeued, unconfirmed };
}

/** Campaigns with nothing queued or claimed are complete. Returns the ids that just completed. */
export async function completeFinished(campaignIds: string[]): Promise<string[]> {
  if (campaignIds.length === 0) return [];
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; workspaceId: string; name: string; completedAt: Date }[]>`
      UPDATE "Campaign" k SET status = 'COMPLETED', "completedAt" = now(), "updatedAt" = now()
      WHERE k.id = ANY(${campaignIds}::text[]) AND k.status = 'SENDING'
        AND NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."campaignId" = k.id AND m.state IN ('QUEUED', 'CLAIMED'))
      RETURNING k.id, k."workspaceId", k.name, k."completedAt"`;
    for (const k of rows) {
      const totals = await tx.message.groupBy({ by: ["state"], where: { campaignId: k.id }, _count: true });
      await emitEvents(tx, k.workspaceId, [
        {
          type: "campaign.completed",
          payload: {
            campaignId: k.id,
            name: k.name,
            totals: Object.fromEntries(totals.map((t) => [t.state, t._count])),
            completedAt: k.completedAt.toISOString(),
          },
        },
      ]);
    }
    return rows.map((r) => r.id);
  });
}
