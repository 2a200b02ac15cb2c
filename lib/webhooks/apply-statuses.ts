// Status events in bulk: each (wamid, status) is recorded once, and only new events move a message.
// A message's state only moves forward: sent < failed < delivered < read < replied. A failure outranks
// "sent" but not proof that the phone got the message, so the state is the furthest stage of the set of
// events, whatever order (or batches) they arrive in. SKIPPED messages were never sent and stay so.
import "server-only";
import type { Prisma } from "@/lib/db/client";
import type { StatusEvent } from "@/lib/whatsapp/schemas";
import { messageKey } from "@/lib/i18n/message-key";
import { classifyError } from "@/lib/whatsapp/errors";
import { recordConsentEvent } from "@/lib/consent/service";
import { foldOutboundStatuses } from "@/lib/inbox/service";
import { priceStatuses } from "@/lib/pricing/costs";
import { emitMessageStatusEvents, type MessageStatus } from "@/lib/outbound-webhooks/domain-events";

export type StatusInput = { workspaceId: string; event: StatusEvent };

/** Parley puts "pm:<message id>" into biz_opaque_callback_data when it sends. */
export const CALLBACK_PREFIX = "pm:";
export function messageIdFromCallback(data: string | undefined): string | null {
  return data?.startsWith(CALLBACK_PREFIX) ? data.slice(CALLBACK_PREFIX.length) : null;
}

const STATE_OF: Record<string, string> = {
  sent: "SENT",
  delivered: "DELIVERED",
  read: "READ",
  played: "READ",
  failed: "FAILED",
};
const RANK: Record<string, number> = { SENT: 20, FAILED: 25, DELIVERED: 30, READ: 40 };

type NewEvent = {
  workspaceId: string;
  wamid: string;
  status: string;
  messageId: string | null;
  recipient: string;
  errorCode: number | null;
  errorTitle: string | null;
  pricingCategory: string | null;
  occurredAt: Date;
};

export async function applyStatuses(tx: Prisma.TransactionClient, inputs: StatusInput[]): Promise<number> {
  const events = inputs.filter((i) => STATE_OF[i.event.status]);
  if (events.length === 0) return 0;
  const inserted = await tx.$queryRawUnsafe<NewEvent[]>(
    `INSERT INTO "MessageStatusEvent" ("workspaceId", wamid, status, "messageId", recipient, "errorCode", "errorTitle", "pricingCategory", "occurredAt")
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::timestamptz[])
     ON CONFLICT (wamid, status) DO NOTHING
     RETURNING "workspaceId", wamid, status, "messageId", recipient, "errorCode", "errorTitle", "pricingCategory", "occurredAt"`,
    events.map((e) => e.workspaceId),
    events.map((e) => e.event.id),
    events.map((e) => e.event.status),
    events.map((e) => messageIdFromCallback(e.event.biz_opaque_callback_data)),
    // The phone's digits, or the BSUID of a person whose phone Meta does not share.
    events.map((e) => e.event.recipient_id ?? e.event.recipient_user_id ?? ""),
    events.map((e) => e.event.errors?.[0]?.code ?? null),
    events.map((e) => e.event.errors?.[0]?.title ?? e.event.errors?.[0]?.message ?? null),
    events.map((e) => (e.event.pricing?.billable === false ? null : (e.event.pricing?.category ?? null))),
    events.map((e) => e.event.timestamp.toISOString()),
  );
  if (inserted.length === 0) return 0;

  // What each newly delivered message costs (lib/pricing), from Meta's pricing object and the card in effect:
  // Meta bills on delivery (a read implies it), so a message sent but never delivered costs nothing.
  const insertedKeys = new Set(inserted.map((e) => `${e.wamid}|${e.status}`));
  const costs = await priceStatuses(
    tx,
    events.flatMap((e) =>
      e.event.pricing && e.event.status !== "sent" && insertedKeys.has(`${e.event.id}|${e.event.status}`)
        ? [
            {
              workspaceId: e.workspaceId,
              wamid: e.event.id,
              recipient: e.event.recipient_id ?? e.event.recipient_user_id ?? "",
              at: e.event.timestamp,
              pricing: e.event.pricing,
            },
          ]
        : [],
    ),
  );

  // One row per message: the earliest time of each stage, the furthest stage reached, the failure if any.
  type Agg = {
    key: string;
    byId: boolean;
    wamid: string;
    rank: number;
    sentAt?: Date;
    deliveredAt?: Date;
    readAt?: Date;
    failedAt?: Date;
    errorCode?: number;
    errorReason?: string;
    pricingCategory?: string;
    costMicros?: number;
  };
  const perMessage = new Map<string, Agg>();
  for (const e of inserted) {
    const key = e.messageId ?? `wamid:${e.wamid}`;
    const agg = perMessage.get(key) ?? {
      key: e.messageId ?? e.wamid,
      byId: Boolean(e.messageId),
      wamid: e.wamid,
      rank: 0,
    };
    const state = STATE_OF[e.status]!;
    const earliest = (current: Date | undefined) => (current && current < e.occurredAt ? current : e.occurredAt);
    agg.rank = Math.max(agg.rank, RANK[state]!);
    if (state === "FAILED") {
      agg.failedAt = earliest(agg.failedAt);
      agg.errorCode = e.errorCode ?? undefined;
      agg.errorReason = e.errorCode
        ? classifyError(e.errorCode).explanation
        : (e.errorTitle ?? messageKey("cloudApi.failed"));
    }
    if (state === "SENT") agg.sentAt = earliest(agg.sentAt);
    if (state === "DELIVERED") agg.deliveredAt = earliest(agg.deliveredAt);
    if (state === "READ") agg.readAt = earliest(agg.readAt);
    if (e.pricingCategory) agg.pricingCategory = e.pricingCategory;
    const cost = costs.get(e.wamid);
    if (cost !== undefined) agg.costMicros = cost;
    perMessage.set(key, agg);
  }
  const rows = [...perMessage.values()];
  // Lock the messages in id order (as the dispatcher does) before changing them: no deadlock between the two.
  await tx.$queryRawUnsafe(
    `SELECT 1 FROM "Message" WHERE id = ANY($1::text[]) OR wamid = ANY($2::text[]) ORDER BY id FOR UPDATE`,
    rows.filter((r) => r.byId).map((r) => r.key),
    rows.filter((r) => !r.byId).map((r) => r.key),
  );
  const stateFor = (rank: number) => Object.entries(RANK).find(([, r]) => r === rank)?.[0] ?? null;
  const iso = (d: Date | undefined) => d?.toISOString() ?? null;

  await tx.$executeRawUnsafe(
    `WITH ev AS (
       SELECT * FROM unnest($1::text[], $2::boolean[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[],
                            $8::timestamptz[], $9::int[], $10::text[], $11::text[], $12::int[])
         AS t(key, by_id, wamid, reached, sent_at, delivered_at, read_at, failed_at, error_code, error_reason, pricing, cost)
     ), target AS (
       SELECT m.id AS message_id, ev.*, m."unconfirmedAt" IS NOT NULL AS unconfirmed,
              CASE m.state WHEN 'QUEUED' THEN 0 WHEN 'CLAIMED' THEN 10 WHEN 'SENT' THEN 20
                           WHEN 'FAILED' THEN CASE WHEN m."unconfirmedAt" IS NOT NULL THEN 15 ELSE 25 END
                           WHEN 'DELIVERED' THEN 30 WHEN 'READ' THEN 40 WHEN 'REPLIED' THEN 50 ELSE 99 END AS current_rank,
              CASE ev.reached WHEN 'SENT' THEN 20 WHEN 'FAILED' THEN 25 WHEN 'DELIVERED' THEN 30 WHEN 'READ' THEN 40 END AS new_rank
       FROM ev JOIN "Message" m ON (ev.by_id AND m.id = ev.key) OR (NOT ev.by_id AND m.wamid = ev.key)
     )
     UPDATE "Message" m SET
       wamid = COALESCE(m.wamid, t.wamid),
       state = CASE WHEN t.new_rank > t.current_rank THEN t.reached::"MessageState" ELSE m.state END,
       "sentAt" = LEAST(m."sentAt", t.sent_at),
       "deliveredAt" = LEAST(m."deliveredAt", t.delivered_at),
       "readAt" = LEAST(m."readAt", t.read_at),
       "failedAt" = CASE WHEN t.unconfirmed AND t.new_rank > t.current_rank THEN t.failed_at ELSE LEAST(m."failedAt", t.failed_at) END,
       "errorCode" = COALESCE(t.error_code, m."errorCode"),
       "pricingCategory" = COALESCE(t.pricing, m."pricingCategory"),
       billable = CASE WHEN t.pricing IS NOT NULL THEN true ELSE m.billable END,
       "costMicros" = COALESCE(t.cost, m."costMicros"),
       -- Evidence settles a message declared unconfirmed: it did reach Meta after all.
       "unconfirmedAt" = CASE WHEN t.unconfirmed AND t.new_rank > t.current_rank THEN NULL ELSE m."unconfirmedAt" END,
       "errorReason" = CASE WHEN t.unconfirmed AND t.new_rank > t.current_rank THEN t.error_reason ELSE COALESCE(t.error_reason, m."errorReason") END
     FROM target t WHERE m.id = t.message_id AND t.current_rank <> 99`,
    rows.map((r) => r.key),
    rows.map((r) => r.byId),
    rows.map((r) => r.wamid),
    rows.map((r) => stateFor(r.rank)),
    rows.map((r) => iso(r.sentAt)),
    rows.map((r) => iso(r.deliveredAt)),
    rows.map((r) => iso(r.readAt)),
    rows.map((r) => iso(r.failedAt)),
    rows.map((r) => r.errorCode ?? null),
    rows.map((r) => r.errorReason ?? null),
    rows.map((r) => r.pricingCategory ?? null),
    rows.map((r) => r.costMicros ?? null),
  );

  // The business's webhooks: one event per new status of a campaign or API message, in this transaction.
  await emitMessageStatusEvents(
    tx,
    inserted.map((e) => ({
      workspaceId: e.workspaceId,
      status: (e.status === "played" ? "read" : e.status) as MessageStatus,
      messageId: e.messageId,
      wamid: e.wamid,
      occurredAt: e.occurredAt,
      errorCode: e.errorCode,
      errorTitle: e.errorTitle,
    })),
  );

  // Inbox replies (not campaign messages) are matched by their wamid.
  await foldOutboundStatuses(tx, [...new Set(inserted.filter((e) => !e.messageId).map((e) => e.wamid))]);

  // Failures that change the contact: an opt-out (131050) or an unreachable number (131026).
  for (const e of inserted.filter((e) => e.errorCode === 131050 || e.errorCode === 131026)) {
    const contact = await tx.contact.findUnique({
      where: { workspaceId_phone: { workspaceId: e.workspaceId, phone: `+${e.recipient.replace(/^\+/, "")}` } },
      select: { id: true },
    });
    if (contact) {
      await applyErrorEffect(tx, {
        workspaceId: e.workspaceId,
        contactId: contact.id,
        code: e.errorCode!,
        proof: `Meta error ${e.errorCode} on message ${e.wamid}`,
        occurredAt: e.occurredAt,
      });
    }
  }
  return inserted.length;
}

/** What Meta's error means for the contact (lib/whatsapp/errors.ts): 131050 opts them out everywhere, 131026 marks them unreachable. */
export async function applyErrorEffect(
  tx: Prisma.TransactionClient,
  e: { workspaceId: string; contactId: string; code: number; proof: string; occurredAt?: Date },
) {
  const { effect } = classifyError(e.code);
  if (effect === "unreachable") await tx.contact.update({ where: { id: e.contactId }, data: { unreachable: true } });
  if (effect === "opt_out") {
    await recordConsentEvent(
      {
        workspaceId: e.workspaceId,
        contactId: e.contactId,
        consentListId: null,
        action: "OPT_OUT",
        source: "ERROR_131050",
        proof: e.proof,
        occurredAt: e.occurredAt,
      },
      tx,
    );
  }
}
