// Drill-down: who is at a stage of a campaign (paged through indexed rows), as CSV, and as a segment to
// retarget ("delivered but not read" → a follow-up campaign).
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/service";
import { csvLine } from "@/lib/csv";
import { db, type Prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { englishTranslator } from "@/lib/i18n/translator";
import type { SegmentRules } from "@/lib/segments/schemas";
import { SKIP_REASONS, type SkipReason } from "./audience";

const REACHED = ["SENT", "DELIVERED", "READ", "REPLIED"] as const;

/** Each stage: who is in it (by message state) and the segment rules that pick the same people (its name: messages, campaigns.stage). */
export const STAGES = {
  sent: { where: { state: { in: [...REACHED] } }, rules: [["received", "did"]] },
  delivered: {
    where: { state: { in: ["DELIVERED", "READ", "REPLIED"] } },
    rules: [["received", "did"]],
  },
  delivered_not_read: {
    where: { state: "DELIVERED" },
    rules: [
      ["received", "did"],
      ["read", "did_not"],
    ],
  },
  read: { where: { state: { in: ["READ", "REPLIED"] } }, rules: [["read", "did"]] },
  // A tracked link opened; a quick-reply tap is a reply (parley_message_facts counts each tap once).
  clicked: {
    where: { linkClickedAt: { not: null } },
    rules: [["clicked", "did"]],
  },
  replied: { where: { state: "REPLIED" }, rules: [["replied", "did"]] },
  failed: { where: { state: "FAILED" }, rules: null },
  skipped: { where: { state: "SKIPPED" }, rules: null },
  opted_out: { where: { OR: [{ optedOutAt: { not: null } }, { errorCode: 131050 }] }, rules: null },
} as const satisfies Record<string, { where: Prisma.MessageWhereInput; rules: (readonly [string, string])[] | null }>;
export type Stage = keyof typeof STAGES;

export const drillDownSchema = z.object({
  stage: z.enum(Object.keys(STAGES) as [Stage, ...Stage[]]).catch("sent"),
  /** Failed: Meta's error code ("none" for none); skipped: the reason. */
  reason: z.string().max(40).optional().catch(undefined),
  after: z.string().max(60).optional().catch(undefined),
});
export type DrillDown = z.output<typeof drillDownSchema>;

/** The rows of a stage, narrowed to one failure code or skip reason when one is given. */
function stageWhere(campaignId: string, { stage, reason }: DrillDown): Prisma.MessageWhereInput {
  const where: Prisma.MessageWhereInput = { campaignId, ...STAGES[stage].where };
  if (reason && stage === "failed") {
    const code = reason === "none" ? null : Number.parseInt(reason, 10);
    return { ...where, errorCode: Number.isNaN(code) ? -1 : code }; // a reason that is not a code matches nobody
  }
  if (reason && stage === "skipped") return { ...where, skipReason: reason };
  return where;
}

/** How many rows a stage has, from the rollups (the same keys the report shows). */
async function stageTotal(campaignId: string, { stage, reason }: DrillDown): Promise<number> {
  const keys =
    stage === "delivered_not_read"
      ? ["delivered", "read"]
      : reason && stage === "failed"
        ? [`error:${reason}`]
        : reason && stage === "skipped"
          ? [`skip:${reason}`]
          : [stage];
  const rows = await db.campaignDay.groupBy({
    by: ["key"],
    where: { campaignId, key: { in: keys } },
    _sum: { n: true },
  });
  const sum = (key: string) => Number(rows.find((r) => r.key === key)?._sum.n ?? 0);
  return stage === "delivered_not_read" ? sum("delivered") - sum("read") : sum(keys[0]!);
}

const PAGE = 50;

async function campaignOf(workspaceId: string, id: string) {
  const campaign = await db.campaign.findFirst({ where: { id, workspaceId }, select: { id: true, name: true } });
  if (!campaign) throw new NotFoundError("campaign");
  return campaign;
}

const select = {
  id: true,
  state: true,
  errorCode: true,
  errorReason: true,
  skipReason: true,
  clickedButton: true,
  linkButton: true,
  linkCard: true,
  sentAt: true,
  deliveredAt: true,
  readAt: true,
  repliedAt: true,
  failedAt: true,
  contact: { select: { id: true, name: true, phone: true, bsuid: true, username: true } },
} as const;

/**
 * Why a message was skipped or failed. A failure's reason is a message key (lib/i18n/message-key.ts), stored
 * as it is by the dispatcher or the status webhooks: the page translates it, the CSV gives English.
 */
const why = (m: { errorCode: number | null; errorReason: string | null; skipReason: string | null }) =>
  m.skipReason
    ? (SKIP_REASONS[m.skipReason as SkipReason] ?? m.skipReason)
    : m.errorReason
      ? m.errorCode === null
        ? m.errorReason
        : messageKey("cloudApi.withCode", { code: m.errorCode, reason: m.errorReason })
      : "";

/**
 * One page of a stage in contact order, which the (campaign, contact) index gives without sorting
 * (`after`: the last contact id of the previous page); the total comes from the rollups.
 */
export async function listRecipients(workspaceId: string, campaignId: string, drill: DrillDown) {
  const campaign = await campaignOf(workspaceId, campaignId);
  const where = stageWhere(campaignId, drill);
  const [rows, total] = await Promise.all([
    db.message.findMany({
      where: { ...where, ...(drill.after ? { contactId: { gt: drill.after } } : {}) },
      orderBy: { contactId: "asc" },
      take: PAGE + 1,
      select,
    }),
    stageTotal(campaignId, drill),
  ]);
  return {
    campaign,
    total,
    rows: rows.slice(0, PAGE).map((m) => ({ ...m, why: why(m) })),
    next: rows.length > PAGE ? rows[PAGE - 1]!.contact.id : null,
  };
}

export const RECIPIENT_CSV_COLUMNS = [
  "phone",
  "whatsappUserId",
  "username",
  "name",
  "state",
  "sentAt",
  "deliveredAt",
  "readAt",
  "repliedAt",
  "failedAt",
  "button",
  "link",
  "linkCard",
  "reason",
] as const;

/** The whole stage as CSV, streamed 5,000 rows at a time (formulas defused by lib/csv). */
export async function recipientsCsv(workspaceId: string, campaignId: string, drill: DrillDown) {
  const campaign = await campaignOf(workspaceId, campaignId);
  const encoder = new TextEncoder();
  let after: string | undefined;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLine(RECIPIENT_CSV_COLUMNS)));
      }
      const rows = await db.message.findMany({
        where: { ...stageWhere(campaignId, drill), ...(after ? { contactId: { gt: after } } : {}) },
        orderBy: { contactId: "asc" },
        take: 5000,
        select,
      });
      if (rows.length === 0) return controller.close();
      after = rows.at(-1)!.contact.id;
      controller.enqueue(
        encoder.encode(
          rows
            .map((m) =>
              csvLine([
                m.contact.phone,
                m.contact.bsuid,
                m.contact.username,
                m.contact.name,
                m.state,
                m.sentAt,
                m.deliveredAt,
                m.readAt,
                m.repliedAt,
                m.failedAt,
                m.clickedButton,
                m.linkButton === null ? "" : m.linkButton + 1,
                m.linkCard === null ? "" : m.linkCard + 1,
                englishTranslator.message(why(m)),
              ]),
            )
            .join(""),
        ),
      );
    },
  });
  const file = `${campaign.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${drill.stage}${drill.reason ? `-${drill.reason.replace(/[^a-z0-9]+/gi, "-")}` : ""}.csv`;
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${file}"` },
  });
}

/**
 * A saved segment of the people at a stage, for a follow-up campaign; evaluated again at its launch.
 * `stageName` is the stage in the user's words: the segment is named "<campaign>: <stage name>".
 */
export async function retargetSegment(
  workspaceId: string,
  actorId: string,
  campaignId: string,
  stage: Stage,
  stageName: string,
): Promise<{ id: string }> {
  const campaign = await campaignOf(workspaceId, campaignId);
  const conditions = STAGES[stage].rules;
  if (!conditions) throw new NotFoundError("stageSegment");
  const rules: SegmentRules = {
    match: "all",
    groups: [
      {
        match: "all",
        conditions: conditions.map(
          ([event, op]) =>
            ({ field: "engagement", op, event, campaignId }) as SegmentRules["groups"][number]["conditions"][number],
        ),
      },
    ],
  };
  const base = `${campaign.name}: ${stageName.toLocaleLowerCase()}`.slice(0, 70);
  const taken = new Set(
    (await db.segment.findMany({ where: { workspaceId, name: { startsWith: base } }, select: { name: true } })).map(
      (s) => s.name,
    ),
  );
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
  const segment = await db.segment.create({ data: { workspaceId, name, rules }, select: { id: true } });
  await recordAudit(workspaceId, actorId, {
    action: "segment.created",
    targetType: "segment",
    targetId: segment.id,
    details: { name, from: { campaignId, stage } },
  });
  return segment;
}
